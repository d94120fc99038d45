"""One text model: the fold rule, a page's words as a stream, and matching on it.

`fold` (the form text is compared in, and the search index stores), `stream`
(words → text with offsets back to word boxes, hyphenation across lines),
`match` (strings, quotes and patterns → ranges → page regions), `snippet`
(search results shown in the words as written), `index` (the SQL function the
index is built with)."""

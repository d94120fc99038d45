<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>About</name>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The licence texts are in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The licence texts are in each package&apos;s installed metadata.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Evidence Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline review, tagging, redaction and export of sensitive document packages. Nothing leaves this computer unless you export it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence: GNU Affero General Public License, version 3 or any later version ({spdx}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third-party software</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>Documents in the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by review status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{side}: pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in the {side}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{side}: page number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{side}: zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the {side}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{place}: columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{place}: tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panel tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{place}: list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{place}: choice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDialogs</name>
    <message>
        <source>Open a case folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an empty folder for the new case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsTab</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. rus+eng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{file}
%n page(s), {media}, {size} bytes
SHA-256 {sha}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Document details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntityPickerDialog</name>
    <message>
        <source>Tag an entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name or alias (any language or script)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a type…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type (new entity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Existing entities:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(as “{alias}”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags the existing entity “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entity is called “{name}”: choose a type to create one, or pick an existing entity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates a new {type} “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name, or pick an existing entity.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntityView</name>
    <message>
        <source>Include suggested mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entity chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{name} — {type} · %n mention(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Also: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} — p. {page}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(region)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[suggested]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Evidence Desk Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <source>Cites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cited by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find citations by reference number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link documents whose pages cite another document&apos;s reference number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference {ref}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reference number set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n link(s); double-click one to open both side by side.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No links yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MentionsTab</name>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press T and drag a box (or select text) in a viewer to tag an entity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(region)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n entity(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n tag(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>This region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should a colleague know here?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a note on the page shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a note on the whole document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p. {page}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(region)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OccurrenceSearch</name>
    <message>
        <source>Finding every occurrence of “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redact every occurrence of “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redact every occurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text to redact everywhere:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OcrResumeOffer</name>
    <message numerus="yes">
        <source>Resume OCR (%n page(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>OCR was interrupted before it finished; run the remaining pages now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming interrupted OCR</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageItem</name>
    <message>
        <source>Page {page} cannot be shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonCodesEditor</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reason codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row}: a reason code is 1–32 letters, digits, “-” or “_”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason code “{code}” is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Propose a redaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: why, for the reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new code, e.g. source_identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what it means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redaction is proposed; a reviewer approves or rejects it. Export applies every redaction that was not rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RedactionPreviewDialog</name>
    <message>
        <source>Redact every occurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Untick what must stay visible; nothing is marked until you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional note kept with each redaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record as approved (otherwise proposed for review)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redact selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redact every occurrence of the entity “{query}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redact every occurrence of the pattern “{query}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redact every occurrence of the text “{query}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} — page {page}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, %n line(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RedactionsTab</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(region)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n proposed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScopeSwitch</name>
    <message>
        <source>This page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search text in all documents (words, &quot;phrases&quot;, prefix*, -not)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p. {page}: {snippet}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default OCR languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publication: redacted files only, no source identities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal: with the originals, for the team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default export profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Author name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs your notes, redactions and every entry of the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;OCR languages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason codes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own redaction reasons, added to each case you open, besides the built-in ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Idle lock:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies when Evidence Desk starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR languages are Tesseract codes joined by “+”, e.g. rus+eng+deu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by command or key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diplomatic note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end-user certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bank account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replies to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pays for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ships under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supplies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signs for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unverified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corroborated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authenticated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disputed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disclosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <source>Page {page}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date in text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No dated documents or events yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoController</name>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewerSlot</name>
    <message>
        <source>No document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a document in the case browser,
or drag it here, to open it on this side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page {page}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Building the demo case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Evidence Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read a package of documents side by side, mark who and what each page names, black out what must not leave this computer and hand on a verifiable bundle. Start with one of these:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;Demo Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sixteen specimen letters, notes verbales, invoices and permits, already tagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty case in a folder you choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case folder made before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add PDFs and images to the case open now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is stored where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other recent cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case is the folder {case}: its database (case.sqlite), the imported files exactly as received (originals/) and a cache that can be deleted (cache/). Copy the folder to move the case.
Your settings (author name, OCR languages, reason codes, language) are in {settings}, shared with the command line.
The demo case is built in {demo}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Tesseract is not installed: scans cannot be read until it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed: {languages}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

"""Links between documents: the reference-number registry, automatic "cites" links, manual links."""

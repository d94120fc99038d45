"""Bundles: a case (or some of its documents) as a zipped BagIt bag a colleague can
verify and merge — export, verify, import. Format in the design notes; members in
`layout.py`."""

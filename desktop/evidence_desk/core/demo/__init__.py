"""The demo case: a generated SPECIMEN corpus about a fictitious arms-export affair.

`corpus` reads the templates in resources/demo, `generate` turns them into
born-digital PDFs and scans, `build` imports them into a case."""

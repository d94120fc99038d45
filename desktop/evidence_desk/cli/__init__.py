"""The command line: argument parsing and printing over `evidence_desk.core`."""

"""The only place PyMuPDF is imported. Everything here runs inside sandbox
workers when the input is untrusted; it returns the project's own types."""

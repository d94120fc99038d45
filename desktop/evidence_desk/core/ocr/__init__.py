"""OCR with Tesseract: run as processes, one per core, on pages rendered in sandbox workers."""

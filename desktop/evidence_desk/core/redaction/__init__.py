"""Redaction: marking what must not leave (regions, text, entities), reviewing it,
and exporting sanitised files that cannot leak it."""

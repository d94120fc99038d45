"""Tools that act on a selection in a viewer: tag, redact, note."""

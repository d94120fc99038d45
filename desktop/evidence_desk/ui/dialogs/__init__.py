"""Dialogs of the main window (cases, import summary)."""

"""The Qt GUI. Built only on `evidence_desk.core` (and PySide6); imported only when a window is wanted."""

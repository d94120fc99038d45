"""The case timeline: documents and dated events, filterable by entity."""

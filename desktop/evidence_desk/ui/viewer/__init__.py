"""The document viewer: page view, render service, thumbnails (see document_viewer)."""

"""Where each member lives in a bundle (paths under the bag's `data/`)."""

from __future__ import annotations

FORMAT = "evidence-desk-bundle/1"
ANNOTATIONS = "annotations.jsonld"
ENTITIES_CSV = "entities.csv"
ENTITIES_FTM = "entities.ftm.json"
PROVENANCE = "provenance.json"
AUDIT = "audit.jsonl"
REPORT = "report.html"
RECORDS = "records.json"  # internal profile: every record, for import-bundle
REQUIRED = (ANNOTATIONS, ENTITIES_CSV, ENTITIES_FTM, PROVENANCE, AUDIT, REPORT)
TAG_FILES = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt")
STORED_SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".gif", ".bmp"}
EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png", "image/tiff": ".tif",
              "image/webp": ".webp", "image/bmp": ".bmp", "image/gif": ".gif"}


def sanitised_name(doc_uid: str) -> str:
    return f"documents/{doc_uid}.pdf"


def original_name(sha256: str, media_type: str) -> str:
    return f"originals/{sha256}{EXTENSIONS.get(media_type, '.bin')}"

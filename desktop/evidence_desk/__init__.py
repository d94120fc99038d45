"""Evidence Desk: an offline workstation for reviewing sensitive document packages."""

__version__ = "0.1.0"
APP_ID = "org.evidencedesk.EvidenceDesk"

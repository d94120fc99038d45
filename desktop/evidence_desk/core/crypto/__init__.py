"""Encryption at rest for a case: the key from a passphrase (`keys`), the case folder's
header that records how (`header`), and the chunked AES-GCM file format (`stream`).

The database is encrypted by SQLCipher with a key derived here (`core.db.encrypted`);
originals by `stream`. Hashes stay over the plaintext, so a document keeps its SHA-256
address whether its case is encrypted or not."""

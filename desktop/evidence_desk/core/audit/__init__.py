"""The append-only, hash-chained audit log (`chain`), its head anchored outside the
database (`anchor`), and the replay of the log against the records (`replay`,
`records`, `baseline`: imported by name, since they read the commands' row model)."""

from evidence_desk.core.audit.anchor import (
    ANCHOR_NAME,
    ANCHORED_META,
    Anchor,
    chain_head,
    check_anchor,
    read_anchor,
    write_anchor,
)
from evidence_desk.core.audit.chain import (
    GENESIS_HASH,
    ChainReport,
    append,
    canonical_json,
    entry_hash,
    verify_chain,
)

__all__ = ["ANCHORED_META", "ANCHOR_NAME", "GENESIS_HASH", "Anchor", "ChainReport", "append", "canonical_json",
           "chain_head", "check_anchor", "entry_hash", "read_anchor", "verify_chain", "write_anchor"]

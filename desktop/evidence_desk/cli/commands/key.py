"""`key create [NAME] | key list | key trust PUBLIC_KEY_FILE NAME` — Ed25519 signing keys."""

from __future__ import annotations

import argparse

from evidence_desk.cli.commands.passphrase import read_passphrase
from evidence_desk.cli.output import print_json
from evidence_desk.core.bundle.signing import create_key, keys_dir, known_fingerprints, trust_key


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("key", help="your signing key for bundles, and the colleagues' keys you trust")
    actions = p.add_subparsers(dest="key_action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="create your key pair (passphrase-protected)")
    create.add_argument("name", nargs="?", default="default")
    create.add_argument("--passphrase-file", metavar="FILE")
    listing = actions.add_parser("list", help="your keys and the keys you trust, by fingerprint")
    trust = actions.add_parser("trust", help="trust a colleague's public key")
    trust.add_argument("public_key", metavar="PUBLIC_KEY_FILE")
    trust.add_argument("name")
    for action in (create, listing, trust):
        action.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.key_action == "create":
        info = create_key(args.name, read_passphrase(args.passphrase_file, "New key passphrase: "))
        out = {"name": info.name, "fingerprint": info.fingerprint, "public_key": str(info.public_path)}
    elif args.key_action == "trust":
        info = trust_key(args.public_key, args.name)
        out = {"name": info.name, "fingerprint": info.fingerprint, "public_key": str(info.public_path)}
    else:
        out = {"folder": str(keys_dir()),
               "keys": [{"fingerprint": fp, "name": name} for fp, name in known_fingerprints().items()]}
    if args.json:
        print_json(out)
    elif "keys" in out:
        for key in out["keys"]:
            print(f"{key['fingerprint']}  {key['name']}")
    else:
        print(f"{args.key_action}: {out['name']}  fingerprint {out['fingerprint']}  ({out['public_key']})")
    return 0

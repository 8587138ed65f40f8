#!/usr/bin/env python
"""Write the API's OpenAPI document to docs/openapi.json, or check that the committed copy is
current.

    .venv/bin/python scripts/export_openapi.py          # (re)write docs/openapi.json
    .venv/bin/python scripts/export_openapi.py --check  # exit 1 if it is stale
"""

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "openapi.json"


def render() -> str:
    """The document as committed: two-space indent, trailing newline (deterministic output)."""
    from groundswell.api import openapi_document

    return json.dumps(openapi_document(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if docs/openapi.json differs")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "groundswell.settings")
    import django

    django.setup()
    document = render()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != document:
            print(
                f"{TARGET.relative_to(ROOT)} is stale: run scripts/export_openapi.py",
                file=sys.stderr,
            )
            return 1
        print(f"{TARGET.relative_to(ROOT)} is current.")
        return 0
    TARGET.write_text(document, encoding="utf-8")
    print(f"Wrote {TARGET.relative_to(ROOT)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Validates JSON documents against JSON Schemas (draft 2020-12) with the `jsonschema` package.

Usage: validate_json.py SCHEMA_DIR MANIFEST

MANIFEST is a JSON array of {"name", "schema", "pointer" (optional JSON pointer into the
schema file), "document", "expect": "valid" | "invalid"}. Every *.json in SCHEMA_DIR is
registered under its file name (HSDS refers to "phone.json" etc.) and its $id, so
references resolve offline. Formats are checked (uuid, email, date, ...). Prints one line per document and exits
1 when any document does not meet its expectation, 2 when jsonschema is missing.
"""
import json
import pathlib
import sys

try:
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
except ImportError:
    print("jsonschema is missing: python3 -m pip install jsonschema (make deps does it)")
    sys.exit(2)


def main(schema_dir, manifest_path):
    folder = pathlib.Path(schema_dir)
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}
    resources = [(name, body) for name, body in schemas.items()]
    resources += [(body["$id"], body) for body in schemas.values() if "$id" in body]
    registry = Registry().with_resources(
        (uri, Resource.from_contents(body, default_specification=DRAFT202012)) for uri, body in resources
    )
    failures = 0
    for entry in json.loads(pathlib.Path(manifest_path).read_text(encoding="utf-8")):
        schema = {"$ref": entry["schema"] + entry.get("pointer", "")}
        validator = jsonschema.Draft202012Validator(
            schema, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        errors = sorted(validator.iter_errors(entry["document"]), key=lambda e: list(e.path))
        outcome = "invalid" if errors else "valid"
        ok = outcome == entry.get("expect", "valid")
        failures += 0 if ok else 1
        detail = "; ".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5])
        print(f"{'ok' if ok else 'FAIL'} {entry['name']} ({entry['schema']}{entry.get('pointer', '')}): {outcome} {detail}")
    print(f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

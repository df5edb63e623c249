#!/usr/bin/env python3
"""Builds the JSON forms of protocol/openapi.yaml (the source of truth):

- protocol/openapi.json: pretty, keys sorted, for people and tools;
- Sources/MAEXNode/Resources/openapi.json: the compact copy the node serves (a resource of
  the MAEXNode target, loaded by OpenAPIDocument).

Run after editing the YAML: python3 protocol/openapi-build.py (needs PyYAML).
The tests (ServerOpenAPITests) check that the three agree.
"""
import json
import pathlib
import yaml

root = pathlib.Path(__file__).resolve().parent.parent
document = yaml.safe_load((root / "protocol" / "openapi.yaml").read_text(encoding="utf-8"))
pretty = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
(root / "protocol" / "openapi.json").write_text(pretty, encoding="utf-8")
compact = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
(root / "Sources" / "MAEXNode" / "Resources" / "openapi.json").write_text(compact + "\n", encoding="utf-8")
print(f"wrote protocol/openapi.json ({len(pretty)} bytes) and Sources/MAEXNode/Resources/openapi.json ({len(compact)} bytes)")

#!/usr/bin/env python3
"""Validates a 360Giving JSON package against the 360Giving 1.4.3 schemas beside this file.

Usage: python3 validate.py package.json   (exit 0: valid; 1: invalid, the errors on stderr)
Each grant is checked against 360-giving-schema.json, the package around them against
360-giving-package-schema.json (needs the jsonschema module: python3-jsonschema).
"""
import json
import pathlib
import re
import sys

import jsonschema

here = pathlib.Path(__file__).resolve().parent
grant_schema = json.loads((here / "360-giving-schema.json").read_text(encoding="utf-8"))
package_schema = json.loads((here / "360-giving-package-schema.json").read_text(encoding="utf-8"))
package_schema["properties"]["grants"]["items"] = {"type": "object"}
package = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))

# Formats are checked (awardDate is "a date or a date-time": one of two), date-time by RFC 3339
# here so the result does not depend on optional modules.
formats = jsonschema.FormatChecker()
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


@formats.checks("date-time")
def is_date_time(value):
    return not isinstance(value, str) or bool(DATE_TIME.match(value))


errors = [f"package: {e.message}" for e in jsonschema.Draft202012Validator(package_schema, format_checker=formats).iter_errors(package)]
grant_validator = jsonschema.Draft202012Validator(grant_schema, format_checker=formats)
for index, grant in enumerate(package.get("grants", [])):
    errors += [f"grants[{index}]: {e.message}" for e in grant_validator.iter_errors(grant)]
for error in errors:
    print(error, file=sys.stderr)
sys.exit(1 if errors else 0)

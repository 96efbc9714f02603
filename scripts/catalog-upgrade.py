#!/usr/bin/env python3
"""Rewrites corolint rule catalogs from the legacy string form to the typed
form, in place:

    scripts/catalog-upgrade.py rules/mycompany.json ...

Legacy catalogs wrote every attribute as a string: booleans as "true",
lists ';'-joined ("push_back;emplace_back"), numbers as "1". The typed form
(docs/rules.md, rules/schema.json) uses JSON booleans, arrays and numbers;
corolint rejects the legacy spellings with an error naming this script.

Which attribute has which type comes from rules/schema.json (generated from
the one table in checks/support/RuleSchema.cpp), found next to this script or
given with --schema. Order and layout are kept: an entry written on one line
is rewritten on that line, other lines are left byte for byte; only a file
whose entries span several lines is written out again, one entry per line.
A file already typed is left untouched. Attributes the schema does not know
are reported (and kept, or removed with --drop-unknown).
"""
import argparse
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA = os.path.join(HERE, os.pardir, "rules", "schema.json")

SECTION_OPEN = re.compile(r'^\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*:\s*\[\s*$')
SECTION_CLOSE = re.compile(r"^\s*\]\s*,?\s*$")
ENTRY_LINE = re.compile(r"^(\s*)(\{\s*)(.*?)(\s*\})(\s*,?\s*)$")


def load_types(schema_path):
    """{section: {attribute: JSON type}} from the schema."""
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    types = {}
    for section, definition in schema.get("$defs", {}).items():
        types[section] = {
            key: prop.get("type", "enum")
            for key, prop in definition.get("properties", {}).items()
        }
    return types


class Upgrader:
    def __init__(self, types, drop_unknown, path):
        self.types = types
        self.drop_unknown = drop_unknown
        self.path = path
        self.notes = []

    def value(self, section, key, value, where):
        """The typed value of one attribute, or None to drop it."""
        known = self.types.get(section)
        if known is None:
            return value
        kind = known.get(key)
        if kind is None:
            action = "removed" if self.drop_unknown else "kept"
            self.notes.append(f"{self.path}:{where}: unknown attribute '{key}' "
                              f"in section '{section}' {action}")
            return None if self.drop_unknown else value
        if not isinstance(value, str):
            return value
        if kind == "boolean" and value in ("true", "false"):
            return value == "true"
        if kind == "integer" and value.isdigit():
            return int(value)
        if kind == "array":
            return [item.strip() for item in value.split(";") if item.strip()]
        return value

    def entry(self, section, entry, where):
        out = collections.OrderedDict()
        for key, value in entry.items():
            typed = self.value(section, key, value, where)
            if typed is not None:
                out[key] = typed
        return out


def dump(value):
    return json.dumps(value, ensure_ascii=False)


def dump_entry(entry, open_brace="{ ", close_brace=" }"):
    body = ", ".join(f"{dump(k)}: {dump(v)}" for k, v in entry.items())
    return open_brace + body + close_brace


def upgrade_lines(text, up):
    """Line by line; returns the new text, or None when some entry is not on
    one line."""
    lines = text.splitlines(keepends=True)
    section = None
    for i, line in enumerate(lines):
        body = line.rstrip("\r\n")
        ending = line[len(body):]
        if section is None:
            m = SECTION_OPEN.match(body)
            if m:
                section = m.group(1)
            continue
        if SECTION_CLOSE.match(body):
            section = None
            continue
        m = ENTRY_LINE.match(body)
        if not m:
            return None
        try:
            entry = json.loads(m.group(2) + m.group(3) + m.group(4),
                               object_pairs_hook=collections.OrderedDict)
        except json.JSONDecodeError:
            return None
        if not isinstance(entry, dict):
            return None
        new = up.entry(section, entry, i + 1)
        if new != entry or list(new) != list(entry):
            lines[i] = (m.group(1) + dump_entry(new, m.group(2), m.group(4)) +
                        m.group(5) + ending)
    return "".join(lines)


def upgrade_document(text, up):
    """The whole file written again: one key per line, one entry per line."""
    doc = json.loads(text, object_pairs_hook=collections.OrderedDict)
    out = ["{"]
    items = list(doc.items())
    for n, (key, value) in enumerate(items):
        comma = "," if n + 1 < len(items) else ""
        if isinstance(value, list) and key in up.types:
            out.append(f"  {dump(key)}: [")
            for j, entry in enumerate(value):
                entry_comma = "," if j + 1 < len(value) else ""
                if isinstance(entry, dict):
                    entry = up.entry(key, entry, f"{key}[{j}]")
                    out.append("    " + dump_entry(entry) + entry_comma)
                else:
                    out.append("    " + dump(entry) + entry_comma)
            out.append("  ]" + comma)
        else:
            out.append(f"  {dump(key)}: {dump(value)}{comma}")
    out.append("}")
    return "\n".join(out) + "\n"


def upgrade_file(path, types, drop_unknown):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    json.loads(text)  # a file that is not JSON is an error, not rewritten
    up = Upgrader(types, drop_unknown, path)
    new = upgrade_lines(text, up)
    if new is not None:
        # Entries the line pass did not see (a section on one line) still
        # hold legacy values: then the whole file is written again.
        check = Upgrader(types, drop_unknown, path)
        if json.loads(upgrade_document(new, check)) != json.loads(new):
            new = None
    if new is None:
        up.notes.clear()
        new = upgrade_document(text, up)
    for note in up.notes:
        print(note, file=sys.stderr)
    if new != text:
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)
        return True
    return False


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--schema", default=DEFAULT_SCHEMA,
                        help="rules/schema.json (default: next to this script)")
    parser.add_argument("--drop-unknown", action="store_true",
                        help="remove attributes the schema does not know")
    args = parser.parse_args(argv)
    types = load_types(args.schema)
    status = 0
    for path in args.files:
        if os.path.exists(path) and os.path.samefile(path, args.schema):
            print(f"{path}: the schema itself, skipped")
            continue
        try:
            changed = upgrade_file(path, types, args.drop_unknown)
        except (OSError, ValueError) as e:
            print(f"{path}: error: {e}", file=sys.stderr)
            status = 1
            continue
        print(f"{path}: {'upgraded' if changed else 'already typed'}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Tests of the rule catalogs' JSON Schema and of scripts/catalog-upgrade.py.

    python3 tests/rules/catalog_test.py SOURCE_DIR

- rules/schema.json is a valid JSON Schema, every shipped rules/*.json
  validates against it and names it in "$schema";
- the schema rejects the legacy string form, misspelt attributes and bad
  kinds (the C++ loader's own tests are tests/RuleSchemaTest.cpp);
- catalog-upgrade.py rewrites a legacy file to the typed form keeping its
  layout, leaves a typed file alone, writes a file with multi-line entries
  one entry per line, and its output validates.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import jsonschema

SOURCE = os.path.abspath(sys.argv.pop(1) if len(sys.argv) > 1 else
                         os.path.join(os.path.dirname(__file__), "..", ".."))
RULES = os.path.join(SOURCE, "rules")
UPGRADE = os.path.join(SOURCE, "scripts", "catalog-upgrade.py")
FIXTURES = os.path.join(SOURCE, "tests", "rules")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


SCHEMA = load(os.path.join(RULES, "schema.json"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def errors(doc):
    return [e.message for e in VALIDATOR.iter_errors(doc)]


class Schema(unittest.TestCase):
    def test_schema_is_a_valid_json_schema(self):
        jsonschema.Draft202012Validator.check_schema(SCHEMA)

    def test_every_shipped_catalog_validates(self):
        files = [f for f in sorted(glob.glob(os.path.join(RULES, "*.json")))
                 if os.path.basename(f) != "schema.json"]
        self.assertGreater(len(files), 10)
        for path in files:
            with self.subTest(path=os.path.basename(path)):
                doc = load(path)
                self.assertEqual(errors(doc), [])
                self.assertEqual(doc.get("$schema"), "./schema.json")

    def test_testdata_catalogs_validate(self):
        for path in glob.glob(os.path.join(SOURCE, "testdata", "*.json")):
            with self.subTest(path=os.path.basename(path)):
                self.assertEqual(errors(load(path)), [])

    def test_rejects_legacy_misspelt_and_bad_values(self):
        base = {"library": "x"}
        bad = [
            {"blocking": [{"name": "f", "fd_call": "true"}]},
            {"element_work": [{"name": "f", "inserts": "a;b"}]},
            {"spawn": [{"name": "f", "per_element": "0"}]},
            {"blocking": [{"name": "f", "fd_cal": True}]},
            {"blocking": [{"name": "f", "kind": "disk"}]},
            {"spawn": [{"name": "f", "kind": "io"}]},
            {"async_locks": [{"name": "f", "mutex": True}]},
            {"blockign": []},
            {"blocking": [{"kind": "io"}]},
        ]
        for extra in bad:
            with self.subTest(doc=extra):
                self.assertNotEqual(errors(dict(base, **extra)), [])
        good = dict(base, **{"$schema": "./schema.json",
                             "blocking": [{"name": "f", "fd_call": True, "kind": "io",
                                           "min_arguments": 1,
                                           "non_blocking_members": ["eof"]}]})
        self.assertEqual(errors(good), [])


class Upgrade(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir)

    def copy(self, name):
        path = os.path.join(self.dir, name)
        shutil.copy(os.path.join(FIXTURES, name), path)
        return path

    def run_upgrade(self, *args):
        return subprocess.run([sys.executable, UPGRADE, *args],
                              capture_output=True, text=True)

    def read(self, path):
        with open(path, encoding="utf-8") as f:
            return f.read()

    def test_legacy_file_becomes_typed_with_its_layout(self):
        path = self.copy("legacy.json")
        self.assertNotEqual(errors(load(path)), [])
        r = self.run_upgrade("--drop-unknown", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("upgraded", r.stdout)
        self.assertIn("unknown attribute 'mutex' in section 'async_locks' removed",
                      r.stderr)
        expected = self.read(os.path.join(FIXTURES, "legacy.typed.json"))
        self.assertEqual(self.read(path), expected)
        # Typed now: the schema is happy (but for the missing $schema, which
        # is optional), and a second run changes nothing.
        self.assertEqual(errors(load(path)), [])
        r = self.run_upgrade(path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("already typed", r.stdout)
        self.assertEqual(self.read(path), expected)

    def test_unknown_attributes_are_kept_without_drop(self):
        path = self.copy("legacy.json")
        r = self.run_upgrade(path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("unknown attribute 'mutex' in section 'async_locks' kept",
                      r.stderr)
        doc = load(path)
        self.assertEqual(doc["async_locks"][0]["mutex"], "true")
        self.assertEqual(doc["blocking"][0]["fd_call"], True)

    def test_multiline_entries_are_written_one_per_line(self):
        path = self.copy("multiline.json")
        r = self.run_upgrade(path)
        self.assertEqual(r.returncode, 0, r.stderr)
        doc = load(path)
        self.assertEqual(errors(doc), [])
        self.assertEqual(doc["blocking"][0]["ready_after_await"], True)
        self.assertEqual(doc["blocking"][0]["ready_from"], ["acme::make_ready"])
        self.assertEqual(doc["yields"], [{"name": "acme::yield"}])
        self.assertIn('    { "name": "acme::wait", "kind": "wait", '
                      '"ready_after_await": true, "ready_from": ["acme::make_ready"] }',
                      self.read(path))

    def test_shipped_catalogs_are_already_typed(self):
        for path in glob.glob(os.path.join(RULES, "*.json")):
            if os.path.basename(path) == "schema.json":
                continue
            copy = os.path.join(self.dir, os.path.basename(path))
            shutil.copy(path, copy)
            r = self.run_upgrade(copy)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("already typed", r.stdout, path)
            self.assertEqual(self.read(copy), self.read(path))

    def test_invalid_json_is_an_error_and_left_alone(self):
        path = os.path.join(self.dir, "bad.json")
        with open(path, "w") as f:
            f.write('{"library": "x",')
        r = self.run_upgrade(path)
        self.assertEqual(r.returncode, 1)
        self.assertIn("error", r.stderr)
        self.assertEqual(self.read(path), '{"library": "x",')


if __name__ == "__main__":
    unittest.main()

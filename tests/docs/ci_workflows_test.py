#!/usr/bin/env python3
"""Checks the GitHub Actions workflows in docs/ci.md.

Every ```yaml block that starts with `# .github/workflows/NAME` is a whole
workflow: it must pass a workflow validator (@action-validator/cli, the
binary named by COROLINT_ACTION_VALIDATOR), and follow what code scanning
needs today: actions at v4 or newer, upload-sarif v4, security-events: write
and actions: read where SARIF is uploaded, no upload from forks' pull
requests, corolint pinned to a version, `merge --shards`.
Usage: ci_workflows_test.py DOCS_CI_MD
"""
import os
import re
import subprocess
import sys
import tempfile

VALIDATOR = os.environ.get("COROLINT_ACTION_VALIDATOR", "")
failures = []


def fail(msg):
    failures.append(msg)


def workflows(text):
    for m in re.finditer(r"```yaml\n(.*?)```", text, re.S):
        body = m.group(1)
        first = body.splitlines()[0] if body.strip() else ""
        name = re.match(r"#\s*\.github/workflows/(\S+)", first)
        if name:
            yield name.group(1), body


def validate(name, body):
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as f:
        f.write(body)
    try:
        p = subprocess.run([VALIDATOR, f.name], capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    return p.returncode, p.stdout + p.stderr


def policy(name, body):
    for action, ref in re.findall(r"uses:\s*([\w./-]+)@(\S+)", body):
        if ref in ("main", "master") or not re.fullmatch(r"v\d+(\.\d+)*", ref):
            fail(f"{name}: {action}@{ref} is not pinned to a release")
            continue
        major = int(ref[1:].split(".")[0])
        if action.startswith(("actions/", "github/codeql-action/")) and major < 4:
            fail(f"{name}: {action}@{ref}: use v4 or newer")
    for ref in re.findall(r"^\s*ref:\s*(.+?)\s*$", body, re.M):
        if ref in ("main", "master") or "COROLINT_VERSION" not in ref:
            fail(f"{name}: corolint checked out at '{ref}', not at its pinned version")
    if "corolint merge" in body and "--shards=" not in body:
        fail(f"{name}: 'corolint merge' without --shards lets a failed shard pass")
    if "upload-sarif" in body:
        if "security-events: write" not in body:
            fail(f"{name}: uploads SARIF without security-events: write")
        if "actions: read" not in body:
            fail(f"{name}: uploads SARIF without actions: read (private repositories)")
        at = body.find("uses: github/codeql-action/upload-sarif")
        block = body[body.rfind("- ", 0, at):at]  # the upload step up to its uses:
        if "head.repo.full_name == github.repository" not in block:
            fail(f"{name}: upload-sarif is not skipped for pull requests from forks")
    if "download-artifact" in body and "run-id:" in body and "actions: read" not in body:
        fail(f"{name}: reads another run's artifacts without actions: read")


def main():
    if not VALIDATOR or not os.access(VALIDATOR, os.X_OK):
        print(f"FAIL: no workflow validator at COROLINT_ACTION_VALIDATOR='{VALIDATOR}' "
              "(scripts/setup.sh installs it)")
        return 1
    text = open(sys.argv[1]).read()
    found = list(workflows(text))
    if len(found) < 2:
        fail(f"expected the sharded and the pull-request workflow, found {len(found)}")
    passed = 0
    for name, body in found:
        before = len(failures)
        rc, out = validate(name, body)
        if rc != 0:
            fail(f"{name}: the validator rejects it:\n{out}")
        policy(name, body)
        passed += len(failures) == before
    # The validator must be able to say no: a misspelt key is an error.
    if found:
        rc, _ = validate("broken", found[0][1].replace("runs-on:", "runs-onn:", 1))
        if rc == 0:
            fail("the validator accepted a workflow with a misspelt key")
        else:
            passed += 1
    for f in failures:
        print("FAIL:", f)
    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

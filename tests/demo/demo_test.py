#!/usr/bin/env python3
"""Runs scripts/demo.sh on an existing build: every check reports a finding
in examples/, the --fix diff is not empty, and examples/ is left unchanged."""
import hashlib
import os
import re
import subprocess
import sys

CHECKS = ["coro-awaitless-loop", "coro-blocking-call", "coro-ignored-send-result",
          "coro-lock-across-suspend", "coro-sequential-await", "coro-unbounded-spawn"]


def tree_hash(root):
    h = hashlib.sha256()
    for sub in ("src", "include"):
        for dirpath, dirs, files in sorted(os.walk(os.path.join(root, sub))):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                h.update(path.encode())
                with open(path, "rb") as f:
                    h.update(f.read())
    return h.hexdigest()


def main():
    source, build = sys.argv[1], sys.argv[2]
    examples = os.path.join(source, "examples")
    before = tree_hash(examples)
    run = subprocess.run([os.path.join(source, "scripts", "demo.sh"), "--no-build",
                          "--build-dir=" + build], capture_output=True, text=True,
                         timeout=900)
    out = run.stdout + run.stderr
    failures = []
    if run.returncode != 0:
        failures.append("demo.sh exited with %d" % run.returncode)
    findings, _, fixes = out.partition("--fix    # on a copy")
    for check in CHECKS:
        if not re.search(r": warning: .*\[%s\]" % re.escape(check), findings):
            failures.append("no finding of %s" % check)
    fix_diff, _, notes_diff = fixes.partition("--fix-notes    # on a copy")
    for name, diff in (("--fix", fix_diff), ("--fix-notes", notes_diff)):
        if not re.search(r"^\+\+\+ b/examples/(src|include)/", diff, re.M):
            failures.append("the %s diff is empty" % name)
        if "overlap" in diff or "error:" in diff:
            failures.append("%s reported a problem" % name)
    if tree_hash(examples) != before:
        failures.append("demo.sh changed examples/")
    if failures:
        print(out)
        print("\n".join("FAIL: " + f for f in failures))
        return 1
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

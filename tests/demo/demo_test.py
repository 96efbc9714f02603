#!/usr/bin/env python3
"""Runs scripts/demo.sh on an existing build: every check reports a finding
in examples/, the --fix diff is not empty, and examples/ is left unchanged."""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

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


def fixed_copy_compiles(source, build):
    """--fix-notes on a copy of examples/: every file it changes compiles
    against the real asio headers, and fewer findings are left."""
    failures = []
    tmp = tempfile.mkdtemp()
    try:
        copy = os.path.join(tmp, "examples")
        os.makedirs(copy)
        for name in ("include", "src"):
            shutil.copytree(os.path.join(source, "examples", name), os.path.join(copy, name))
        shutil.copy(os.path.join(source, "examples", "make-compile-commands.sh"), copy)
        subprocess.run([os.path.join(copy, "make-compile-commands.sh"), os.path.join(copy, "build")],
                       check=True, capture_output=True)
        corolint = os.path.join(build, "bin", "corolint")
        args = [corolint, "-p", "build", "--source-root=.", "--progress=never"]
        before = subprocess.run(args, cwd=copy, capture_output=True, text=True).stdout
        fixed = subprocess.run(args + ["--fix-notes"], cwd=copy, capture_output=True, text=True)
        changed = re.findall(r"fix(?:es)? applied in '([^']+)'", fixed.stderr)
        if not changed:
            failures.append("--fix-notes changed no file: " + fixed.stderr)
        with open(os.path.join(copy, "build", "compile_commands.json")) as f:

            commands = {c["file"]: c for c in json.load(f)}
        for name in changed:
            command = commands[name]["arguments"]
            flags = [a for a in command[1:] if a.startswith(("-std", "-I", "-D"))]
            run = subprocess.run(["clang++-19", "-fsyntax-only"] + flags + [name],
                                 cwd=copy, capture_output=True, text=True)
            if run.returncode != 0:
                failures.append("%s does not compile after --fix-notes:\n%s" % (name, run.stderr))
        after = subprocess.run(args, cwd=copy, capture_output=True, text=True).stdout
        if after.count(": warning: ") >= before.count(": warning: "):
            failures.append("--fix-notes left as many findings as before")
    finally:
        shutil.rmtree(tmp)
    return failures


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
    failures += fixed_copy_compiles(source, build)
    if failures:
        print(out)
        print("\n".join("FAIL: " + f for f in failures))
        return 1
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

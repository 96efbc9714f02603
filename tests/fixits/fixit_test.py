#!/usr/bin/env python3
"""Applies corolint's fix-its to one testdata/fixes/*.cpp file and checks them.

The input file starts with directives (see tests/fixits/README.md):
  // fix-check: coro-blocking-call        the one check to run
  // fix-mode: fix | fix-notes            clang-tidy --fix or --fix-notes
  // fix-args: -std=c++20 -Itestdata/include ...   compile arguments; relative
                                          paths are relative to the repo root
  // fix-expect: none                     (optional) a finding but no fix
and, unless it expects none, has a sibling NAME.cpp.fixed with the exact
expected result.

Steps: run the check on the input (it must report a finding); apply the
fixes to a copy in a temporary directory; compare the copy with .fixed (or
with the input when no fix is expected); compile the result with
`clang++ -fsyntax-only` (it must compile); run the check on the result: every
finding that carried a fix must be gone (per message text, by count), and
with `fix-expect: none` every finding must still be there.
Exit status 0 on success, 1 on a failed expectation, 2 on a bad test file.
"""
import argparse
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

import yaml

DIRECTIVE = re.compile(r"^\s*//\s*fix-(check|mode|args|expect):\s*(.*?)\s*$")


def directives(text):
    found = {}
    for line in text.splitlines():
        m = DIRECTIVE.match(line)
        if m:
            if m.group(1) in found:
                raise ValueError("directive fix-%s given twice" % m.group(1))
            found[m.group(1)] = m.group(2)
    for key in ("check", "mode", "args"):
        if key not in found:
            raise ValueError("missing directive // fix-%s:" % key)
    if found["mode"] not in ("fix", "fix-notes"):
        raise ValueError("fix-mode must be 'fix' or 'fix-notes', not %r" % found["mode"])
    if found.get("expect", "fixed") not in ("fixed", "none"):
        raise ValueError("fix-expect must be 'none' (or absent)")
    return found


def compile_args(text, root):
    """The fix-args words with relative -I/-isystem paths made absolute."""
    out = []
    words = shlex.split(text)
    i = 0
    while i < len(words):
        w = words[i]
        for flag in ("-I", "-isystem", "-iquote"):
            if w == flag and i + 1 < len(words):
                out += [w, os.path.join(root, words[i + 1])]
                i += 1
                break
            if w.startswith(flag) and len(w) > len(flag) and flag == "-I":
                out.append("-I" + os.path.join(root, w[2:]))
                break
        else:
            out.append(w)
        i += 1
    return out


def run_check(tidy, plugin, check, path, args, mode=None):
    """Runs the check; returns (diagnostics of the check, stdout+stderr)."""
    export = path + ".fixes.yaml"
    if os.path.exists(export):
        os.remove(export)
    cmd = [tidy, "--load", plugin, "--checks=-*," + check, "--config={}",
           "--export-fixes=" + export]
    if mode:
        cmd.append("--" + mode)
    cmd += [path, "--"] + args
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    output = proc.stdout
    diags = []
    if os.path.exists(export):
        with open(export) as f:
            doc = yaml.safe_load(f) or {}
        diags = [d for d in doc.get("Diagnostics") or []
                 if d.get("DiagnosticName") == check]
    if proc.returncode != 0 and "error:" in output and not diags:
        raise RuntimeError("clang-tidy failed:\n" + " ".join(cmd) + "\n" + output)
    return diags, output


def has_fix(diag, mode):
    if mode == "fix":
        return bool(diag["DiagnosticMessage"].get("Replacements"))
    return any(n.get("Replacements") for n in diag.get("Notes") or [])


def any_fix(diag):
    return has_fix(diag, "fix") or has_fix(diag, "fix-notes")


def message(diag):
    return diag["DiagnosticMessage"]["Message"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clang-tidy", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--clang", required=True, help="clang++ to compile results with")
    ap.add_argument("--root", required=True, help="repository root")
    ap.add_argument("file")
    opts = ap.parse_args()

    with open(opts.file) as f:
        original = f.read()
    try:
        d = directives(original)
    except ValueError as e:
        print("%s: bad test file: %s" % (opts.file, e))
        return 2
    check, mode = d["check"], d["mode"]
    expect_none = d.get("expect") == "none"
    args = compile_args(d["args"], opts.root)
    fixed_path = opts.file + ".fixed"
    if expect_none and os.path.exists(fixed_path):
        print("%s: fix-expect: none, yet %s exists" % (opts.file, fixed_path))
        return 2
    if not expect_none and not os.path.exists(fixed_path):
        print("%s: no %s (or // fix-expect: none)" % (opts.file, fixed_path))
        return 2

    failures = []
    work = tempfile.mkdtemp(prefix="corolint-fixit-")
    try:
        path = os.path.join(work, os.path.basename(opts.file))
        shutil.copyfile(opts.file, path)
        before, _ = run_check(opts.clang_tidy, opts.plugin, check, path, args)
        if not before:
            failures.append("the input has no %s finding" % check)
        fixable = [x for x in before if has_fix(x, mode)]
        if expect_none and any(any_fix(x) for x in before):
            failures.append("fix-expect: none, but a fix is offered for: " +
                            "; ".join(message(x) for x in before if any_fix(x)))
        if not expect_none and not fixable:
            failures.append("no finding carries a fix for --%s" % mode)

        _, applied = run_check(opts.clang_tidy, opts.plugin, check, path, args, mode)
        with open(path) as f:
            result = f.read()
        expected = original
        if not expect_none:
            with open(fixed_path) as f:
                expected = f.read()
        if result != expected:
            diff = difflib.unified_diff(
                expected.splitlines(True), result.splitlines(True),
                "expected", "after --" + mode)
            failures.append("the fixed file differs from %s:\n%s" %
                            ("the input" if expect_none else fixed_path, "".join(diff)))

        comp = subprocess.run([opts.clang, "-fsyntax-only"] + args + [path],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True)
        if comp.returncode != 0:
            failures.append("the fixed file does not compile:\n" + comp.stdout)

        after, _ = run_check(opts.clang_tidy, opts.plugin, check, path, args)
        count = lambda ds, m: sum(1 for x in ds if message(x) == m)
        if expect_none:
            for m in sorted({message(x) for x in before}):
                if count(after, m) != count(before, m):
                    failures.append("finding changed without a fix: %s" % m)
        else:
            for m in sorted({message(x) for x in fixable}):
                left = count(after, m)
                allowed = count(before, m) - count(fixable, m)
                if left > allowed:
                    failures.append("finding still reported after the fix: %s" % m)
    except (RuntimeError, OSError, yaml.YAMLError) as e:
        failures.append(str(e))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if failures:
        for f in failures:
            print("%s: FAIL: %s" % (opts.file, f))
        return 1
    print("%s: ok (%s)" % (opts.file, "no fix, as expected" if expect_none else "fixed"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

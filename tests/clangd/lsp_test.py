#!/usr/bin/env python3
"""Drives corolint-clangd as an editor does (LSP over stdin/stdout) and
checks that the coro findings arrive as diagnostics; then --check."""
import json
import os
import subprocess
import sys
import tempfile
import threading
import queue
import shutil
import unittest

CLANGD = os.environ["COROLINT_CLANGD"]
COROLINT = os.environ.get("COROLINT_BIN", "")  # the driver: the fixes to expect
FIXTURE = os.environ["COROLINT_CLANGD_FIXTURE"]  # testdata/clangd
TIMEOUT = 180


def uri(path):
    return "file://" + os.path.abspath(path)


class Server:
    def __init__(self, cwd):
        self.proc = subprocess.Popen(
            [CLANGD, "--background-index=false", "--log=error", "--pch-storage=memory"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=cwd)
        self.messages = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()
        self.stderr = []
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self):
        for line in self.proc.stderr:
            self.stderr.append(line.decode(errors="replace"))

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            self.messages.put(json.loads(out.read(length)))

    def send(self, method, params, request=False):
        msg = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            msg["id"] = self.next_id
            self.next_id += 1
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return msg.get("id")

    def wait_for(self, predicate):
        while True:
            msg = self.messages.get(timeout=TIMEOUT)
            if msg is None:
                raise AssertionError("server exited:\n" + "".join(self.stderr))
            if predicate(msg):
                return msg

    def diagnostics(self, path, want_coro):
        """The first publishDiagnostics for path that (when want_coro) has
        clang-tidy findings; clangd may publish a preamble-only set first."""
        def match(msg):
            if msg.get("method") != "textDocument/publishDiagnostics":
                return False
            if msg["params"]["uri"] != uri(path):
                return False
            coro = [d for d in msg["params"]["diagnostics"]
                    if str(d.get("code", "")).startswith("coro-")]
            return bool(coro) or not want_coro
        return self.wait_for(match)["params"]["diagnostics"]


class ClangdLsp(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        shutil.copytree(os.path.join(FIXTURE, ".."), os.path.join(self.dir, "testdata"),
                        ignore=shutil.ignore_patterns("projects"))
        self.root = os.path.join(self.dir, "testdata", "clangd")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def open(self, server, name):
        path = os.path.join(self.root, name)
        with open(path) as f:
            text = f.read()
        server.send("textDocument/didOpen", {"textDocument": {
            "uri": uri(path), "languageId": "cpp", "version": 1, "text": text}})
        return path

    def start(self):
        server = Server(self.root)
        rid = server.send("initialize", {
            "processId": os.getpid(), "rootUri": uri(self.root),
            "capabilities": {"textDocument": {
                "publishDiagnostics": {},
                "codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["quickfix", "refactor"]}}}}}},
            request=True)
        init = server.wait_for(lambda m: m.get("id") == rid)
        self.assertIn("capabilities", init["result"])
        server.send("initialized", {})
        return server

    def stop(self, server):
        rid = server.send("shutdown", None, request=True)
        server.wait_for(lambda m: m.get("id") == rid)
        server.send("exit", None)
        self.assertEqual(server.proc.wait(timeout=60), 0)
        for stream in (server.proc.stdin, server.proc.stdout, server.proc.stderr):
            stream.close()

    def coro_codes(self, diags):
        return sorted(d["code"] for d in diags if str(d.get("code", "")).startswith("coro-"))

    def test_findings_arrive_as_diagnostics(self):
        server = self.start()
        path = self.open(server, "findings.cpp")
        diags = server.diagnostics(path, want_coro=True)
        coro = sorted((d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"],
                       d["range"]["end"]["line"], d["range"]["end"]["character"], d["message"])
                      for d in diags if str(d.get("code", "")).startswith("coro-"))
        self.assertEqual(len(coro), 2, diags)
        code, line, col, end_line, end_col, message = coro[0]
        self.assertEqual(code, "coro-blocking-call")
        self.assertEqual((line, col), (15, 2))  # 0-based: line 16, column 3
        self.assertEqual(end_line, 15)
        self.assertGreater(end_col, col)
        # clangd capitalises the first letter of every message.
        self.assertIn("Blocking call to 'std::this_thread::sleep_for' in coroutine 'nap'", message)
        code, line, col, end_line, end_col, message = coro[1]
        self.assertEqual(code, "coro-lock-across-suspend")
        self.assertEqual((line, col), (10, 18))  # 'guard' on line 11
        self.assertIn("'guard' (std::lock_guard<std::mutex>) is held across a suspension point", message)
        # Besides the two findings, only the lock's note (clangd publishes
        # notes as diagnostics of their own): no compile errors.
        others = [d for d in diags if not str(d.get("code", "")).startswith("coro-")]
        self.assertEqual(len(others), 1, diags)
        self.assertEqual(others[0]["range"]["start"]["line"], 11)
        self.assertIn("Coroutine may suspend here", others[0]["message"])
        for d in diags:
            if str(d.get("code", "")).startswith("coro-"):
                self.assertEqual(d.get("source"), "clang-tidy")

        clean = self.open(server, "clean.cpp")
        diags = server.diagnostics(clean, want_coro=False)
        self.assertEqual([d for d in diags if str(d.get("code", "")).startswith("coro-")], [])
        self.stop(server)
        self.assertNotIn("no coro-* check is enabled", "".join(server.stderr))

    def test_only_clang_tidy_no_clangd(self):
        # The common setup: a .clang-tidy enabling coro-*, no .clangd. The
        # coro checks pass clangd's default (Strict) fast-check filter.
        os.remove(os.path.join(self.root, ".clangd"))
        server = self.start()
        diags = server.diagnostics(self.open(server, "findings.cpp"), want_coro=True)
        self.assertEqual(self.coro_codes(diags),
                         ["coro-blocking-call", "coro-lock-across-suspend"], diags)
        self.stop(server)
        self.assertNotIn("no coro-* check is enabled", "".join(server.stderr))

    def test_users_clangd_settings_still_apply(self):
        # The user's own .clangd wins: a Remove takes the check away, under
        # the Strict filter the coro checks still count as fast.
        with open(os.path.join(self.root, ".clangd"), "w") as f:
            f.write("Diagnostics:\n  ClangTidy:\n    Remove: [coro-blocking-call]\n"
                    "    FastCheckFilter: Strict\n")
        server = self.start()
        diags = server.diagnostics(self.open(server, "findings.cpp"), want_coro=True)
        self.assertEqual(self.coro_codes(diags), ["coro-lock-across-suspend"], diags)
        self.stop(server)

    def test_hint_when_no_coro_check_is_enabled(self):
        # Neither .clang-tidy nor .clangd enables them: no findings, and one
        # hint on stderr saying how to enable them.
        os.remove(os.path.join(self.root, ".clangd"))
        os.remove(os.path.join(self.root, ".clang-tidy"))
        server = self.start()
        diags = server.diagnostics(self.open(server, "findings.cpp"), want_coro=False)
        self.assertEqual(self.coro_codes(diags), [])
        diags = server.diagnostics(self.open(server, "clean.cpp"), want_coro=False)
        self.stop(server)
        log = "".join(server.stderr)
        self.assertEqual(log.count("no coro-* check is enabled"), 1, log)
        self.assertIn("enable them with 'Checks: coro-*' in a .clang-tidy file", log)

    def driver_fixes(self, name):
        """The fixes the corolint driver's SARIF gives for the file, as a
        list of (check, from_note, [sorted (start line, start col, end line,
        end col, text) with 0-based LSP positions])."""
        with open(os.path.join(self.root, "compile_flags.txt")) as f:
            flags = f.read().split()
        out = subprocess.run([COROLINT, name, "--format=sarif", "--progress=never",
                              "--fail-on=none", "--"] + flags,
                             cwd=self.root, capture_output=True, text=True, timeout=TIMEOUT)
        self.assertEqual(out.returncode, 0, out.stderr)
        fixes = []
        for result in json.loads(out.stdout)["runs"][0]["results"]:
            for fix in result.get("fixes", []):
                # A note's fix is described by the note; the finding's own fix
                # by its edit ("Replace '...' with '...'").
                notes = [r["message"]["text"] for r in result.get("relatedLocations", [])]
                from_note = fix["description"]["text"] in notes
                edits = []
                for change in fix["artifactChanges"]:
                    self.assertTrue(change["artifactLocation"]["uri"].endswith(name))
                    for rep in change["replacements"]:
                        r = rep["deletedRegion"]
                        edits.append((r["startLine"] - 1, r["startColumn"] - 1,
                                      r["endLine"] - 1, r["endColumn"] - 1,
                                      rep.get("insertedContent", {}).get("text", "")))
                fixes.append((result["ruleId"], from_note, sorted(edits)))
        return fixes

    def test_fixes_are_code_actions(self):
        # Every fix the checks offer (on the warning, or on a note: clangd
        # attaches a note's fix to its warning) is a quick fix whose
        # WorkspaceEdit is the fix's edits.
        self.assertTrue(COROLINT, "COROLINT_BIN is not set")
        expected = self.driver_fixes("fixes.cpp")
        # The asio sleep has a fix that keeps behaviour: on the warning.
        self.assertIn(("coro-blocking-call", False),
                      [(check, note) for check, note, _ in expected])
        server = self.start()
        path = self.open(server, "fixes.cpp")
        diags = server.diagnostics(path, want_coro=True)
        offered = {}
        for d in diags:
            code = str(d.get("code", ""))
            if not code.startswith("coro-"):
                continue
            rid = server.send("textDocument/codeAction", {
                "textDocument": {"uri": uri(path)}, "range": d["range"],
                "context": {"diagnostics": [d], "only": ["quickfix"]}}, request=True)
            actions = server.wait_for(lambda m: m.get("id") == rid)["result"] or []
            for action in actions:
                self.assertEqual(action.get("kind"), "quickfix", action)
                changes = action["edit"]["changes"]
                self.assertEqual(list(changes), [uri(path)], action)
                edits = sorted((e["range"]["start"]["line"], e["range"]["start"]["character"],
                                e["range"]["end"]["line"], e["range"]["end"]["character"],
                                e["newText"]) for e in changes[uri(path)])
                offered.setdefault(code, []).append((action["title"], edits))
        for check, from_note, edits in expected:
            self.assertIn(edits, [e for _, e in offered.get(check, [])],
                          "%s fix (note: %s) not offered: %s" % (check, from_note, offered))
        # A finding without a fix has no quick fix.
        for check, actions in offered.items():
            self.assertTrue(any(c == check for c, _, _ in expected), (check, actions))
        self.stop(server)

    def test_summary_files_report_through_other_files(self):
        # A helper declared here and defined in a file clangd does not parse:
        # the summary file named by SummaryFiles (relative to .clang-tidy)
        # says it blocks (docs/whole-program.md).
        with open(os.path.join(self.root, "remote.cpp"), "w") as f:
            f.write('#include <coroutine>\n'
                    'struct task { struct promise_type {\n'
                    '  task get_return_object() { return {}; }\n'
                    '  std::suspend_never initial_suspend() noexcept { return {}; }\n'
                    '  std::suspend_never final_suspend() noexcept { return {}; }\n'
                    '  void return_void() {} void unhandled_exception() {} }; };\n'
                    'void flush_all();\n'
                    'void compute();\n'
                    'task run() { flush_all(); compute(); co_return; }\n')
        summary = {"corolint-summaries": 2,
                   "files": [{"path": os.path.join(self.root, "elsewhere.cpp")}],
                   "functions": [{"usr": "c:@F@flush_all#", "name": "flush_all",
                                  "at": [0, 1, 6, 5],
                                  "blocks": {"name": "fsync", "at": [0, 2, 3, 20]}}]}
        with open(os.path.join(self.root, "summaries.json"), "w") as f:
            json.dump(summary, f)
        with open(os.path.join(self.root, ".clang-tidy"), "a") as f:
            f.write("CheckOptions:\n  SummaryFiles: summaries.json\n")
        server = self.start()
        diags = server.diagnostics(self.open(server, "remote.cpp"), want_coro=True)
        coro = [d for d in diags if d.get("code") == "coro-blocking-call"]
        self.assertEqual(len(coro), 1, diags)
        self.assertEqual(coro[0]["range"]["start"]["line"], 8)
        self.assertIn("Call to 'flush_all' may block coroutine 'run'; it reaches "
                      "blocking call 'fsync'", coro[0]["message"])
        self.stop(server)

    def test_check_mode_prints_findings(self):
        # clangd 19 prints only errors in --check mode; newer ones have
        # --check-warnings. Make the findings errors for this run.
        with open(os.path.join(self.root, ".clang-tidy"), "a") as f:
            f.write("WarningsAsErrors: 'coro-*'\n")
        version = subprocess.run([CLANGD, "--version"], capture_output=True, text=True).stdout
        args = [CLANGD, "--check=findings.cpp"]
        help_text = subprocess.run([CLANGD, "--help-hidden"], capture_output=True, text=True).stdout
        if "--check-warnings" in help_text:
            args.append("--check-warnings")
        out = subprocess.run(args, cwd=self.root, capture_output=True, text=True, timeout=TIMEOUT)
        log = out.stdout + out.stderr
        self.assertIn("corolint-clangd", version)
        self.assertIn("[coro-lock-across-suspend] Line 11: 'guard' (std::lock_guard<std::mutex>) is held", log)
        self.assertIn("[coro-blocking-call] Line 16: blocking call to 'std::this_thread::sleep_for'", log)
        out = subprocess.run(args[:1] + ["--check=clean.cpp"] + args[2:], cwd=self.root,
                             capture_output=True, text=True, timeout=TIMEOUT)
        self.assertNotRegex(out.stdout + out.stderr, r"\[coro-[a-z-]+\] Line")
        self.assertEqual(out.returncode, 0, out.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)

#!/usr/bin/env python3
"""Writes a synthetic multi-file project for whole-program coro-blocking-call.

Usage: bench_project.py DIR FILES [--heavy]

The files fall into modules of about 100 (at least 4 modules). Headers:
include/core/task.h (a coroutine task type, yield_now()), include/core/log.h
(log_line(), defined in f0.cpp) and include/modM.h per module: the module's
state struct, two inline helpers (one calling into a file of the module, so
every includer summarises it again and the driver merges the copies) and
the declarations of its files' functions. src/fK.cpp, in module M, includes
task.h, log.h, its own module's header and the headers of the modules it
calls into, and defines in namespace proj::mM:
- a class with an inline and an out-of-line method, and ten plain local
  functions (loops, a switch) that block nowhere;
- step_K(x), which calls step_K+1 in the next file; chains are five files
  long and every other chain ends in usleep(), so a coroutine reaches it
  through up to four other files (or, on the other chains, reaches nothing);
- helper_K(x), which calls log_line() in f0.cpp and local functions;
- fetch_K(id), a coroutine, and serve_K(), a coroutine that calls a step
  of another module's file, co_awaits another file's fetch, and loops with
  co_await and helper calls.
One file in eight also includes <string> and <vector> and uses them; the
files that end a blocking chain include <unistd.h>. With --heavy every file
includes <string>, <vector>, <thread> and <chrono> (a translation unit three
to six times as costly to parse).
DIR/compile_commands.json compiles each file with -std=c++20 -IDIR/include.
"""
import json
import os
import sys

CHAIN = 5


def module_of(k, files, modules):
    return k * modules // files


def main():
    out, files = sys.argv[1], int(sys.argv[2])
    heavy = "--heavy" in sys.argv[3:]
    modules = max(4, files // 100)
    os.makedirs(f"{out}/include/core", exist_ok=True)
    os.makedirs(f"{out}/src", exist_ok=True)
    with open(f"{out}/include/core/task.h", "w") as h:
        h.write("#pragma once\n#include <coroutine>\nnamespace proj {\n"
                "struct task { struct promise_type {\n"
                "  task get_return_object() { return {}; }\n"
                "  std::suspend_always initial_suspend() noexcept { return {}; }\n"
                "  std::suspend_always final_suspend() noexcept { return {}; }\n"
                "  void return_void() {} void unhandled_exception() {} };\n"
                "  bool await_ready() const noexcept { return false; }\n"
                "  void await_suspend(std::coroutine_handle<>) {}\n"
                "  void await_resume() {} };\n"
                "task yield_now();\n} // namespace proj\n")
    with open(f"{out}/include/core/log.h", "w") as h:
        h.write("#pragma once\nnamespace proj {\nvoid log_line(const char *text, int value);\n"
                "inline int log_level() { return 2; }\n} // namespace proj\n")
    first = {}
    for k in range(files):
        first.setdefault(module_of(k, files, modules), k)
    for m in range(modules):
        ks = [k for k in range(files) if module_of(k, files, modules) == m]
        decls = "".join(f"int step_{k}(int x);\nint helper_{k}(int x);\ntask fetch_{k}(int id);\n"
                        f"task serve_{k}();\n" for k in ks)
        with open(f"{out}/include/mod{m}.h", "w") as h:
            h.write(f'#pragma once\n#include "core/task.h"\nnamespace proj::m{m} {{\n'
                    f"struct state {{\n  int pending = 0;\n  int done = 0;\n"
                    f"  int ratio() const {{ return done ? pending * 100 / done : 0; }}\n}};\n"
                    f"inline int clamp(int v, int lo, int hi) {{ return v < lo ? lo : v > hi ? hi : v; }}\n"
                    f"int step_{first[m]}(int x);\n"
                    f"inline int warm_up(int x) {{ return step_{first[m]}(clamp(x, 0, 3)); }}\n"
                    f"{decls}}} // namespace proj::m{m}\n")
    db = []
    for k in range(files):
        m = module_of(k, files, modules)
        chain_end = k % CHAIN == CHAIN - 1 or k + 1 == files
        blocks = chain_end and (k // CHAIN) % 2 == 0
        callee = (k * 7 + 3) % files
        other = (k * 13 + 5) % files
        used = {m, module_of(callee, files, modules), module_of(other, files, modules)}
        if not chain_end:
            used.add(module_of(k + 1, files, modules))
        std = k % 8 == 0 or heavy
        inc = '#include "core/task.h"\n#include "core/log.h"\n' + "".join(
            f'#include "mod{u}.h"\n' for u in sorted(used))
        if std:
            inc += "#include <string>\n#include <vector>\n"
        if heavy:
            inc += "#include <thread>\n#include <chrono>\n"
        if blocks:
            inc += "#include <unistd.h>\n"

        def q(j):
            return f"proj::m{module_of(j, files, modules)}::"

        if chain_end:
            tail = "    usleep(1000u * (unsigned)x);\n" if blocks else "    return x * 2;\n"
        else:
            tail = f"    return {q(k + 1)}step_{k + 1}(x - 1) + 1;\n"
        local = "".join(
            f"static int local_{i}(int v) {{\n  int s = 0;\n"
            f"  for (int a = 0; a < v; ++a)\n    s += a * {i + 1} % 7;\n"
            f"  switch (s % 3) {{\n  case 0: return s;\n  case 1: return s + {i};\n"
            f"  default: return -s;\n  }}\n}}\n\n" for i in range(10))
        extra = ""
        if std:
            extra = (f"int describe_{k}(const std::vector<int> &v) {{\n"
                     f"  std::string s;\n  for (int a : v)\n    s += std::to_string(a) + \",\";\n"
                     f"  return (int)s.size();\n}}\n\n")
        log_def = ""
        if k == 0:
            log_def = ("static char log_buffer[4096];\nstatic unsigned log_used;\n\n"
                       "void proj::log_line(const char *text, int value) {\n"
                       "  for (const char *p = text; *p && log_used + 1 < sizeof log_buffer; ++p)\n"
                       "    log_buffer[log_used++] = *p;\n  (void)value;\n}\n\n")
        src = (f"{inc}\n{log_def}namespace proj::m{m} {{\n\n"
               f"class worker_{k} {{\npublic:\n"
               f"  int update(int v) {{ st_.pending += v; return st_.ratio(); }}\n"
               f"  int total() const;\n\nprivate:\n  state st_;\n}};\n\n"
               f"int worker_{k}::total() const {{ return st_.pending + st_.done; }}\n\n"
               f"{local}{extra}"
               f"int step_{k}(int x) {{\n  if (x > 0)\n{tail}  return 0;\n}}\n\n"
               f"int helper_{k}(int x) {{\n  worker_{k} w;\n"
               f"  if (x > log_level())\n    log_line(\"helper_{k}\", x);\n"
               f"  return local_{k % 10}(x) + w.update(x) + w.total();\n}}\n\n"
               f"task fetch_{k}(int id) {{\n  co_await yield_now();\n"
               f"  (void)local_{(k + 1) % 10}(id);\n}}\n\n"
               f"task serve_{k}() {{\n  co_await yield_now();\n"
               f"  int r = {q(callee)}step_{callee}(3);\n"
               f"  co_await {q(other)}fetch_{other}(r);\n"
               f"  for (int i = 0; i < 4; ++i) {{\n    co_await yield_now();\n"
               f"    (void)helper_{k}(i);\n  }}\n"
               + (f"  (void)warm_up(r);\n" if k % 3 == 0 else "")
               + f"}}\n\n}} // namespace proj::m{m}\n")
        with open(f"{out}/src/f{k}.cpp", "w") as f:
            f.write(src)
        db.append({"directory": out, "file": f"src/f{k}.cpp",
                   "arguments": ["clang++", "-std=c++20", f"-I{out}/include", "-c", f"src/f{k}.cpp"]})
    with open(f"{out}/compile_commands.json", "w") as f:
        json.dump(db, f, indent=1)


if __name__ == "__main__":
    main()

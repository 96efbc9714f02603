#!/usr/bin/env python3
"""Writes a synthetic multi-file project for whole-program coro-blocking-call.

Usage: bench_project.py DIR FILES

DIR/include/proj.h declares one helper per file; DIR/src/fK.cpp defines
step_K (which calls step_K+1 in the next file; the last one sleeps), twenty
plain functions that block nowhere, and a coroutine that calls one step, so
most coroutines reach the sleep only through several other files.
DIR/compile_commands.json compiles each file with -std=c++20.
"""
import json
import os
import sys


def main():
    out, files = sys.argv[1], int(sys.argv[2])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.makedirs(f"{out}/include", exist_ok=True)
    os.makedirs(f"{out}/src", exist_ok=True)
    decls = "".join(f"int step_{k}(int x);\n" for k in range(files))
    with open(f"{out}/include/proj.h", "w") as h:
        h.write("#pragma once\n#include <coroutine>\n#include <vector>\n#include <string>\n"
                "struct task { struct promise_type {\n"
                "  task get_return_object() { return {}; }\n"
                "  std::suspend_always initial_suspend() noexcept { return {}; }\n"
                "  std::suspend_always final_suspend() noexcept { return {}; }\n"
                "  void return_void() {} void unhandled_exception() {} };\n"
                "  bool await_ready() const noexcept { return false; }\n"
                "  void await_suspend(std::coroutine_handle<>) {}\n"
                "  void await_resume() {} };\n"
                "task yield_now();\n" + decls)
    db = []
    for k in range(files):
        nxt = f"    return step_{k + 1}(x - 1) + 1;\n" if k + 1 < files else \
            "    std::this_thread::sleep_for(std::chrono::milliseconds(x));\n"
        plain = "".join(
            f"int plain_{k}_{i}(const std::vector<int> &v) {{\n"
            f"  int s = 0;\n  for (int a : v) s += a * {i};\n"
            f"  return s + (int)std::to_string(s).size();\n}}\n" for i in range(20))
        callee = (k * 7) % files
        src = (f'#include "proj.h"\n#include <thread>\n#include <chrono>\n\n'
               f"int step_{k}(int x) {{\n  if (x > 0)\n{nxt}  return 0;\n}}\n\n{plain}\n"
               f"task coro_{k}() {{\n  co_await yield_now();\n  (void)step_{callee}(3);\n"
               f"  (void)plain_{k}_0({{1, 2}});\n}}\n")
        with open(f"{out}/src/f{k}.cpp", "w") as f:
            f.write(src)
        db.append({"directory": out, "file": f"src/f{k}.cpp",
                   "arguments": ["clang++", "-std=c++20", f"-I{out}/include", "-c", f"src/f{k}.cpp"]})
    with open(f"{out}/compile_commands.json", "w") as f:
        json.dump(db, f, indent=1)


if __name__ == "__main__":
    main()

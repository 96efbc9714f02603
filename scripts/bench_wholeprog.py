#!/usr/bin/env python3
"""Speed and scale of whole-program coro-blocking-call (docs/whole-program.md).

Usage: bench_wholeprog.py [--build DIR] [--jobs N] [--repeat N] [--heavy]
                          [--no-cache] [SIZE...]

For each SIZE (default 500 1000 2000) writes the generated project of
scripts/bench_project.py and measures, each command --repeat times (default
2), keeping the run of least CPU:
  syntax  clang++ -fsyntax-only over every file (xargs -P JOBS): the floor
  off     corolint -p DIR -j JOBS --cross-tu=off
  on      corolint -p DIR -j JOBS (--cross-tu=on, the default)
  summ    corolint summarize -p DIR -j JOBS -o summaries.json
CPU is user + system of the command and all its children (wait4); "tree"
is the peak resident memory of the largest process of the run (the
kernel's ru_maxrss over the process and its descendants); "parent" is the
driver process's own peak (VmHWM, read at its exit through a small
LD_PRELOAD library built with clang, else polled). Then, on the largest
SIZE (unless --no-cache): a run with --cache-dir on an empty cache, one on
the unchanged tree, and one after a content change of one module header,
with the count of translation units that include it and the driver's
"cache: N of M translation units reused, K analysed" line.
All checks (coro-*) run. CPU seconds are the figures: wall time depends on
what else the machine runs.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

HWM_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
static int parent;
__attribute__((constructor)) static void start(void) { parent = getpid(); }
__attribute__((destructor)) static void report(void) {
  const char *out = getenv("BENCH_HWM_FILE");
  if (!out || getpid() != parent) return;
  FILE *s = fopen("/proc/self/status", "r"), *o;
  char line[256];
  struct rusage self;
  if (!s) return;
  getrusage(RUSAGE_SELF, &self);
  while (fgets(line, sizeof line, s))
    if (!strncmp(line, "VmHWM:", 6) && (o = fopen(out, "w"))) {
      fprintf(o, "%ld %.3f\n", atol(line + 6),
              self.ru_utime.tv_sec + self.ru_stime.tv_sec +
                  (self.ru_utime.tv_usec + self.ru_stime.tv_usec) / 1e6);
      fclose(o);
    }
  fclose(s);
}
"""


def build_hwm(work):
    src, lib = os.path.join(work, "hwm.c"), os.path.join(work, "hwm.so")
    with open(src, "w") as f:
        f.write(HWM_C)
    for cc in ("clang-19", "clang", "cc", "gcc"):
        if shutil.which(cc) and subprocess.run(
                [cc, "-shared", "-fPIC", "-O1", "-o", lib, src],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
            return lib
    return None


def measure(cmd, cwd, work, hwm_lib, stdin=None):
    """CPU s, tree peak KiB, parent peak KiB, wall s, stdout, stderr, the
    parent's own CPU s (None when unknown)."""
    env = dict(os.environ)
    hwm_file = os.path.join(work, "hwm")
    if os.path.exists(hwm_file):
        os.unlink(hwm_file)
    if hwm_lib:
        env["LD_PRELOAD"] = hwm_lib
        env["BENCH_HWM_FILE"] = hwm_file
    out, err = open(os.path.join(work, "out"), "w+"), open(os.path.join(work, "err"), "w+")
    start = time.time()
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err,
                         stdin=subprocess.PIPE if stdin is not None else None)
    if stdin is not None:
        p.stdin.write(stdin.encode())
        p.stdin.close()
    polled = 0
    while True:
        pid, _, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            break
        try:
            with open(f"/proc/{p.pid}/status") as s:
                for line in s:
                    if line.startswith("VmHWM:"):
                        polled = max(polled, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.05)
    wall = time.time() - start
    parent, self_cpu = polled, None
    if os.path.exists(hwm_file):
        fields = open(hwm_file).read().split()
        parent, self_cpu = max(parent, int(fields[0])), float(fields[1])
    out.seek(0)
    err.seek(0)
    return (ru.ru_utime + ru.ru_stime, ru.ru_maxrss, parent, wall, out.read(), err.read(),
            self_cpu)


def best(runs):
    return min(runs, key=lambda r: r[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--heavy", action="store_true")
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--modes", default="syntax,off,on,summ",
                    help="which of syntax,off,on,summ to measure (comma-separated)")
    ap.add_argument("--keep", help="write the projects under this folder and keep them")
    ap.add_argument("sizes", nargs="*", type=int, default=[500, 1000, 2000])
    a = ap.parse_args()
    driver = os.path.join(a.build, "bin", "corolint")
    clangxx = "clang++-19" if shutil.which("clang++-19") else "clang++"
    work = tempfile.mkdtemp(prefix="bench-wholeprog.")
    base = a.keep or work
    hwm = build_hwm(work)
    print(f"corolint {driver}; -j{a.jobs}; best of {a.repeat}; "
          f"{'heavy' if a.heavy else 'light'} files; parent peak "
          f"{'at exit (LD_PRELOAD)' if hwm else 'polled'}", flush=True)
    print("| TUs | command | CPU s | x syntax | CPU ms/TU | tree peak MiB | parent peak MiB | parent's own CPU s | findings |")
    print("|---|---|---|---|---|---|---|---|---|", flush=True)
    j = str(a.jobs)
    last = None
    try:
        for n in a.sizes:
            proj = os.path.join(base, f"p{n}")
            shutil.rmtree(proj, ignore_errors=True)
            subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "bench_project.py"), proj, str(n)]
                           + (["--heavy"] if a.heavy else []), check=True)
            files = "\n".join(f"src/f{k}.cpp" for k in range(n)) + "\n"
            cmds = {
                "syntax": (["xargs", "-P", j, "-n", "1", clangxx, "-fsyntax-only", "-std=c++20",
                            "-Iinclude"], files),
                "off": ([driver, "-p", ".", "-j", j, "--progress=never", "--cross-tu=off"], None),
                "on": ([driver, "-p", ".", "-j", j, "--progress=never"], None),
                "summ": ([driver, "summarize", "-p", ".", "-j", j, "--progress=never",
                          "-o", "summaries.json"], None),
            }
            floor = None
            modes = a.modes.split(",")
            for name, (cmd, stdin) in cmds.items():
                if name not in modes:
                    continue
                r = best([measure(cmd, proj, work, hwm, stdin) for _ in range(a.repeat)])
                if name == "syntax":
                    floor = r[0]
                ratio = "%.2f" % (r[0] / floor) if floor else "-"
                found = len(re.findall(r": (?:warning|error): .*\[coro-", r[4]))
                parent = f"{r[2] / 1024:.0f}" if name != "syntax" else "-"
                own = f"{r[6]:.2f}" if name != "syntax" and r[6] is not None else "-"
                print(f"| {n} | {name} | {r[0]:.1f} | {ratio} | {1000 * r[0] / n:.1f} "
                      f"| {r[1] / 1024:.0f} | {parent} | {own} | {found if name in ('off', 'on') else '-'} |",
                      flush=True)
            last = proj
            if "summ" not in modes:
                continue
            size = os.path.getsize(os.path.join(proj, "summaries.json"))
            usrs = open(os.path.join(proj, "summaries.json")).read().count('"usr":')
            print(f"| {n} | summaries.json | {size} bytes, {size / n:.0f} bytes/TU, "
                  f"{usrs} USRs | | | | | | |", flush=True)
        if a.no_cache or not last:
            return
        n = a.sizes[-1]
        cache = os.path.join(work, "cache")
        shutil.rmtree(cache, ignore_errors=True)
        cmd = [driver, "-p", ".", "-j", j, "--progress=never", f"--cache-dir={cache}"]

        def line(err):
            m = re.search(r"cache: .*", err)
            return m.group(0) if m else "(no cache line)"

        cold = measure(cmd, last, work, hwm)
        warm = measure(cmd, last, work, hwm)
        header = os.path.join(last, "include", "mod1.h")
        includers = sum(1 for k in range(n) if '"mod1.h"' in open(os.path.join(last, "src", f"f{k}.cpp")).read())
        with open(header, "a") as h:
            h.write("namespace proj::m1 {\ninline int bench_touched() { return 1; }\n}\n")
        touched = measure(cmd, last, work, hwm)
        print(f"\ncache, {n} TUs: cold {cold[0]:.1f} s CPU, parent peak {cold[2] / 1024:.0f} MiB, parent's own {cold[6]} s ({line(cold[5])}); "
              f"unchanged tree {warm[0]:.1f} s CPU = {100 * warm[0] / cold[0]:.1f}% of cold "
              f"({line(warm[5])}), same output: {warm[4] == cold[4]}; "
              f"include/mod1.h changed (included by {includers} TUs): {touched[0]:.1f} s CPU "
              f"({line(touched[5])}), same output: {touched[4] == cold[4]}; "
              f"cache {sum(os.path.getsize(os.path.join(cache, f)) for f in os.listdir(cache))} bytes",
              flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

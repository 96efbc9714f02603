#!/usr/bin/env python3
"""What corolint costs on real code: CPU seconds (user+sys, /usr/bin/time,
children included) over the first N coroutine translation units of a
compile database (default: cppcoro's first 12, the measurement of issue #14).

  parse     clang++ -fsyntax-only with the database's flags
  floor     clang-tidy with one trivial built-in check (clang-tidy's own
            cost: --checks='-*' alone parses nothing)
  plugin    clang-tidy --load corolint-tidy.so --checks='-*,coro-*'
  driver    corolint -p DB -j 1 FILE... (one process, every file named)
  driver-local  the same with --cross-tu=off (not run unless --only names it)

Each configuration runs over all N files; that is repeated (default 3) and
the minimum is kept. CPU time, not wall time, and the minimum of several
runs, because the machine may be shared: other processes slow a run down but
never make it cheaper. With --profile, one more clang-tidy run per file with
--enable-check-profile prints each coro matcher's own time, summed.

Usage: scripts/bench_corpus.py [--build DIR] [--db FILE] [--tus N]
                               [--repeat N] [--profile] [--only CONFIG,...]
Not part of the test run: numbers depend on the machine.
"""
import argparse, glob, json, os, re, shlex, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'scripts'))
from corpus_tus import tus  # noqa: E402


def llvm_major(build):
    for line in open(os.path.join(build, 'CMakeCache.txt')):
        m = re.match(r'(?:LLVM|Clang)_DIR:PATH=/usr/lib/llvm-(\d+)', line)
        if m:
            return m.group(1)
    return '19'


def compile_args(db, files):
    """file -> [(directory, argv without compiler, -c, -o and dependency
    files)], one per distinct command: the driver analyses a file once per
    distinct command (a file CMake builds into several targets is listed
    once per target), so the baseline parses it as often."""
    out = {}
    for e in json.load(open(db)):
        f = os.path.normpath(os.path.join(e['directory'], e['file']))
        if f not in files:
            continue
        argv = e.get('arguments') or shlex.split(e['command'])
        args, skip = [], False
        for a in argv[1:]:
            if skip:
                skip = False
            elif a in ('-o', '-MF', '-MT', '-MQ'):
                skip = True
            elif a in ('-c', '-MD', '-MMD') or a.startswith('-o') and len(a) > 2:
                continue
            else:
                args.append(a)
        cmd = (e['directory'], args)
        if cmd not in out.setdefault(f, []):
            out[f].append(cmd)
    return out


def cpu(cmds, tmp):
    """Summed user+sys CPU seconds of running each (cwd, argv) in turn."""
    total = 0.0
    for cwd, argv in cmds:
        tf = os.path.join(tmp, 'time')
        subprocess.run(['/usr/bin/time', '-f', '%U %S', '-o', tf] + argv, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        u, s = open(tf).read().split()[-2:]
        total += float(u) + float(s)
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default=os.path.join(ROOT, 'build'))
    ap.add_argument('--db', default='/work/corpus/cppcoro/build/compile_commands.json')
    ap.add_argument('--tus', type=int, default=12)
    ap.add_argument('--repeat', type=int, default=3)
    ap.add_argument('--profile', action='store_true')
    ap.add_argument('--only', default='parse,floor,plugin,driver')
    o = ap.parse_args()
    major = llvm_major(o.build)
    plugin = os.path.join(o.build, 'lib', 'corolint-tidy.so')
    driver = os.path.join(o.build, 'bin', 'corolint')
    files = tus(o.db)[:o.tus]
    args = compile_args(o.db, set(files))
    dbdir = os.path.dirname(os.path.abspath(o.db))
    tidy = 'clang-tidy-' + major
    configs = {
        # the database's arguments name the file itself
        'parse': [(d, ['clang++-' + major, '-fsyntax-only'] + a) for f in files for d, a in args[f]],
        'floor': [(dbdir, [tidy, '-p', dbdir, '--checks=-*,google-build-namespaces', '--config={}', f]) for f in files],
        'plugin': [(dbdir, [tidy, '--load', plugin, '-p', dbdir, '--checks=-*,coro-*',
                            '--config={}', f]) for f in files],
        'driver': [(dbdir, [driver, '-p', dbdir, '-j', '1', '--progress=never',
                            '--fail-on=none', '-o', os.devnull] + files)],
        'driver-local': [(dbdir, [driver, '-p', dbdir, '-j', '1', '--progress=never',
                                  '--cross-tu=off', '--fail-on=none', '-o', os.devnull] + files)],
    }
    wanted = [c for c in o.only.split(',') if c]
    print(f'{len(files)} TUs of {o.db}; LLVM {major}; CPU s (user+sys), '
          f'min of {o.repeat} runs')
    best = {}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(o.repeat):
            for c in wanted:
                t = cpu(configs[c], tmp)
                best[c] = min(best.get(c, t), t)
            print(f'  run {r + 1}: ' + '  '.join(f'{c} {best[c]:.2f}' for c in wanted),
                  file=sys.stderr)
        base = best.get('parse')
        for c in wanted:
            ratio = f'  {best[c] / base:.3f}x parse' if base else ''
            print(f'{c:8s} {best[c]:8.2f} s{ratio}')
        if o.profile:
            prof = os.path.join(tmp, 'prof')
            for f in files:
                subprocess.run([tidy, '--load', plugin, '-p', dbdir, '--checks=-*,coro-*',
                                '--config={}', '--enable-check-profile',
                                '--store-check-profile=' + prof, f],
                               cwd=dbdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            per = {}
            for p in glob.glob(os.path.join(prof, '*.json')):
                for k, v in json.load(open(p)).get('profile', {}).items():
                    # "time.clang-tidy.coro-x.user" / ".sys" / ".wall"
                    m = re.match(r'time\.clang-tidy\.(.*)\.(user|sys|wall)$', k)
                    if m and m.group(2) != 'wall':
                        per[m.group(1)] = per.get(m.group(1), 0.0) + float(v)
            total = sum(per.values())
            for k, v in sorted(per.items(), key=lambda kv: -kv[1]):
                print(f'  {k:40s} {v:6.3f} s')
            print(f'  {"checks in all":40s} {total:6.3f} s')


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Helpers for scripts/corpus.sh.

  list DB                      coroutine TUs of a compile_commands.json
  collect TMP CORPUS NAME OUT  merge per-TU clang-tidy output into OUT/NAME.txt
                               and OUT/NAME.errors
  summary OUT                  OUT/summary.tsv from every OUT/*.txt
"""
import json, os, re, shlex, sys

CORO = re.compile(rb'\bco_(await|yield|return)\b')
DIAG = re.compile(r'^(.*?):(\d+):(\d+): (warning|error|note): (.*)$')
CHECK = re.compile(r'\[([\w.-]+)\]$')
CORO_CHECK = re.compile(r'\[coro-[\w-]+\]$')


def tus(db):
    seen = []
    for e in json.load(open(db)):
        f = os.path.normpath(os.path.join(e['directory'], e['file']))
        if f in seen or not f.endswith(('.cpp', '.cc', '.cxx', '.C')) or not os.path.exists(f):
            continue
        if CORO.search(open(f, 'rb').read()):
            seen.append(f)
    return seen


def blocks(text, root):
    """Warnings with the notes that follow them; compiler errors separately."""
    cur, found, errors = None, [], []
    for line in text.splitlines():
        m = DIAG.match(line)
        if not m:
            continue  # source excerpt or caret line
        path = os.path.normpath(m.group(1))  # one header reached as a/../b and b
        path = os.path.relpath(path, root) if path.startswith(root + '/') else path
        line = f'{path}{line[len(m.group(1)):]}'
        kind = m.group(4)
        if kind == 'warning' or (kind == 'error' and CORO_CHECK.search(line)):
            # a coro-* finding (some rules report at error level)
            cur = [line]
            found.append(cur)
        elif kind == 'note' and cur is not None:
            cur.append('  ' + line)
        elif kind == 'error':
            cur = None
            errors.append(line)
    return ['\n'.join(b) for b in found], errors


def collect(tmp, corpus, name, out):
    files = open(os.path.join(tmp, 'tus')).read().split('\n')
    found, errs = set(), []
    for i, f in enumerate(filter(None, files), 1):
        stem = os.path.join(tmp, str(i))
        rd = lambda ext: open(stem + ext, errors='replace').read() if os.path.exists(stem + ext) else ''
        b, compile_errors = blocks(rd('.out'), corpus)
        found.update(b)
        rc = rd('.rc').strip() or 'missing'
        coro_errors = any(': error: ' in x.split('\n')[0] and CORO_CHECK.search(x.split('\n')[0]) for x in b)
        if compile_errors or rc not in ('0', '1') or (rc == '1' and not coro_errors):
            stderr = [l for l in rd('.err').splitlines() if 'warnings generated' not in l
                      and not l.startswith('Suppressed ')]
            crash = 'Stack dump' in rd('.err') or rc not in ('0', '1')
            errs.append(f"TU {os.path.relpath(f, corpus)} rc={rc}{' CRASH' if crash else ''}\n"
                        + ''.join(f'  {l}\n' for l in (compile_errors + stderr)[:12]))
    one = {}  # one block per warning line: the same finding reached from two TUs may carry other notes
    for blk in sorted(found):
        one.setdefault(blk.split('\n')[0], blk)
    with open(os.path.join(out, name + '.txt'), 'w') as o:
        o.write('\n\n'.join(one.values()) + ('\n' if one else ''))
    with open(os.path.join(out, name + '.errors'), 'w') as o:
        o.write(''.join(errs))


def summary(out):
    rows = []
    for fn in sorted(os.listdir(out)):
        if not fn.endswith('.txt') or fn == 'summary.txt':
            continue
        counts = {}
        for line in open(os.path.join(out, fn)):
            m = DIAG.match(line)
            if m and (m.group(4) == 'warning' or (m.group(4) == 'error' and CORO_CHECK.search(line))):
                c = CHECK.search(line)
                k = c.group(1) if c else '?'
                counts[k] = counts.get(k, 0) + 1
        rows += [(fn[:-4], k, v) for k, v in sorted(counts.items())] or [(fn[:-4], '-', 0)]
    with open(os.path.join(out, 'summary.tsv'), 'w') as o:
        o.write('corpus\tcheck\tcount\n')
        o.writelines(f'{a}\t{b}\t{c}\n' for a, b, c in rows)
    print(open(os.path.join(out, 'summary.tsv')).read(), end='')


if __name__ == '__main__':
    cmd = sys.argv[1]
    if cmd == 'list':
        print('\n'.join(tus(sys.argv[2])))
    elif cmd == 'collect':
        collect(*sys.argv[2:6])
    elif cmd == 'summary':
        summary(sys.argv[2])
    else:
        sys.exit(__doc__)

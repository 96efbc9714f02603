#!/usr/bin/env bash
# Writes BUILD_DIR/compile_commands.json (default: examples/build) for the
# example, as CMake's CMAKE_EXPORT_COMPILE_COMMANDS would. Its paths are
# absolute, so it is generated rather than committed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/build}
mkdir -p "$build"
python3 - "$here" "$build" <<'PY'
import json, os, sys
here, build = sys.argv[1], os.path.abspath(sys.argv[2])
flags = ["-std=c++20", "-Wall", "-Iinclude",
         # asio 1.22 enables co_await only for compilers it knows to have it.
         "-DASIO_HAS_CO_AWAIT", "-DASIO_HAS_STD_COROUTINE"]
db = []
for name in sorted(os.listdir(os.path.join(here, "src"))):
    if name.endswith(".cpp"):
        src = "src/" + name
        obj = os.path.join(build, name[:-4] + ".o")
        db.append({"directory": here, "file": src,
                   "arguments": ["c++", *flags, "-c", src, "-o", obj]})
path = os.path.join(build, "compile_commands.json")
with open(path + ".tmp", "w") as f:
    json.dump(db, f, indent=2)
os.replace(path + ".tmp", path)
print(path)
PY

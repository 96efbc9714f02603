#!/usr/bin/env bash
# Installs everything corolint's build, tests and demo need on Debian 12.
# Idempotent; run as root (or with sudo available).
set -euo pipefail

LLVM_MAJORS=${COROLINT_LLVM_MAJORS:-"19 22"}

packages=(cmake make g++ git python3 nlohmann-json3-dev libgtest-dev libasio-dev)
packages+=(time) # /usr/bin/time for scripts/bench.sh
packages+=(dpkg-dev binutils) # scripts/package.sh: CPack's dpkg-shlibdeps, readelf in its test
packages+=(pre-commit) # the test of .pre-commit-hooks.yaml
packages+=(python3-jsonschema) # tests/rules/catalog_test.py: rules/schema.json
packages+=(libicu72) # for the SARIF Multitool (.NET) the driver tests run
for v in $LLVM_MAJORS; do
  packages+=("llvm-$v-dev" "libclang-$v-dev" "libclang-cpp$v-dev" "clang-$v"
             "clang-tidy-$v" "clangd-$v")
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: all packages present"
fi

# Microsoft's SARIF Multitool, which the driver's tests validate SARIF with:
# npm's package into .tools/ (git-ignored). Node.js comes from Debian unless
# some npm is already there.
root=$(cd "$(dirname "$0")/.." && pwd)
multitool=$root/.tools/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -x "$multitool" ]; then
  if ! command -v npm >/dev/null; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "setup: installing nodejs npm"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  echo "setup: installing @microsoft/sarif-multitool into .tools/sarif-multitool"
  mkdir -p "$root/.tools/sarif-multitool"
  npm install --prefix "$root/.tools/sarif-multitool" --no-audit --no-fund --loglevel=error \
    @microsoft/sarif-multitool@5.7.0 >/dev/null
  # Its postinstall script makes the binary executable; npm may skip scripts.
  chmod u+x "$multitool"
else
  echo "setup: SARIF Multitool present"
fi

# A GitHub Actions workflow validator, which checks docs/ci.md's workflows.
validator=$root/.tools/action-validator/node_modules/.bin/action-validator
if [ ! -x "$validator" ]; then
  echo "setup: installing @action-validator/cli into .tools/action-validator"
  mkdir -p "$root/.tools/action-validator"
  npm install --prefix "$root/.tools/action-validator" --no-audit --no-fund --loglevel=error \
    @action-validator/cli@0.6.0 >/dev/null
else
  echo "setup: workflow validator present"
fi

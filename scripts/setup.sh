#!/usr/bin/env bash
# Installs everything corolint's build, tests and demo need on Debian 12.
# Idempotent; run as root (or with sudo available).
set -euo pipefail

LLVM_MAJORS=${COROLINT_LLVM_MAJORS:-"19 22"}

packages=(cmake make g++ git python3 nlohmann-json3-dev libgtest-dev libasio-dev)
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

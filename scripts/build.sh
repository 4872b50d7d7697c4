#!/usr/bin/env bash
# Configures and builds Lettrine in build/ (or the folder given as $1, with
# extra CMake options after it). LETTRINE_TARGETS="a b" builds only those
# targets (and what they need); by default, everything, tests included.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build}"
shift || true
# ccache, when the machine has it, makes rebuilds in other clones of the
# project cheap (paths relative to the clone, so one cache serves them all).
launcher=()
if command -v ccache >/dev/null 2>&1; then
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@" >/dev/null
targets=()
for t in ${LETTRINE_TARGETS:-}; do targets+=(--target "$t"); done
cmake --build "$dir" -j"$(nproc)" "${targets[@]}"

#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs ctest.
# With LETTRINE_SANITIZE=1, builds in build-asan/ with AddressSanitizer and
# UndefinedBehaviorSanitizer and runs the suite there, without the tests
# labelled `externe` (Chromium and other outside programs: run once, above).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
if [ "${LETTRINE_SANITIZE:-0}" = "1" ]; then
  bash scripts/build.sh build-asan -DLETTRINE_SANITIZE=ON -DLETTRINE_BENCH=OFF
  # verify_asan_link_order=0: faketime (the determinism test) is an LD_PRELOAD library.
  # lsan-suppressions.txt: what libhyphen and fontconfig never free (not our code).
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:verify_asan_link_order=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=suppressions="$PWD/scripts/lsan-suppressions.txt":print_suppressions=0 \
    ctest --test-dir build-asan --output-on-failure -j2 -LE externe
else
  bash scripts/build.sh build
  ctest --test-dir build --output-on-failure -j2
fi

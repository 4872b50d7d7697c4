#!/usr/bin/env bash
# Builds the libFuzzer targets with clang 14 (ASan + UBSan) into build-fuzz/
# and runs each for SECONDS (default 60). Usage: fuzz/run.sh [SECONDS] [TARGET...]
#
# The engine's libraries are built by the main CMake project, configured with
# clang and the sanitizers in build-fuzz/ (tests and benchmarks off); the
# targets are then compiled and linked here. The only failure a target
# allows is LettrineError: a crash, another exception, a leak, undefined
# behaviour, a timeout (10 s) or more than 2 GiB of memory is a finding,
# saved as build-fuzz/crashes/<target>-crash-…; the script then fails.
# Results: build-fuzz/logs/<target>.log; summary on standard output.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-60}
shift || true
all_targets=(xlsx ods csv xml markup template)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")

CC=${CC_FUZZ:-clang-14}
CXX=${CXX_FUZZ:-clang++-14}
if ! command -v "$CXX" >/dev/null; then
  echo "fuzz/run.sh : $CXX introuvable (paquet clang-14 et libclang-rt-14-dev)" >&2
  exit 2
fi
build=$root/build-fuzz
sanitizers="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -gline-tables-only"

# 1. The engine's libraries, instrumented for coverage, with the sanitizers.
cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLETTRINE_TESTS=OFF -DLETTRINE_BENCH=OFF \
  -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link $sanitizers" \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link $sanitizers" >/dev/null
cmake --build "$build" --target lettrine_data lettrine_template lettrine_markup -j"$(nproc)" >/dev/null

# 2. The targets.
libs=("$build/engine/template/liblettrine_template.a" "$build/engine/markup/liblettrine_markup.a"
      "$build/engine/data/liblettrine_data.a" "$build/engine/core/liblettrine_core.a")
# shellcheck disable=SC2207
system_libs=($(pkg-config --libs pugixml libzip xlsxwriter icu-uc icu-i18n zlib) -lboost_filesystem -lpthread)
mkdir -p "$build/bin" "$build/logs" "$build/crashes"
for t in "${targets[@]}"; do
  "$CXX" -std=c++17 -O1 -fsanitize=fuzzer $sanitizers -I"$root/engine" -I"$root/fuzz" \
    "$root/fuzz/${t}_fuzzer.cpp" "${libs[@]}" "${system_libs[@]}" -o "$build/bin/${t}_fuzzer"
done

# 3. Seeds, from the project's own inputs and test fixtures (regenerated each run).
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{xlsx,ods,csv,xml,markup,template}
/usr/bin/python3 - "$root" "$seeds" <<'PY'
import glob, os, re, sys, zipfile
root, seeds = sys.argv[1], sys.argv[2]
def put(kind, name, data):
    with open(os.path.join(seeds, kind, name), "wb") as f:
        f.write(data)
for path in glob.glob(f"{root}/input/*.xlsx"):
    name = os.path.basename(path)
    put("xlsx", name, open(path, "rb").read())
    with zipfile.ZipFile(path) as z:  # the XML-mode seeds: worksheet, NUL, shared strings
        strings = z.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in z.namelist() else b""
        for part in z.namelist():
            if part.startswith("xl/worksheets/sheet"):
                put("xlsx", name + "-" + os.path.basename(part), z.read(part) + b"\0" + strings)
for path in glob.glob(f"{root}/tests/data/fixtures/*.ods"):
    put("ods", os.path.basename(path), open(path, "rb").read())
    with zipfile.ZipFile(path) as z:
        put("ods", os.path.basename(path) + "-content.xml", z.read("content.xml"))
for path in glob.glob(f"{root}/samples/programme-csv/*.csv") + glob.glob(f"{root}/tests/data/fixtures/*/*.csv"):
    put("csv", os.path.basename(os.path.dirname(path)) + "-" + os.path.basename(path), open(path, "rb").read())
for path in glob.glob(f"{root}/input/*.xml") + glob.glob(f"{root}/samples/*/*.xml"):
    put("xml", os.path.basename(path), open(path, "rb").read())
for path in glob.glob(f"{root}/templates/*.mustache") + glob.glob(f"{root}/samples/*/*.mustache"):
    text = open(path, "rb").read()
    put("template", os.path.basename(path), text)
    # The markup a template produces, approximately: its tags removed.
    put("markup", os.path.basename(path) + ".xml", re.sub(rb"\{\{[^}]*\}\}\}?", b"x", text))
PY

# 4. Runs.
status=0
printf '%-10s %8s %10s %8s %s\n' cible secondes executions couvert resultat
for t in "${targets[@]}"; do
  corpus=$build/corpus/$t
  mkdir -p "$corpus"
  log=$build/logs/$t.log
  set +e
  "$build/bin/${t}_fuzzer" "$corpus" "$seeds/$t" -max_total_time="$seconds" -max_len=262144 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/crashes/$t-" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  if [ $rc -eq 0 ]; then result="aucun problème"; else result="PROBLÈME (voir $log)"; status=1; fi
  printf '%-10s %8s %10s %8s %s\n' "$t" "$seconds" "${runs:-?}" "${cov:-?}" "$result"
done
exit $status

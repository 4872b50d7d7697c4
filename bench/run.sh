#!/bin/bash
# The mail-merge benchmark, whole processes: median wall time (hyperfine),
# CPU time (user + system, hyperfine's mean) and peak memory (/usr/bin/time,
# maximum resident set size, largest of the runs) of each scenario; then the
# scaling of the merged PDF from 1 to 10,000 records. Figures and how to read
# them: docs/PERFORMANCE.md.
#
# Usage: bench/run.sh [BUILD_FOLDER] [RUNS]
#   BUILD_FOLDER: a Release build (default: build-release), configured with
#     cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DLETTRINE_TESTS=OFF
#     cmake --build build-release -j2
#   RUNS: runs per scenario (default 10; the 10,000-record ones run 3 times).
#   JUSQUA=N in the environment: skip the scenarios of more than N records.
# Needs hyperfine (Debian package) and GNU time (/usr/bin/time).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build-release}
case $build in /*) ;; *) build=$root/$build ;; esac
runs=${2:-10}
max=${JUSQUA:-10000}
lettrine=$build/lettrine
floor=$build/bench/bench_floor
for tool in hyperfine /usr/bin/time /usr/bin/python3 "$lettrine"; do
    command -v "$tool" >/dev/null || { echo "introuvable : $tool" >&2; exit 2; }
done

work=$(mktemp -d /tmp/lettrine-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
for n in 1 10 100 500 1000 2000 5000 10000; do
    "$root/bench/merge/generer_destinataires.py" $n "$work/destinataires-$n.xml"
done
template=$root/bench/merge/lettre.xml.mustache
merge() {  # merge N [options...]
    local n=$1
    shift
    echo "$lettrine fusion --quiet --modele $template --donnees $work/destinataires-$n.xml --chaque destinataire $*"
}

# measure LABEL RUNS COMMAND: one table row.
measure() {
    local label=$1 count=$2 command=$3
    hyperfine -N --warmup 1 --runs "$count" --export-json "$work/h.json" "$command" >/dev/null 2>&1 ||
        { echo "échec : $command" >&2; exit 1; }
    local peak=0
    for _ in 1 2 3; do
        local kib
        kib=$(/usr/bin/time -f %M $command 2>&1 >/dev/null | tail -n 1)
        ((kib > peak)) && peak=$kib
    done
    /usr/bin/python3 - "$work/h.json" "$label" "$peak" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("| %-44s | %10.1f | %10.1f | %9.1f |" % (sys.argv[2], r["median"] * 1000, (r["user"] + r["system"]) * 1000,
                                              int(sys.argv[3]) / 1024))
PY
}

echo "Lettrine : $lettrine ($(nproc) cœurs, charge $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| scénario                                     |   mur (ms) |   CPU (ms) | mém. (Mio) |"
echo "|----------------------------------------------|-----------:|-----------:|----------:|"
[ -x "$floor" ] && measure "plancher : processus vide lié à PoDoFo" "$runs" "$floor"
measure "plancher : lettrine --version" "$runs" "$lettrine --version"
measure "1 lettre" "$runs" "$(merge 1 --sortie $work/une)"
measure "500 lettres, un PDF (--un-fichier)" "$runs" "$(merge 500 --un-fichier --jobs 2 --sortie $work/500.pdf)"
measure "500 lettres, 500 PDF (--jobs 2)" "$runs" "$(merge 500 --jobs 2 --sortie $work/500)"
((max >= 10000)) && measure "10 000 lettres, un PDF (--un-fichier)" 3 "$(merge 10000 --un-fichier --jobs 2 --sortie $work/10000.pdf)"
(cd "$root" && measure "campagne de décembre (4 lettres + budget)" "$runs" "$lettrine decembre --quiet --jobs 2 --sortie $work/decembre")

echo
echo "Passage à l'échelle (un PDF, --jobs 2) :"
echo
echo "| lettres | mur (ms) | CPU (ms) | mur / lettre (ms) | mém. (Mio) |"
echo "|--------:|---------:|---------:|------------------:|-----------:|"
for n in 1 10 100 500 1000 2000 5000 10000; do
    ((n > max)) && break
    count=$runs
    ((n >= 5000)) && count=3
    hyperfine -N --warmup 1 --runs "$count" --export-json "$work/h.json" \
        "$(merge $n --un-fichier --jobs 2 --sortie $work/echelle.pdf)" >/dev/null 2>&1
    kib=$(/usr/bin/time -f %M $(merge $n --un-fichier --jobs 2 --sortie $work/echelle.pdf) 2>&1 >/dev/null | tail -n 1)
    /usr/bin/python3 - "$work/h.json" "$n" "$kib" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
n = int(sys.argv[2])
print("| %7d | %8.1f | %8.1f | %17.3f | %10.1f |" % (n, r["median"] * 1000, (r["user"] + r["system"]) * 1000,
                                                 r["median"] * 1000 / n, int(sys.argv[3]) / 1024))
PY
done

if [ -x "$build/bench/bench_merge_stages" ]; then
    echo
    echo "Répartition par étape, 500 lettres :"
    echo
    "$build/bench/bench_merge_stages" "$work/destinataires-500.xml" "$template"
fi

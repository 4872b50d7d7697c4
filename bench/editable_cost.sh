#!/bin/bash
# What an editable letter costs beside its PDF (issue 14): the four sample
# lettres de mission, `lettrine lettres --jobs 1` in each --format, whole
# processes, instructions counted by callgrind (the machine is shared: wall
# or processor times would measure the neighbours). A letter in format F
# costs (pdf,F − pdf) ÷ 4; a PDF letter (pdf,F − F) ÷ 4. Then the rapport
# (its contents shows page numbers): `rapport --format odt` lays the book out
# for them, `pdf,odt` lays it out once for both. Figures:
# docs/PERFORMANCE.md, « Ce que coûte une lettre modifiable ».
#
# Usage: bench/editable_cost.sh [BUILD_FOLDER]   (default: build)
# Needs valgrind. Takes a few minutes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
command -v valgrind >/dev/null || { echo "introuvable : valgrind" >&2; exit 2; }
work=$(mktemp -d /tmp/lettrine-editable-cost.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$root"
declare -A count
for formats in pdf odt docx pdf,odt pdf,docx; do
    valgrind --tool=callgrind --callgrind-out-file="$work/cg-$formats.out" "$build/lettrine" lettres \
        --format "$formats" --jobs 1 -q --sortie "$work/sortie-$formats" 2>"$work/log-$formats.txt"
    count[$formats]=$(awk '/Collected/ {print $4}' "$work/log-$formats.txt")
    printf '%-9s %6.1f M instructions\n' "$formats" "$(echo "${count[$formats]} / 1000000" | bc -l)"
done
for f in odt docx; do
    printf 'une lettre %-4s %5.1f M ; une lettre PDF %5.1f M\n' "${f^^}" \
        "$(echo "(${count[pdf,$f]} - ${count[pdf]}) / 4000000" | bc -l)" \
        "$(echo "(${count[pdf,$f]} - ${count[$f]}) / 4000000" | bc -l)"
done
# The rapport: an ODT alone still costs a layout (its contents' page
# numbers); beside the PDF, none more.
for formats in pdf odt pdf,odt; do
    valgrind --tool=callgrind --callgrind-out-file="$work/cg-rapport-$formats.out" "$build/lettrine" rapport \
        --format "$formats" -q --sortie "$work/rapport-$formats" 2>"$work/log-rapport-$formats.txt"
    count[rapport-$formats]=$(awk '/Collected/ {print $4}' "$work/log-rapport-$formats.txt")
    printf 'rapport %-9s %7.1f M instructions\n' "$formats" "$(echo "${count[rapport-$formats]} / 1000000" | bc -l)"
done

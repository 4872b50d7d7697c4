#!/usr/bin/env bash
# Produces every sample output of the product (December batch, budget,
# bilan forms, notes, rapport, AG packs and badges, merges, conversions) into
# a scratch folder and compares their SHA-256 with scripts/sample-hashes.txt.
#
#   bash scripts/sample-hashes.sh [BUILD_DIR]            # check (exit 1 on a difference)
#   bash scripts/sample-hashes.sh [BUILD_DIR] --record   # rewrite the recorded list
#
# A refactoring keeps these identical; a change that means to change an output
# records the new list in the same commit, so the diff shows which outputs moved.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
mode="${2:-check}"
case "$build" in /*) lettrine="$build/lettrine" ;; *) lettrine="$PWD/$build/lettrine" ;; esac
[ -x "$lettrine" ] || { echo "pas d'exécutable $lettrine : construire d'abord (bash scripts/build.sh $build)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$work/out"
run() { local command="$1"; shift; "$lettrine" "$command" --quiet "$@" >/dev/null; }

run decembre --sortie "$out/decembre"
run decembre --donnees samples/programme-csv --sortie "$out/decembre-csv"
run decembre --donnees input/programme-2016.xml --sortie "$out/decembre-xml"
run formulaire --sortie "$out/formulaires"
for bilan in input/bilans/*; do
  run note --donnees "$bilan" --sortie "$out/notes"
done
run rapport --notes input/bilans --sortie "$out/rapport"
run rapport --notes input/bilans --recto-verso --sortie "$out/rapport-recto-verso"
run atelier --sortie "$out/atelier"
run atelier --notes input/bilans --recto-verso --sortie "$out/atelier-notes"
run atelier --badges --sortie "$out/badges"
run fusion --modele samples/fusion/invitation.xml.mustache --donnees samples/fusion/destinataires.xml \
  --chaque destinataire --sortie "$out/fusion" --nom nom
run fusion --modele samples/fusion/invitation.xml.mustache --donnees samples/fusion/destinataires.xml \
  --chaque destinataire --un-fichier --sortie "$out/fusion-un-fichier.pdf"
run convertir --donnees input/programme-2016.xml --sortie "$out/convertir/programme-2016.xlsx"
run convertir-ag --donnees-ag input/ag-2016.xml --sortie "$out/convertir/ag-2016.xlsx"

# --verifier-pdf: every PDF read back by the PDF/UA-1 and PDF/A-2 checks
# (tests/pdf/check_tagged_pdf.py) instead of the hashes.
if [ "$mode" = "--verifier-pdf" ]; then
  mapfile -d '' pdfs < <(find "$out" -name '*.pdf' -print0 | LC_ALL=C sort -z)
  status=0
  /usr/bin/python3 tests/pdf/check_tagged_pdf.py "${pdfs[@]}" || status=$?
  exit "$status"
fi

actual="$work/hashes.txt"
(cd "$out" && find . -name .lettrine -prune -o -type f ! -name '.*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) > "$actual"

if [ "$mode" = "--record" ]; then
  cp "$actual" scripts/sample-hashes.txt
  echo "$(wc -l < "$actual") sorties enregistrées dans scripts/sample-hashes.txt"
elif diff -u scripts/sample-hashes.txt "$actual"; then
  echo "$(wc -l < "$actual") sorties identiques aux empreintes enregistrées"
else
  echo "des sorties diffèrent des empreintes enregistrées (scripts/sample-hashes.txt)" >&2
  exit 1
fi

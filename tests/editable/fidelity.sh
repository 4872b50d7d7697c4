#!/usr/bin/env bash
# Fidelity through a real office suite (issue 14): the four sample letters,
# every note of input/bilans and the rapport, written by Lettrine as PDF, ODT
# and DOCX, the ODT and DOCX turned back into PDF by LibreOffice in ONE
# soffice call with a fresh profile, then compared with Lettrine's PDFs
# (compare_pdf_text.py: the same words modulo hyphenation, line breaks and
# page furniture, page count within one), and the rapport's contents
# (check_contents_pages.py: the PDF's page numbers, never « ? », each within
# one page of its heading after LibreOffice). Then the way back: the habitat
# note exported from its ODT takes the place of its bilan in the rapport's
# notes folder.
#
# soffice exits 0 even when it could not load a file: a conversion counts
# only if its PDF exists (the comparer checks) and soffice printed nothing on
# standard error. One line is not a failure: the launcher's « failed to
# launch javaldx » on a machine without Java, printed before any file is opened.
#   fidelity.sh BUILD_DIR [KEEP_DIR]
set -euo pipefail
build="$1"
here="$(cd "$(dirname "$0")" && pwd)"
work="${2:-$(mktemp -d)}"
[ -n "${2:-}" ] || trap 'rm -rf "$work"' EXIT
lettrine="$build/lettrine"
out="$work/sortie"
mkdir -p "$work/office" "$work/editable"

# 1. Every document in the three formats.
"$lettrine" lettres -q --format pdf,odt,docx --sortie "$out"
for bilan in input/bilans/*; do
  "$lettrine" note -q --format pdf,odt,docx --donnees "$bilan" --sortie "$out"
done
"$lettrine" rapport -q --format pdf,odt,docx --sortie "$out" 2>"$work/rapport.err"

# 2. One soffice call for every editable file. NAME.odt and NAME.docx would
#    both become NAME.pdf: each goes in as NAME--odt.odt, NAME--docx.docx.
for f in "$out"/lettres/*.odt "$out"/lettres/*.docx "$out"/notes/*.odt "$out"/notes/*.docx "$out"/*.odt "$out"/*.docx; do
  name="$(basename "$f")"
  ln -s "$f" "$work/editable/${name%.*}--${name##*.}.${name##*.}"
done
start=$(date +%s)
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work/office" \
  "$work"/editable/* >"$work/soffice.out" 2>"$work/soffice.err"
echo "soffice : $(ls "$work/editable" | wc -l) fichiers convertis en $(( $(date +%s) - start )) s"
grep -v -x 'Warning: failed to launch javaldx - java may not function correctly' "$work/soffice.err" \
  >"$work/soffice.problems" || true
if [ -s "$work/soffice.problems" ]; then
  echo "soffice a écrit sur sa sortie d’erreur :" >&2
  cat "$work/soffice.err" >&2
  exit 1
fi

# 3. The texts and page counts, then the way back.
status=0
/usr/bin/python3 "$here/compare_pdf_text.py" "$work/office" "$out/lettres" "$out/notes" "$out" || status=1
# The rapport's contents: the PDF's page numbers, never « ? », each within one
# page of where LibreOffice put its heading.
/usr/bin/python3 "$here/check_contents_pages.py" "$out"/rapport-activite-*.pdf \
  "$work"/office/rapport-activite-*--odt.pdf "$work"/office/rapport-activite-*--docx.pdf || status=1
/usr/bin/python3 "$here/way_back.py" "$lettrine" "$work/office/note-bilan-2016-habitat--odt.pdf" "$work/retour" || status=1
exit $status

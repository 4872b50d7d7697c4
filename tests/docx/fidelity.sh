#!/usr/bin/env bash
# The four sample letters as DOCX, turned back into PDF by LibreOffice (one
# soffice call, a fresh profile), compared with Lettrine's PDFs: same text,
# page count within one. soffice exits 0 even when it could not load a file:
# a conversion counts only if the PDF exists and soffice printed nothing on
# standard error. One line is not a failure: the launcher's « failed to
# launch javaldx » on a machine without Java, printed before any file is opened.
#   fidelity.sh BUILD_DIR [KEEP_DIR]
set -euo pipefail
build="$1"
work="${2:-$(mktemp -d)}"
[ -n "${2:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work/office"
"$build/lettrine" lettres --format pdf,docx --sortie "$work/sortie" 2>/dev/null
ln -s "$work/sortie/lettres" "$work/lettrine"
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work/office" \
  "$work"/lettrine/*.docx >"$work/soffice.out" 2>"$work/soffice.err"
grep -v -x 'Warning: failed to launch javaldx - java may not function correctly' "$work/soffice.err" \
  >"$work/soffice.problems" || true
if [ -s "$work/soffice.problems" ]; then
  echo "soffice a écrit sur sa sortie d'erreur :" >&2
  cat "$work/soffice.err" >&2
  exit 1
fi
/usr/bin/python3 "$(dirname "$0")/compare_pdf_text.py" "$work/lettrine" "$work/office"

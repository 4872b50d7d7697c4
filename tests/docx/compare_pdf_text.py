"""Compares the text of Lettrine's PDFs with LibreOffice's PDFs of the DOCX.

    compare_pdf_text.py LETTRINE_DIR OFFICE_DIR

For every NAME.pdf of LETTRINE_DIR, OFFICE_DIR/NAME.pdf must exist, hold the
same text in the same order (pdftotext) up to the Annexe 1 page and the
same characters on it (its table has no vertical rules, and pdftotext's
guess of its columns differs between the two files), modulo whitespace, hyphens (line-break
hyphenation differs between the two composers) and page furniture (headers and
footers repeat per page), and have as many pages within one. Exit 1 with every
difference listed.
"""
import glob
import os
import re
import subprocess
import sys

FURNITURE = [
    re.compile(r"^Réf\. .* — page \d+ sur \d+$"),         # the letter's footer, second line
    re.compile(r"^Les Ecossolies · .*$"),                  # the letter's footer, first line
    re.compile(r"^Les Ecossolies — lettre de mission .*$"),  # the following pages' header
]


def pdf_text(path):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True, capture_output=True,
                          text=True).stdout
    lines = [line.strip() for line in text.splitlines()]
    kept = [line for line in lines if not any(f.match(line) for f in FURNITURE)]
    return "".join(re.sub(r"[\s\u00a0\u202f\u00ad\-‐]", "", line) for line in kept)


def split_annexe(text):
    """The text before the Annexe 1 title, and from it on."""
    at = text.find("Annexe1—")
    return (text, "") if at < 0 else (text[:at], text[at:])


def pages(path):
    info = subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def main():
    lettrine_dir, office_dir = sys.argv[1], sys.argv[2]
    problems = []
    pdfs = sorted(glob.glob(os.path.join(lettrine_dir, "*.pdf")))
    if not pdfs:
        problems.append(f"aucun PDF dans {lettrine_dir}")
    for ours in pdfs:
        name = os.path.basename(ours)
        theirs = os.path.join(office_dir, name)
        if not os.path.exists(theirs):
            problems.append(f"{name} : LibreOffice n'a pas produit de PDF")
            continue
        a, annexe_a = split_annexe(pdf_text(ours))
        b, annexe_b = split_annexe(pdf_text(theirs))
        if sorted(annexe_a) != sorted(annexe_b):
            problems.append(f"{name} : l'annexe n'a pas les mêmes caractères :\n  Lettrine    : {annexe_a[:200]}"
                            f"\n  LibreOffice : {annexe_b[:200]}")
        if a != b:
            at = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
            problems.append(f"{name} : texte différent au caractère {at} :\n  Lettrine    : …{a[max(0, at - 60):at + 60]}…"
                            f"\n  LibreOffice : …{b[max(0, at - 60):at + 60]}…")
        ours_pages, theirs_pages = pages(ours), pages(theirs)
        if abs(ours_pages - theirs_pages) > 1:
            problems.append(f"{name} : {ours_pages} pages dans le PDF, {theirs_pages} après LibreOffice")
        print(f"{name} : {ours_pages} pages (Lettrine), {theirs_pages} (LibreOffice)")
    for p in problems:
        print("ÉCHEC", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

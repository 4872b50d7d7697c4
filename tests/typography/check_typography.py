#!/usr/bin/python3
"""French typography checker: reads PDFs back with pdfminer (an outside
oracle, not Lettrine's own reader) and counts what a French typographer would
correct (docs/TYPOGRAPHIE.md, « Vérification »).

    check_typography.py [--json | --tableau] [--zero RULE,RULE...] [--au-plus RULE=N,...] FILE.pdf...

Prints one line per file and rule with a count above zero, and the first
examples. With --zero, exits 1 when one of those rules counts anything in
any file; with --au-plus, when a rule counts more than N over all the
files together. Rules:
  apostrophe-droite   U+0027 in French text
  guillemet-droit     U+0022 in French text
  points-de-suspension  "..." typed as three dots
  etc-suspension      "etc." followed by an ellipsis
  ordinal-plat        1er, 2e, XIXe... with the letters on the baseline
  insecable-large-guillemets  U+00A0 right inside « » (should be the fine U+202F)
  tiret-incise        a spaced hyphen " - " between words
  de-les              « de Les », « de Le » (should contract: des, du)
  a-le                « à Le », « à Les » (should contract: au, aux)
  de-voyelle          « de » before a vowel (should elide: d')
  puce-isolee         a list bullet read apart from its item's text
  metadonnees         any rule above broken in the Info /Title or /Subject, or
                      in the XMP's dc:title or dc:description
Line and page quality (line_quality.py, from character positions; justified
body text at a document's full measure only):
  ligne-lache         a justified line whose word spaces stretch past the limit (r > 1)
  cesures-de-suite    a third hyphenated line in a row
  derniere-ligne-courte  a paragraph's last line shorter than 1.5 em, or a word fragment alone
  fine-large          a fine space (U+202F) wider than 0.15 em
  mesure-longue       the document's justified lines average more than 75 characters
  tailles-nombreuses  more than 5 font sizes in the document (superscripts aside)
--json also gives each file's measures and characters per line (mean, max);
--tableau prints one line per file: the line counts and the measure.
"""
import html
import json
import re
import sys

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text

from line_quality import check_lines

MAX_MEAN_CHARACTERS = 75
MAX_FONT_SIZES = 5

VOWEL = "AEIOUYÂÀÉÈÊËÎÏÔÛÙaeiouyâàéèêëîïôûù"
RULES = {
    "apostrophe-droite": re.compile(r"\w'\w|\s'\w"),
    "guillemet-droit": re.compile(r'"'),
    "points-de-suspension": re.compile(r"\.\.\."),
    "etc-suspension": re.compile(r"etc\.?…|etc\.\.\."),
    "insecable-large-guillemets": re.compile("«\u00a0|\u00a0»"),
    "tiret-incise": re.compile(r"\w \- \w"),
    "de-les": re.compile(r"\b[dD]e (Les?) [A-ZÉ]"),
    "a-le": re.compile(r"\b[àÀ] (Les?) [A-ZÉ]"),
    "de-voyelle": re.compile(r"(?<![\w’'])[dD]e [" + VOWEL + r"]\w"),
    "puce-isolee": re.compile(r"^\s*[–•]\s*$"),
}
ORDINAL_SUFFIXES = ("er", "re", "e", "es", "ers", "res", "d", "de", "nd", "nde", "ème", "ième")


def lines_with_sizes(path):
    """Every text line of the PDF as (text, [(char, size)...]), in order."""
    for page in extract_pages(path):
        stack = [page]
        while stack:
            element = stack.pop(0)
            if isinstance(element, LTTextLine):
                chars = [(c.get_text(), c.size) for c in element if isinstance(c, LTChar)]
                yield element.get_text().rstrip("\n"), chars
            elif isinstance(element, LTTextContainer) or hasattr(element, "__iter__"):
                try:
                    stack[0:0] = list(element)
                except TypeError:
                    pass


def flat_ordinals(chars):
    """Ordinals whose letters are set at the digit's size: 1er, 2e, XIXe."""
    found = []
    text = "".join(c for c, _ in chars)
    for m in re.finditer(r"(?<![\w])(\d+|[IVXLCDM]{2,}|[IVX])(" + "|".join(sorted(ORDINAL_SUFFIXES, key=len, reverse=True)) + r")(?![\w])", text):
        # Map the match back to characters (one char per code point here).
        number_end = m.start(2)
        if number_end >= len(chars) or m.start(1) >= len(chars):
            continue
        number_size = chars[number_end - 1][1]
        suffix_size = chars[number_end][1]
        if abs(number_size - suffix_size) < 0.01:
            found.append(m.group(0))
    return found


# The rules a metadata string is held to (no bullets, no superscripts there).
METADATA_RULES = ("apostrophe-droite", "guillemet-droit", "points-de-suspension", "etc-suspension",
                  "tiret-incise", "de-les", "a-le", "de-voyelle")


def metadata_strings(path):
    """(where, text) of the Info /Title and /Subject and the XMP's dc:title
    and dc:description, as a reader's document properties show them."""
    with open(path, "rb") as f:
        document = PDFDocument(PDFParser(f))
        for info in document.info:
            for key in ("Title", "Subject"):
                value = resolve1(info.get(key))
                if isinstance(value, bytes):
                    yield f"Info /{key}", decode_text(value)
        metadata = resolve1(document.catalog.get("Metadata"))
        if metadata is None:
            return
        xmp = metadata.get_data().decode("utf-8", "replace")
        for tag in ("dc:title", "dc:description"):
            for block in re.findall(rf"<{tag}>(.*?)</{tag}>", xmp, re.S):
                for text in re.findall(r"<rdf:li[^>]*>(.*?)</rdf:li>", block, re.S):
                    yield f"XMP {tag}", html.unescape(text)


def check(path):
    counts = {rule: [] for rule in RULES}
    counts["ordinal-plat"] = []
    counts["metadonnees"] = []
    for text, chars in lines_with_sizes(path):
        for rule, pattern in RULES.items():
            for m in pattern.finditer(text):
                counts[rule].append(text[max(0, m.start() - 20):m.end() + 20])
        counts["ordinal-plat"].extend(flat_ordinals(chars))
    for where, text in metadata_strings(path):
        for rule in METADATA_RULES:
            for m in RULES[rule].finditer(text):
                counts["metadonnees"].append(f"{where} ({rule}): {text[max(0, m.start() - 20):m.end() + 20]}")
    lines, stats = check_lines(path)
    counts.update(lines)
    counts["mesure-longue"] = []
    if stats["caracteres-moyen"] > MAX_MEAN_CHARACTERS:
        counts["mesure-longue"].append(f"{stats['caracteres-moyen']} caractères par ligne en moyenne (au plus {stats['caracteres-max']})")
    counts["tailles-nombreuses"] = [f"{len(stats['tailles'])} tailles : {stats['tailles']}"] if len(stats["tailles"]) > MAX_FONT_SIZES else []
    return counts, stats


LINE_RULES = ("ligne-lache", "cesures-de-suite", "derniere-ligne-courte", "fine-large", "mesure-longue")
TABLE_HEAD = "lâche césures courte fine  mesure  moyen  max  tailles  fichier"


def table_row(path, row):
    counts = "".join(f"{row[rule]:6d}" for rule in LINE_RULES)
    return f"{counts}  {row['caracteres-moyen']:5.1f} {row['caracteres-max']:4d}  {len(row['tailles']):7d}  {path}"


def main(argv):
    as_json = "--json" in argv
    as_table = "--tableau" in argv
    zero = set()
    ceilings = {}
    files = []
    args = iter(argv)
    for a in args:
        if a in ("--json", "--tableau"):
            continue
        if a == "--zero":
            zero = set(next(args).split(","))
            continue
        if a == "--au-plus":
            ceilings = {rule: int(n) for rule, n in (item.split("=") for item in next(args).split(","))}
            continue
        files.append(a)
    failed = False
    report = {}
    for path in files:
        counts, stats = check(path)
        report[path] = {rule: len(found) for rule, found in counts.items()}
        report[path].update(stats)
        for rule, found in counts.items():
            if not found:
                continue
            if rule in zero:
                failed = True
            if not as_json and not as_table:
                print(f"{path}: {rule}: {len(found)} — {found[:3]}")
    for rule, ceiling in ceilings.items():
        total = sum(row[rule] for row in report.values())
        if total > ceiling:
            failed = True
            print(f"{rule} : {total} en tout, au plus {ceiling} attendu(s)")
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    if as_table:
        print(TABLE_HEAD)
        for path, row in report.items():
            print(table_row(path, row))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

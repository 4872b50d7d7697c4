#!/usr/bin/python3
"""French typography of the engine's own words: every message, error, usage
line and progress text the engine shows a user is French and set as the rest
of the product is (the CLI, the web pages, the documents):

    check_messages.py [--allow FILE] [--regles R1,R2] [--prose] PATH...

PATH is a .cpp/.hpp file or a folder (scanned recursively for .cpp, .hpp);
with --prose, Markdown files or folders (docs/*.md), whose prose is checked
outside code blocks and `code spans`.

--regles keeps only some of the rules below (apostrophe, guillemets, points,
espaces; all by default).

In each string literal that reads as French (an accented letter, an elided
article, or two French function words), it flags:
- a straight apostrophe between letters (« l'élément » → « l’élément »);
- straight double quotes used as quotation marks (« "Habitat" » → « « Habitat » »,
  with U+202F inside);
- three dots « ... » (→ « … »);
- the space before : ; ! ? — U+00A0 before the colon, U+202F before ; ! ?
  (Lexique des règles typographiques en usage à l'Imprimerie nationale); a
  plain space, or none after a word, is flagged.

Some literals are not messages but data contracts: sheet names, column
headers, form labels that a reader MATCHES in users' files. They stay as
earlier versions wrote them, listed in the allow-list file (one entry a line:
`path | exact text of the literal | reason`, # for comments). An entry that
matches nothing is itself a problem (a stale exception hides the next one).

Prints each problem as path:line: text and exits 1 when there is one.
"""
import re
import sys
from pathlib import Path

LETTER = "A-Za-zÀ-ÖØ-öø-ÿŒœ"
ACCENTED = re.compile("[àâçéèêëîïôûùüÿœÀÂÇÉÈÊËÎÏÔÛÙÜŒ]")
ELISION = re.compile(rf"\b(?:[lLdDnNsSjJmMtTcC]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’][{LETTER}]")
FRENCH_WORDS = re.compile(
    r"\b(?:le|la|les|des|du|une|est|sont|pas|ne|et|pour|dans|avec|sur|aux|ce|cette|"
    r"qui|que|fichier|ligne|colonne|feuille|aucun|aucune|doit|peut|ou)\b")

APOSTROPHE = re.compile(rf"[{LETTER}]'[{LETTER}]")
# A straight double quote opening (after a space, a bracket or the start, with
# a word next) or closing (after a word, before a space, punctuation or the
# end): quotation marks, not an HTML or XML attribute (« ="… »).
QUOTE = re.compile(rf'(?:(?:^|(?<=[\s(\[]))"(?=[{LETTER}0-9«.\-])|(?<=[{LETTER}0-9.!?)])"(?=$|[\s.,;:!?)\]]))')
# Markup quoted in a message (« <image src="logo.png"> », « entete="oui" »,
# « alt="" ») keeps its straight quotes: it is code the user types.
ATTRIBUTE = re.compile(r'[\w:-]*="[^"]*"?')
ELLIPSIS = re.compile(r"\.\.\.")
ENTITY = re.compile(r"&#?\w+;")  # « &eacute; » quoted in a message: not a semicolon
SPACE_BEFORE = re.compile(rf"(?:[ \u202f]:|[ \u00a0][;!?]|[{LETTER}][;!?](?=\s|$)|[{LETTER}»]:(?=\s))")


def is_french(text):
    return bool(ACCENTED.search(text) or ELISION.search(text) or len(FRENCH_WORDS.findall(text)) >= 2)


RULES = {
    "apostrophe": (APOSTROPHE, "apostrophe droite (’ attendue)"),
    "guillemets": (QUOTE, "guillemets droits (« … » attendus)"),
    "points": (ELLIPSIS, "trois points (… attendu)"),
    "espaces": (SPACE_BEFORE, "espace avant : ; ! ? (U+00A0 avant :, U+202F avant ; ! ?)"),
}


def problems_in(text, rules=tuple(RULES)):
    """The typographic faults of one French text, as short descriptions."""
    found = []
    for name in rules:
        pattern, description = RULES[name]
        seen = ATTRIBUTE.sub("", text) if name == "guillemets" else ENTITY.sub("", text) if name == "espaces" else text
        if pattern.search(seen):
            found.append(description)
    return found


ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'", "?": "?", "a": "\a",
           "b": "\b", "f": "\f", "v": "\v"}


def unescape(body):
    """The text of a literal's body: escapes decoded, \\x bytes read as UTF-8."""
    out, i = bytearray(), 0
    while i < len(body):
        c = body[i]
        if c != "\\" or i + 1 == len(body):
            out += c.encode("utf-8")
            i += 1
            continue
        n = body[i + 1]
        if n == "x":
            m = re.match(r"[0-9A-Fa-f]{1,2}", body[i + 2:])
            out.append(int(m.group(0), 16) if m else ord("x"))
            i += 2 + (len(m.group(0)) if m else 0)
        elif n in "uU":
            width = 4 if n == "u" else 8
            out += chr(int(body[i + 2:i + 2 + width], 16)).encode("utf-8")
            i += 2 + width
        else:
            out += ESCAPES.get(n, n).encode("utf-8")
            i += 2
    return out.decode("utf-8", errors="replace")


def string_literals(source):
    """(line, text) of every string literal in C++ source, comments and
    character literals skipped, escapes decoded, raw strings read as is."""
    i, line, n = 0, 1, len(source)
    while i < n:
        c = source[i]
        if c == "\n":
            line += 1
            i += 1
        elif source.startswith("//", i):
            i = source.find("\n", i)
            i = n if i < 0 else i
        elif source.startswith("/*", i):
            end = source.find("*/", i + 2)
            end = n if end < 0 else end + 2
            line += source.count("\n", i, end)
            i = end
        elif c == "'" and not (i > 0 and source[i - 1].isalnum()):  # char literal, not a digit separator
            j = i + 1
            while j < n and source[j] != "'":
                j += 2 if source[j] == "\\" else 1
            i = j + 1
        elif c == '"':
            raw = re.search(r'(?:u8|[uUL])?R$', source[max(0, i - 3):i])
            if raw:
                m = re.match(r'"([^(\s]{0,16})\(', source[i:])
                close = ")" + m.group(1) + '"'
                end = source.find(close, i + m.end())
                yield line, source[i + m.end():end]
                line += source.count("\n", i, end)
                i = end + len(close)
                continue
            j = i + 1
            while j < n and source[j] != '"':
                j += 2 if source[j] == "\\" else 1
            yield line, unescape(source[i + 1:j])
            i = j + 1
        else:
            i += 1


def prose_lines(text):
    """(line, text) of a Markdown file's prose: fenced and indented code
    dropped; `code spans` (which may run over lines of a paragraph), links'
    targets and HTML tags blanked out; an unmatched backtick stays text."""
    lines, fenced, paragraph = text.splitlines(), False, []

    def flush():
        joined = "\n".join(lines[n - 1] for n in paragraph)
        joined = re.sub(r"`[^`]*`", lambda m: "\n" * m.group(0).count("\n"), joined)
        for n, line in zip(paragraph, joined.split("\n")):
            line = re.sub(r"\]\([^)]*\)", "]", line)
            yield n, re.sub(r"<[^>]+>", "", line)
        paragraph.clear()

    for number, raw in enumerate(lines, 1):
        if raw.lstrip().startswith("```"):
            yield from flush()
            fenced = not fenced
        elif fenced or raw.startswith("    ") or raw.startswith("\t") or not raw.strip():
            yield from flush()
        else:
            paragraph.append(number)
    yield from flush()


def read_allow_list(path):
    entries = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in raw.split(" | ")]
        if len(parts) != 3 or not parts[2]:
            raise SystemExit(f"{path}: entrée mal formée (chemin | texte | raison) : {raw}")
        entries.append(parts)
    return entries


def files_under(paths, suffixes):
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.suffix in suffixes)
        else:
            yield p


def main(argv):
    allow, prose, paths, rules = [], False, [], tuple(RULES)
    args = iter(argv)
    for a in args:
        if a == "--allow":
            allow = read_allow_list(next(args))
        elif a == "--regles":
            rules = tuple(next(args).split(","))
            unknown = [r for r in rules if r not in RULES]
            if unknown:
                raise SystemExit(f"règles inconnues : {unknown} (règles : {', '.join(RULES)})")
        elif a == "--prose":
            prose = True
        else:
            paths.append(a)
    used = set()
    problems = []
    suffixes = {".md"} if prose else {".cpp", ".hpp"}
    for f in files_under(paths, suffixes):
        text = f.read_text(encoding="utf-8")
        items = prose_lines(text) if prose else string_literals(text)
        for line, literal in items:
            if not is_french(literal):
                continue
            found = problems_in(literal, rules)
            if not found:
                continue
            exempt = [k for k, (where, what, _) in enumerate(allow)
                      if what == literal and f.as_posix().endswith(where)]
            if exempt:
                used.update(exempt)
                continue
            problems.append(f"{f}:{line}: {', '.join(found)} : {literal!r}")
    for k, (where, what, _) in enumerate(allow):
        if k not in used:
            problems.append(f"liste d’exceptions : « {what} » ({where}) ne correspond plus à aucun texte")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

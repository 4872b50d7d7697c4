"""Line and page quality read back from character positions (pdfminer's
LTChar boxes: x0 is where a glyph is drawn, adv the font's own advance).
Part of check_typography.py (docs/TYPOGRAPHIE.md, « Vérification »).

A document's body measures are found from the text itself: justified lines
all end at the same right edge, so a (left, right) pair shared by many lines
of some length is a justified measure; ragged text, table cells and
positioned blocks do not repeat one. Only lines at such a measure count as
justified body text.
"""
import re
from statistics import median

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextLine

SPACE_STRETCH = 0.5        # of the natural space: Lettrine's (and TeX's) stretch limit
SHORT_LAST_LINE_EM = 1.5
FINE_MAX_EM = 0.15
MEASURE_MIN_LINES = 3      # lines sharing a (left, right) pair before it counts as a measure
MEASURE_MIN_CHARS = 25
EDGE_TOLERANCE = 0.6       # points
FIRST_INDENT_MAX = 30      # points: a paragraph's first line may start this far right
MAX_HYPHENS_IN_A_ROW = 2   # the French rule: never three hyphenated lines in a row
SUPERSCRIPT_SCALE = 0.65   # an ordinal's letters: not a size of the scale
HYPHENS = "-\u00ad\u2010"  # hyphen-minus, soft hyphen (a break hyphen's text), hyphen
# Margin protrusion: a justified line's last glyph may hang past the right
# edge when it is one of these (period, comma, hyphen, closing guillemet…),
# its first glyph past the left edge when it opens (« – “), each by at most
# half an em (docs/TYPOGRAPHIE.md, « Alignement optique des marges »).
HANGING_RIGHT = ".,:;!?\u2026\u00bb\u203a\u2019\u201d\u2013\u2014" + HYPHENS + "\u2011"
HANGING_LEFT = "\u00ab\u2039\u2018\u201c\u2013\u2014"
PROTRUSION_MAX_EM = 0.5


class Line:
    """One text line: its characters left to right, and where it lies."""

    def __init__(self, page, chars):
        self.page = page
        self.chars = chars
        self.text = "".join(c.get_text() for c in chars)
        ink = [c for c in chars if not c.get_text().isspace()]
        self.x0 = min(c.x0 for c in ink)
        self.x1 = max(c.x1 for c in ink)
        self.top = max(c.y1 for c in ink)
        self.size = median(c.size for c in ink)
        self.measure = None  # (left, right) when the line is justified body text

    def left_hang(self):
        """How far the line may start left of its measure (an opening « hangs)."""
        return PROTRUSION_MAX_EM * self.size if self.text.strip()[:1] in HANGING_LEFT else 0

    def hyphenated(self):
        """The line ends with a word's first part: a hyphen after a letter,
        drawn by the breaker (extracted as the soft hyphen U+00AD, so that a
        copy gives the whole word) or typed (« Saint- »)."""
        t = self.text.rstrip()
        return len(t) >= 2 and t[-1] in HYPHENS and t[-2].isalpha()

    def stretch_ratio(self):
        """Largest adjustment ratio of the line's word spaces (None: no space)."""
        worst = None
        for k in range(1, len(self.chars) - 1):
            c = self.chars[k]
            if c.get_text() != " " or self.chars[k - 1].get_text().isspace() or self.chars[k + 1].get_text().isspace():
                continue
            natural = c.adv
            if natural <= 0:
                continue
            gap = self.chars[k + 1].x0 - c.x0
            r = (gap - natural) / (natural * SPACE_STRETCH)
            worst = r if worst is None else max(worst, r)
        return worst


def document_lines(path):
    laparams = LAParams()
    for number, page in enumerate(extract_pages(path, laparams=laparams), 1):
        stack = [page]
        while stack:
            element = stack.pop(0)
            if isinstance(element, LTTextLine):
                chars = [c for c in element if isinstance(c, LTChar)]
                if any(not c.get_text().isspace() for c in chars):
                    yield Line(number, sorted(chars, key=lambda c: c.x0))
            elif hasattr(element, "__iter__"):
                try:
                    stack[0:0] = list(element)
                except TypeError:
                    pass


def body_measures(lines):
    """The (left, right) edges shared by enough long lines: justified measures."""
    def key(line):
        return (round(line.x0), round(line.x1))
    texts = {}
    for line in lines:
        text = line.text.strip()
        if text[-1:] in HANGING_RIGHT or text[:1] in HANGING_LEFT:
            continue  # its edge may hang into the margin: not the measure's
        if len(line.text) >= MEASURE_MIN_CHARS:
            texts.setdefault(key(line), set()).add(re.sub(r"\d+", "", line.text.strip()))
    # Distinct texts, digits aside: a running head or a footer numbering
    # each page is no measure.
    measures = [m for m, seen in texts.items() if len(seen) >= MEASURE_MIN_LINES]
    if not measures:
        return []
    widest = max(r - l for l, r in measures)
    return [(l, r) for l, r in measures if r - l >= 0.6 * widest]


def assign_measures(lines, measures):
    for line in lines:
        text = line.text.strip()
        hang = PROTRUSION_MAX_EM * line.size
        right_hang = hang if text[-1:] in HANGING_RIGHT else 0
        left_hang = line.left_hang()
        tolerance = EDGE_TOLERANCE + 0.5
        for left, right in measures:
            if (-tolerance <= line.x1 - right <= right_hang + tolerance and
                    left - left_hang - tolerance <= line.x0 <= left + FIRST_INDENT_MAX):
                line.measure = (left, right)


def follows(previous, line):
    """line is the next line of previous's paragraph block (same page, next baseline)."""
    return (line.page == previous.page and abs(line.x0 - previous.x0) <= FIRST_INDENT_MAX + 1 and
            0 < previous.top - line.top <= 1.8 * previous.size)


def check_lines(path):
    """Counts of the line rules for one PDF, with examples, and the body measure."""
    lines = list(document_lines(path))
    measures = body_measures(lines)
    assign_measures(lines, measures)
    found = {"ligne-lache": [], "cesures-de-suite": [], "derniere-ligne-courte": [], "fine-large": []}
    lengths = []
    run = 0
    for k, line in enumerate(lines):
        previous = lines[k - 1] if k > 0 else None
        adjacent = previous is not None and follows(previous, line)
        if line.measure:
            lengths.append(len(line.text.rstrip()))
            r = line.stretch_ratio()
            if r is not None and r > 1.02:
                found["ligne-lache"].append(f"p. {line.page} r = {r:.2f} « {line.text.strip()[:60]} »")
        elif adjacent and previous.measure and (
                -line.left_hang() - EDGE_TOLERANCE - 0.5 <= line.x0 - previous.measure[0] <= EDGE_TOLERANCE + 0.5):
            short = line.x1 - line.x0 < SHORT_LAST_LINE_EM * line.size
            fragment = previous.hyphenated() and " " not in line.text.strip()
            if short or fragment:
                found["derniere-ligne-courte"].append(f"p. {line.page} « {line.text.strip()} »")
        run = run + 1 if line.hyphenated() and (run == 0 or adjacent) else (1 if line.hyphenated() else 0)
        if run == MAX_HYPHENS_IN_A_ROW + 1:
            found["cesures-de-suite"].append(f"p. {line.page} « {line.text.strip()[-40:]} »")
        for j in range(len(line.chars) - 1):
            c = line.chars[j]
            if c.get_text() == "\u202f" and c.size > 0:
                width = (line.chars[j + 1].x0 - c.x0) / c.size
                if width > FINE_MAX_EM + 0.005:
                    found["fine-large"].append(f"p. {line.page} {width:.3f} em « {line.text.strip()[max(0, j - 15):j + 15]} »")
    stats = {
        "tailles": font_sizes(lines),
        "mesures": [round(r - l, 1) for l, r in measures],
        "lignes-justifiees": len(lengths),
        "caracteres-moyen": round(sum(lengths) / len(lengths), 1) if lengths else 0,
        "caracteres-max": max(lengths) if lengths else 0,
    }
    return found, stats


def font_sizes(lines):
    """The document's font sizes (0.1 pt), superscripts aside."""
    sizes = set()
    for line in lines:
        largest = max(c.size for c in line.chars)
        for c in line.chars:
            if c.get_text().isspace() or abs(c.size - SUPERSCRIPT_SCALE * largest) < 0.02 * largest:
                continue
            sizes.add(round(c.size, 1))
    return sorted(sizes)

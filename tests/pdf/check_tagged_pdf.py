#!/usr/bin/python3
"""Reads PDF files back and checks what can be checked by a program of
PDF/UA-1 (the Matterhorn Protocol's machine-checkable checkpoints) and of
PDF/A-2 (ISO 19005-2), from the standards, with pikepdf (structure) and
pdfminer (the text of each marked-content sequence).

    check_tagged_pdf.py FILE.pdf...          every check; exit 1 on a failure
    check_tagged_pdf.py --texte FILE.pdf     the text in structure order, one
                                             element per line ("H1: ...")

A file is held to PDF/A-2 rules when its XMP claims it; it must be tagged
(structure tree, all content marked or artifact) and claim PDF/UA-1, unless
--sans-ua names it or pages of outside PDFs were placed into it (form
XObjects): that one must claim neither PDF/A nor PDF/UA.
"""
import html
import re
import sys

import pikepdf
from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

PAINTING = {"TJ", "Tj", "'", '"', "Do", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "BI"}
FORBIDDEN_ACTIONS = {"Launch", "Sound", "Movie", "ResetForm", "ImportData", "JavaScript", "Hide", "SetOCGState",
                     "Rendition", "Trans", "GoTo3DView"}
GROUPING = {"Document", "Part", "Art", "Sect", "Div", "TOC", "L", "LI", "LBody", "Table", "THead", "TBody", "TFoot",
            "TR"}


def text_string(value):
    """A PDF text string as pdfminer hands it (bytes): UTF-16BE with its BOM, or PDFDocEncoding."""
    if isinstance(value, str):
        return value
    if value.startswith(b"\xfe\xff"):
        return value[2:].decode("utf-16-be")
    return value.decode("latin-1")


class McidText(PDFDevice):
    """pdfminer device: the text of each (page, MCID), an /ActualText
    replacing the glyphs it covers (ISO 32000-1, 14.9.4), as a screen reader
    and copy-paste read it. Also notes soft hyphens (U+00AD, the line
    breaker's hyphen) painted outside any /ActualText."""

    def __init__(self, rsrcmgr):
        super().__init__(rsrcmgr)
        self.page = 0
        self.stack = []  # (mcid, actual text) of each open sequence
        self.texts = {}
        self.bare_soft_hyphens = []  # pages

    def begin_tag(self, tag, props=None):
        props = props if isinstance(props, dict) else {}
        mcid = props.get("MCID")
        actual = props.get("ActualText")
        self.stack.append((mcid, None if actual is None else text_string(actual)))
        if actual is not None:
            inner = self.current_mcid()
            if inner is not None and not self.inside_actual_text(len(self.stack) - 1):
                self.texts.setdefault((self.page, inner), []).append(self.stack[-1][1])

    def end_tag(self):
        if self.stack:
            self.stack.pop()

    def current_mcid(self):
        return next((m for m, _ in reversed(self.stack) if m is not None), None)

    def inside_actual_text(self, depth=None):
        return any(a is not None for _, a in self.stack[:depth])

    def render_string(self, textstate, seq, ncs, graphicstate):
        mcid = self.current_mcid()
        if mcid is None or self.inside_actual_text():
            return
        font = textstate.font
        out = []
        for obj in seq:
            if isinstance(obj, (bytes, str)):
                data = obj if isinstance(obj, bytes) else obj.encode("latin-1")
                for cid in font.decode(data):
                    try:
                        out.append(font.to_unichr(cid))
                    except Exception:
                        out.append("\ufffd")
        text = "".join(out)
        if "\u00ad" in text:
            self.bare_soft_hyphens.append(self.page)
        self.texts.setdefault((self.page, mcid), []).append(text)


def read_mcids(path):
    rsrcmgr = PDFResourceManager()
    device = McidText(rsrcmgr)
    interpreter = PDFPageInterpreter(rsrcmgr, device)
    with open(path, "rb") as f:
        for index, page in enumerate(PDFPage.get_pages(f)):
            device.page = index
            interpreter.process_page(page)
    return device


def mcid_texts(path):
    return {key: "".join(parts) for key, parts in read_mcids(path).texts.items()}


class Checker:
    def __init__(self, path):
        self.path = path
        self.pdf = pikepdf.open(path)
        self.problems = []
        self.page_index = {p.objgen: i for i, p in enumerate(self.pdf.pages)}
        self.xmp = self.xmp_text()

    def fail(self, message):
        self.problems.append(message)

    def xmp_text(self):
        metadata = self.pdf.Root.get("/Metadata")
        return metadata.read_bytes().decode("utf-8") if metadata is not None else ""

    def claims(self, pattern):
        return re.search(pattern, self.xmp) is not None

    # ---- Structure -----------------------------------------------------
    def walk(self, element, visit, depth=0):
        visit(element, depth)
        kids = element.get("/K")
        if kids is None:
            return
        if not isinstance(kids, pikepdf.Array):
            kids = [kids]
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/MCR", "/OBJR"):
                self.walk(kid, visit, depth + 1)

    def elements(self):
        root = self.pdf.Root.get("/StructTreeRoot")
        found = []
        if root is None:
            return found
        top = root.get("/K")
        tops = top if isinstance(top, pikepdf.Array) else [top]
        for t in tops:
            self.walk(t, lambda e, d: found.append(e))
        return found

    def content_refs(self, element):
        """(page index, mcid) and annotation objgens of an element's own kids."""
        kids = element.get("/K")
        if kids is None:
            return [], []
        if not isinstance(kids, pikepdf.Array):
            kids = [kids]
        default_page = element.get("/Pg")
        marks, objects = [], []
        for kid in kids:
            if isinstance(kid, int):
                marks.append((self.page_index[default_page.objgen], int(kid)))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                page = kid.get("/Pg", default_page)
                marks.append((self.page_index[page.objgen], int(kid.MCID)))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                objects.append(kid.Obj.objgen)
        return marks, objects

    def check_structure(self):
        root = self.pdf.Root
        if root.get("/StructTreeRoot") is None:
            self.fail("pas d'arbre de structure (/StructTreeRoot)")
            return
        if not (root.get("/MarkInfo") and root.MarkInfo.get("/Marked") is True):
            self.fail("/MarkInfo /Marked true manque")
        if not str(root.get("/Lang", "")):
            self.fail("pas de /Lang dans le catalogue")
        if not (root.get("/ViewerPreferences") and root.ViewerPreferences.get("/DisplayDocTitle") is True):
            self.fail("/ViewerPreferences /DisplayDocTitle true manque")
        tagged = set()
        annotated = {}  # annotation objgen -> role of its element
        headings = []
        for e in self.elements():
            role = str(e.S)[1:]
            marks, objects = self.content_refs(e)
            tagged.update(marks)
            annotated.update((o, role) for o in objects)
            if role in GROUPING and marks:
                self.fail(f"l'élément {role} contient du contenu marqué directement")
            if role == "Figure" and "/Alt" not in e and "/ActualText" not in e:
                self.fail("une figure n'a pas de texte de remplacement (/Alt)")
            if re.fullmatch(r"H[1-6]", role):
                headings.append(int(role[1]))
            if role == "TH":
                attributes = e.get("/A")
                if attributes is None or "/Scope" not in attributes:
                    self.fail("une cellule d'en-tête (TH) n'a pas de /Scope")
            if role == "Table":
                self.check_table(e)
            if role in ("L", "LI", "TR"):
                self.check_children(e, role)
            if role == "Link" and not objects:
                self.fail("un élément Link n'a pas d'annotation (/OBJR)")
        self.check_headings(headings)
        self.check_pages(tagged, annotated)

    def check_children(self, element, role):
        allowed = {"L": {"LI", "L", "Caption"}, "LI": {"Lbl", "LBody"}, "TR": {"TH", "TD"}}[role]
        roles = [str(kid.S)[1:] for kid in self.child_elements(element)]
        for kid_role in roles:
            if kid_role not in allowed:
                self.fail(f"{role} contient un élément {kid_role}")
        if role == "LI" and "Lbl" in roles and "LBody" in roles:
            if roles.index("Lbl") > roles.index("LBody"):
                self.fail("LI : l'étiquette (Lbl) vient après le corps (LBody) dans l'arbre")
            label = self.first_mark(self.child_elements(element)[roles.index("Lbl")])
            body = self.first_mark(self.child_elements(element)[roles.index("LBody")])
            if label and body and label[0] == body[0] and label[1] > body[1]:
                self.fail(f"page {label[0] + 1} : la puce est peinte après le texte de son élément de liste")

    def first_mark(self, element):
        """The first (page, MCID) of an element or of its first descendant that has one."""
        found = []
        self.walk(element, lambda e, d: found.extend(self.content_refs(e)[0]))
        return min(found) if found else None

    # ---- Extraction ----------------------------------------------------------
    def check_extraction(self):
        """What copy-paste and a screen reader get: cut words whole (the
        breaker's soft hyphen under an /ActualText), no leaders as text."""
        device = read_mcids(self.path)
        for page in sorted(set(device.bare_soft_hyphens)):
            self.fail(f"page {page + 1} : mot coupé en fin de ligne sans /ActualText (trait d'union U+00AD seul)")
        for (page, mcid), parts in sorted(device.texts.items()):
            if re.search(r"(?:\. ?){5,}", "".join(parts)):
                self.fail(f"page {page + 1} : points de conduite balisés comme texte (MCID {mcid}), pas en artefact")

    def child_elements(self, element):
        kids = element.get("/K")
        kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
        return [k for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/Type") not in ("/MCR", "/OBJR")]

    def check_table(self, table):
        found = []
        self.walk(table, lambda e, d: found.append(str(e.S)[1:]))
        if "TR" not in found:
            self.fail("un tableau (Table) n'a pas de ligne (TR)")

    def check_headings(self, levels):
        previous = 0
        for level in levels:
            if level > previous + 1:
                self.fail(f"niveau de titre sauté : H{previous} puis H{level}")
            previous = level

    def check_pages(self, tagged, annotated):
        tree = self.parent_tree()
        for index, page in enumerate(self.pdf.pages):
            marked = self.check_content(page, index)
            for mcid in marked:
                if (index, mcid) not in tagged:
                    self.fail(f"page {index + 1} : MCID {mcid} absent de l'arbre de structure")
            if "/StructParents" in page:
                entry = tree.get(int(page.StructParents))
                if entry is None or len(entry) < (max(marked) + 1 if marked else 0):
                    self.fail(f"page {index + 1} : entrée de /ParentTree absente ou incomplète")
            elif marked:
                self.fail(f"page {index + 1} : pas de /StructParents")
            annots = page.get("/Annots") or []
            if len(annots) > 0 and page.get("/Tabs") != "/S":
                self.fail(f"page {index + 1} : annotations sans /Tabs /S")
            for annot in annots:
                if annot.get("/Subtype") == "/Widget":
                    if annot.objgen not in annotated:
                        self.fail(f"page {index + 1} : champ de formulaire hors de l'arbre de structure (Form/OBJR)")
                    elif annotated[annot.objgen] != "Form":
                        self.fail(f"page {index + 1} : champ de formulaire sous un élément {annotated[annot.objgen]}, pas Form")
                    if not str(annot.get("/TU", "")):
                        self.fail(f"page {index + 1} : champ de formulaire sans description (/TU)")
                    if "/StructParent" not in annot or tree.get(int(annot.StructParent)) is None:
                        self.fail(f"page {index + 1} : champ de formulaire sans /StructParent valide")
                if annot.get("/Subtype") == "/Link":
                    if annot.objgen not in annotated:
                        self.fail(f"page {index + 1} : lien hors de l'arbre de structure")
                    if "/Contents" not in annot:
                        self.fail(f"page {index + 1} : lien sans /Contents")
                    if "/StructParent" not in annot or tree.get(int(annot.StructParent)) is None:
                        self.fail(f"page {index + 1} : lien sans /StructParent valide")

    def parent_tree(self):
        tree = {}

        def collect(node):
            nums = node.get("/Nums")
            if nums is not None:
                for i in range(0, len(nums), 2):
                    tree[int(nums[i])] = nums[i + 1]
            for kid in node.get("/Kids") or []:
                collect(kid)

        collect(self.pdf.Root.StructTreeRoot.ParentTree)
        return tree

    def check_content(self, page, index):
        """Every painting operator inside marked content or an artifact; returns the MCIDs used."""
        depth_tags = []
        mcids = []
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "BDC":
                props = operands[1]
                mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
                depth_tags.append((str(operands[0]), mcid))
                if mcid is not None:
                    mcids.append(int(mcid))
            elif op == "BMC":
                depth_tags.append((str(operands[0]), None))
            elif op == "EMC":
                if not depth_tags:
                    self.fail(f"page {index + 1} : EMC sans BDC")
                else:
                    depth_tags.pop()
            elif op in PAINTING:
                inside = any(tag == "/Artifact" or mcid is not None for tag, mcid in depth_tags)
                if not inside:
                    self.fail(f"page {index + 1} : contenu ni balisé ni artefact ({op})")
                    return mcids
        if len(set(mcids)) != len(mcids):
            self.fail(f"page {index + 1} : MCID en double")
        return mcids

    # ---- Fonts -----------------------------------------------------------
    def check_fonts(self):
        seen = set()
        for index, page in enumerate(self.pdf.pages):
            fonts = page.get("/Resources", {}).get("/Font", {})
            for name, font in fonts.items():
                if font.objgen in seen:
                    continue
                seen.add(font.objgen)
                if "/ToUnicode" not in font:
                    self.fail(f"police {name} sans /ToUnicode")
                descendants = font.get("/DescendantFonts")
                target = descendants[0] if descendants else font
                descriptor = target.get("/FontDescriptor")
                if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    self.fail(f"police {name} non incorporée")
                if descendants and str(target.get("/Subtype")) == "/CIDFontType2" and "/CIDToGIDMap" not in target:
                    self.fail(f"police {name} sans /CIDToGIDMap")

    # ---- PDF/A-2 -----------------------------------------------------------
    def check_pdfa(self):
        trailer = self.pdf.trailer
        if "/Encrypt" in trailer:
            self.fail("fichier chiffré")
        ident = trailer.get("/ID")
        if ident is None or len(ident) != 2:
            self.fail("pas d'identifiant de fichier (/ID)")
        if "/Filter" in self.pdf.Root.Metadata:
            self.fail("le flux de métadonnées XMP est compressé")
        if not self.claims(r"<pdfaid:conformance>A</pdfaid:conformance>"):
            self.fail("pdfaid:conformance A manque")
        intents = self.pdf.Root.get("/OutputIntents") or []
        if not any(i.get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in i for i in intents):
            self.fail("pas de mode de sortie (OutputIntent GTS_PDFA1 avec profil ICC)")
        for i in intents:
            profile = i.get("/DestOutputProfile")
            if profile is not None and int(profile.get("/N", 0)) != 3:
                self.fail("le profil ICC du mode de sortie n'est pas RVB")
        self.check_info_matches_xmp()
        self.check_objects()

    def xmp_value(self, pattern):
        found = re.search(pattern, self.xmp, re.S)
        return found.group(1) if found else None

    def check_info_matches_xmp(self):
        info = self.pdf.trailer.get("/Info") or {}
        unescape = html.unescape  # every XML entity (&apos; too) and character reference
        pairs = {
            "/Title": r"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">(.*?)</rdf:li>",
            "/Author": r"<dc:creator><rdf:Seq><rdf:li>(.*?)</rdf:li>",
            "/Subject": r"<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">(.*?)</rdf:li>",
            "/Keywords": r"<pdf:Keywords>(.*?)</pdf:Keywords>",
            "/Producer": r"<pdf:Producer>(.*?)</pdf:Producer>",
            "/Creator": r"<xmp:CreatorTool>(.*?)</xmp:CreatorTool>",
        }
        for key, pattern in pairs.items():
            value = str(info[key]) if key in info else None
            xmp = self.xmp_value(pattern)
            if (value or None) != (unescape(xmp) if xmp is not None else None):
                self.fail(f"{key} de /Info ({value!r}) et XMP ({xmp!r}) diffèrent")
        for key, prop in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
            value = str(info[key]) if key in info else None
            xmp = self.xmp_value(rf"<{prop}>(.*?)</{prop}>")
            expected = None
            if value:
                d = value[2:]
                expected = f"{d[0:4]}-{d[4:6]}-{d[6:8]}T{d[8:10]}:{d[10:12]}:{d[12:14]}Z" if d.endswith("Z") else None
            if expected != xmp:
                self.fail(f"{key} de /Info ({value!r}) et {prop} ({xmp!r}) diffèrent")

    def all_objects(self):
        """Every indirect object and every dictionary or array written inside one."""
        def inside(obj, depth):
            yield obj
            if depth > 8:
                return
            if isinstance(obj, pikepdf.Dictionary) or isinstance(obj, pikepdf.Stream):
                items = (obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj).items()
                values = [v for _, v in items]
            elif isinstance(obj, pikepdf.Array):
                values = list(obj)
            else:
                return
            for v in values:
                if isinstance(v, (pikepdf.Dictionary, pikepdf.Array)) and not v.is_indirect:
                    yield from inside(v, depth + 1)
        for obj in self.pdf.objects:
            yield from inside(obj, 0)
        yield from inside(self.pdf.trailer, 0)

    def check_objects(self):
        for obj in self.all_objects():
            if isinstance(obj, pikepdf.Array):
                continue
            if isinstance(obj, pikepdf.Stream):
                d = obj.stream_dict
                if "/F" in d or "/FFilter" in d:
                    self.fail("flux externe (/F)")
                if d.get("/Filter") == "/LZWDecode":
                    self.fail("filtre LZW interdit")
                if d.get("/Subtype") == "/Image" and d.get("/Interpolate") is True:
                    self.fail("image avec /Interpolate true")
                group = d.get("/Group")
            elif isinstance(obj, pikepdf.Dictionary):
                d = obj
                group = d.get("/Group")
                if d.get("/S") is not None and d.get("/Type", "/Action") == "/Action" and str(d.get("/S"))[1:] in FORBIDDEN_ACTIONS:
                    self.fail(f"action interdite {d.get('/S')}")
                if "/AA" in d:
                    self.fail("actions supplémentaires (/AA) interdites")
                if "/JS" in d or d.get("/S") == "/JavaScript":
                    self.fail("JavaScript interdit")
                if d.get("/Type") == "/Annot":
                    flags = int(d.get("/F", 0))
                    if not flags & 4 or flags & 3:
                        self.fail("annotation non imprimable ou cachée")
            else:
                continue
            if group is not None and group.get("/S") == "/Transparency" and "/CS" not in group \
                    and not self.pdf.Root.get("/OutputIntents"):
                self.fail("groupe de transparence sans espace de couleur de fusion")
        if "/JavaScript" in (self.pdf.Root.get("/Names") or {}):
            self.fail("JavaScript interdit (/Names)")

    def imports_pages(self):
        """Lettrine paints no form XObject: one on a page is an outside PDF's page."""
        for page in self.pdf.pages:
            for _, xobject in (page.get("/Resources", {}).get("/XObject") or {}).items():
                if xobject.get("/Subtype") == "/Form":
                    return True
        return False

    def run(self, require_ua):
        if self.imports_pages():
            # Pages of outside PDFs placed in it: it must claim nothing.
            if self.claims(r"<pdfuaid:part>") or self.claims(r"<pdfaid:part>"):
                self.fail("un fichier qui importe des pages extérieures se déclare PDF/A ou PDF/UA")
            return self.problems
        if not require_ua:
            # Known not to be accessible (an image without alt): it must not say it is.
            if self.claims(r"<pdfuaid:part>"):
                self.fail("un fichier non accessible se déclare PDF/UA-1")
            if self.claims(r"<pdfaid:part>"):
                self.check_fonts()
                self.check_pdfa()
            return self.problems
        self.check_structure()
        self.check_extraction()
        self.check_fonts()
        ua = self.claims(r"<pdfuaid:part>1</pdfuaid:part>")
        if require_ua and not ua:
            self.fail("le fichier ne se déclare pas PDF/UA-1 (pdfuaid:part 1)")
        if ua and not self.claims(r"<dc:title>"):
            self.fail("PDF/UA-1 sans dc:title dans le XMP")
        if self.claims(r"<pdfaid:part>"):
            if not self.claims(r"<pdfaid:part>2</pdfaid:part>"):
                self.fail("pdfaid:part n'est pas 2")
            self.check_pdfa()
        return self.problems

    # ---- Reading order -----------------------------------------------------
    def structure_text(self):
        texts = mcid_texts(self.path)
        lines = []

        def visit(element, depth):
            marks, _ = self.content_refs(element)
            text = "".join(texts.get(m, "") for m in marks)
            role = str(element.S)[1:]
            if text.strip() or role == "Figure":
                alt = f" [{element.Alt}]" if "/Alt" in element else ""
                lines.append(f"{role}: {text.strip()}{alt}")

        root = self.pdf.Root.StructTreeRoot.K
        for top in (root if isinstance(root, pikepdf.Array) else [root]):
            self.walk(top, visit)
        return lines


def poppler_structure(path):
    """(role, own text) of each element with text, from `pdfinfo -struct-text` (poppler)."""
    import subprocess
    output = subprocess.run(["pdfinfo", "-struct-text", path], check=True, capture_output=True, text=True).stdout
    found = []
    for line in output.splitlines():
        stripped = line.strip()
        if stripped.startswith('"') and found:
            found[-1][1] += stripped[1:-1]
        elif stripped and not stripped.startswith("Object "):
            found.append([stripped.split(" ")[0], ""])
    return [(role, text.strip()) for role, text in found if text.strip()]


def own_structure(path):
    pairs = []
    for line in Checker(path).structure_text():
        role, _, text = line.partition(": ")
        text = re.sub(r" ?\[.*\]$", "", text) if role == "Figure" else text
        if text.strip():
            pairs.append((role, text.strip()))
    return pairs


def main(argv):
    if len(argv) == 2 and argv[0] == "--comparer-poppler":
        ours, theirs = own_structure(argv[1]), poppler_structure(argv[1])
        if ours == theirs and ours:
            print(f"{len(ours)} éléments, même ordre et même texte que pdfinfo -struct-text")
            return 0
        for i, (a, b) in enumerate(zip(ours + [None] * len(theirs), theirs + [None] * len(ours))):
            if a != b:
                print(f"élément {i + 1} : {a!r} ici, {b!r} selon pdfinfo")
                break
        return 1
    if len(argv) >= 2 and argv[0] == "--texte":
        for path in argv[1:]:
            print("\n".join(Checker(path).structure_text()))
        return 0
    exempt = set()
    paths = []
    args = iter(argv)
    for a in args:
        if a == "--sans-ua":
            exempt.add(next(args))
        else:
            paths.append(a)
    failed = 0
    for path in paths:
        problems = Checker(path).run(require_ua=not any(path.endswith(e) for e in exempt))
        for p in problems[:20]:
            print(f"{path} : {p}")
        if problems:
            failed += 1
    print(f"{len(paths) - failed} fichier(s) conforme(s) sur {len(paths)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

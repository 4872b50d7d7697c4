#!/usr/bin/python3
"""Tests of the tagging of Lettrine's PDFs and of the checker itself.

    tagged_pdf_checks_test.py LETTRINE_BINARY SOURCE_DIR

- the letter reads, walking the structure tree, in the letter's logical
  order (sender, recipient, date, reference, subject, salutation, articles),
  without the running footer;
- the checker accepts the letter and rejects each of a series of damaged
  copies (so that it can fail: every rule it is relied on for is tried).
"""
import os
import subprocess
import sys
import tempfile

import pikepdf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_tagged_pdf import Checker  # noqa: E402

failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)


def reading_order(letter):
    lines = Checker(letter).structure_text()
    expected = ["Figure:  [Logo : Les Ecossolies]", "P: Les Ecossolies", "Link: damien.labrousse@ecossolies.fr",
                "P: Structure référente Habitat", "P: Nantes, le 1er\u00a0décembre 2015", "P: Réf.",
                "P: Objet", "P: Madame, Monsieur,", "H1: Article premier",
                "H2: 1.1 Le soutien aux projets émergents", "Lbl: –"]
    at = 0
    for line in lines:
        if at < len(expected) and line.startswith(expected[at]):
            at += 1
    expect(at == len(expected), f"ordre de lecture : « {expected[min(at, len(expected) - 1)]} » manque ou mal placé")
    expect(not any("page 1 sur" in line for line in lines), "le pied de page n'est pas un artefact")


def damaged(letter, directory, name, damage):
    path = os.path.join(directory, name + ".pdf")
    with pikepdf.open(letter) as pdf:
        damage(pdf)
        pdf.save(path)
    return path


def figure(pdf):
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/Figure":
            return obj
    raise AssertionError("pas de Figure")


def untagged_rectangle(pdf):
    page = pdf.pages[0]
    page.contents_add(pdf.make_stream(b"0 0 10 10 re f\n"), prepend=True)


def widget(pdf):
    for page in pdf.pages:
        for annot in page.get("/Annots") or []:
            if annot.get("/Subtype") == "/Widget":
                return annot
    raise AssertionError("pas de champ de signature")


def without_actual_text(pdf):
    """The cut words' /Span <</ActualText ...>> sequences made plain /Span ones."""
    for page in pdf.pages:
        commands = []
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/ActualText" in operands[1]:
                operands = [operands[0], pikepdf.Dictionary()]
            commands.append((operands, operator))
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(commands))


def widget_in_a_p(pdf):
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/Form":
            obj.S = pikepdf.Name.P
            return
    raise AssertionError("pas d'élément Form")


DAMAGES = {
    "champ-sans-structparent": lambda pdf: widget(pdf).__delitem__("/StructParent"),
    "champ-sans-tu": lambda pdf: widget(pdf).__delitem__("/TU"),
    "champ-sous-un-p": widget_in_a_p,
    "mot-coupe-sans-actualtext": without_actual_text,
    "sans-arbre": lambda pdf: pdf.Root.__delitem__("/StructTreeRoot"),
    "sans-alt": lambda pdf: figure(pdf).__delitem__("/Alt"),
    "sans-tabs": lambda pdf: pdf.pages[0].__delitem__("/Tabs"),
    "titre-different": lambda pdf: pdf.trailer.Info.__setitem__("/Title", pikepdf.String("Autre titre")),
    "sans-mode-de-sortie": lambda pdf: pdf.Root.__delitem__("/OutputIntents"),
    "javascript": lambda pdf: pdf.Root.__setitem__(
        "/OpenAction", pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))),
    "contenu-non-balise": untagged_rectangle,
    "sans-display-doc-title": lambda pdf: pdf.Root.ViewerPreferences.__setitem__("/DisplayDocTitle", False),
}


def main(lettrine, source):
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([lettrine, "decembre", "--quiet", "--sortie", os.path.join(work, "dec")], cwd=source, check=True)
        letter = os.path.join(work, "dec", "lettres", "lettre-de-mission-2016-habitat.pdf")
        reading_order(letter)
        expect(Checker(letter).run(True) == [], f"la lettre ne passe pas : {Checker(letter).run(True)}")
        for name, damage in DAMAGES.items():
            expect(Checker(damaged(letter, work, name, damage)).run(True) != [], f"copie « {name} » acceptée")
    for f in failures:
        print("ÉCHEC :", f)
    print(f"{len(DAMAGES) + 2 - len(failures)} vérifications sur {len(DAMAGES) + 2} réussies")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

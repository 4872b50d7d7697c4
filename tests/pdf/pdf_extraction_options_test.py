#!/usr/bin/python3
"""What Lettrine's PDFs give back when read, and the options that change
what they claim, through `lettrine fusion` on a template of the test's own:

- a word the line breaker cut (« sec- / teurs ») extracts whole: poppler
  (pdftotext, /ActualText) gives « secteurs », pdfminer (no ActualText)
  gives the soft hyphen U+00AD at the line end, never « - », and the
  checker's structure walk reads « secteurs »;
- text in another language than its paragraph's (<texte lang="en">) is a
  Span with its /Lang in the structure;
- an <image> without alt draws, prints a French warning naming the element
  (file:line:column), and the document claims PDF/A-2 but not PDF/UA-1;
  with alt it claims both and nothing is printed;
- --pdfa non: no PDF/A identification nor output intent, still tagged and
  PDF/UA-1 (fusion and lettres); a value other than oui/non is refused.

    pdf_extraction_options_test.py LETTRINE_BINARY SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import pikepdf
from pdfminer.high_level import extract_text

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_tagged_pdf import Checker  # noqa: E402

failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)


TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<document titre="Essai {{nom}}" auteur="Les Ecossolies" date="2016-05-02" marges="25mm" taille="11">
  <image src="logo.png" largeur="30mm"{alt}/>
  <bloc largeur="14mm"><p align="justifie">les\u00a0sec\u00adteurs</p></bloc>
  <p>Le mot <texte lang="en">workshop</texte> est anglais.</p>
</document>
"""
DATA = '<gens><personne nom="Exemple"/></gens>\n'


def lettrine(binary, *args, cwd=None):
    return subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True)


def merge(binary, work, name, alt, *options):
    folder = os.path.join(work, name)
    os.makedirs(folder)
    shutil.copy(os.path.join(work, "logo.png"), folder)
    template = os.path.join(folder, "modele.xml.mustache")
    with open(template, "w", encoding="utf-8") as f:
        f.write(TEMPLATE.replace("{alt}", alt))
    with open(os.path.join(folder, "gens.xml"), "w", encoding="utf-8") as f:
        f.write(DATA)
    run = lettrine(binary, "fusion", "--modele", template, "--donnees", os.path.join(folder, "gens.xml"),
                   "--chaque", "personne", "--sortie", os.path.join(folder, "pdf"), "--quiet", *options)
    expect(run.returncode == 0, f"{name} : fusion échoue : {run.stderr}")
    pdfs = sorted(p for p in os.listdir(os.path.join(folder, "pdf")) if p.endswith(".pdf")) if run.returncode == 0 else []
    return (os.path.join(folder, "pdf", pdfs[0]) if pdfs else None), run.stderr


def xmp(path):
    with pikepdf.open(path) as pdf:
        return pdf.Root.Metadata.read_bytes().decode("utf-8"), "/OutputIntents" in pdf.Root


def check_cut_word(path):
    poppler = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout
    expect("secteurs" in poppler, f"pdftotext ne trouve pas « secteurs » : {poppler!r}")
    expect("sec-" not in poppler, "pdftotext lit « sec- »")
    miner = extract_text(path)
    expect("sec\u00ad\nteurs" in miner, f"pdfminer : pas de trait d'union conditionnel en fin de ligne : {miner!r}")
    expect("secteurs" in miner.replace("\u00ad\n", ""), "pdfminer : « secteurs » introuvable une fois la ligne recollée")
    expect("sec-" not in miner, "pdfminer lit « sec- »")
    lines = Checker(path).structure_text()
    expect(any(line == "P: lessecteurs" or "secteurs" in line for line in lines),
           f"parcours de la structure : « secteurs » manque : {lines}")
    expect(not any("\u00ad" in line or "sec-" in line for line in lines), f"parcours : mot coupé : {lines}")


def check_language_span(path):
    lines = Checker(path).structure_text()
    expect("Span: workshop" in lines, f"pas de Span « workshop » dans le parcours : {lines}")
    with pikepdf.open(path) as pdf:
        spans = [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/S") == "/Span"]
        expect(any(str(s.get("/Lang", "")) == "en" for s in spans), "pas de Span avec /Lang (en)")
        parents = [s.P for s in spans if str(s.get("/Lang", "")) == "en"]
        expect(all(p.get("/S") == "/P" for p in parents), "le Span /Lang en n'est pas dans son paragraphe")


def main(binary, source):
    with tempfile.TemporaryDirectory() as work:
        shutil.copy(os.path.join(source, "input", "logo-ecossolies.png"), os.path.join(work, "logo.png"))

        with_alt, said = merge(binary, work, "avec-alt", ' alt="Logo : Les Ecossolies"')
        if with_alt:
            claims, intent = xmp(with_alt)
            expect("<pdfuaid:part>1</pdfuaid:part>" in claims and "<pdfaid:part>2</pdfaid:part>" in claims and intent,
                   "avec alt : PDF/UA-1 et PDF/A-2 attendus")
            expect("alt" not in said, f"avec alt : avertissement inattendu : {said!r}")
            expect(Checker(with_alt).run(True) == [], f"avec alt : {Checker(with_alt).run(True)}")
            check_cut_word(with_alt)
            check_language_span(with_alt)

        without_alt, said = merge(binary, work, "sans-alt", "")
        expect(re.search(r"modele\.xml\.mustache[^\n]*:3:\d+ : (?:avertissement : )?<image src=\"logo\.png\"> n’a pas d’attribut alt", said),
               f"sans alt : l'avertissement ne nomme pas l'élément (fichier:ligne:colonne) : {said!r}")
        expect("PDF/UA-1" in said, "sans alt : l'avertissement ne dit pas que le document n'est pas PDF/UA-1")
        if without_alt:
            claims, intent = xmp(without_alt)
            expect("<pdfuaid:part>" not in claims, "sans alt : le document se déclare PDF/UA-1")
            expect("<pdfaid:part>2</pdfaid:part>" in claims and intent, "sans alt : le document n'est plus PDF/A-2")

        small, said = merge(binary, work, "pdfa-non", ' alt="Logo"', "--pdfa", "non")
        if small:
            claims, intent = xmp(small)
            expect("<pdfaid:part>" not in claims and not intent, "--pdfa non : identification PDF/A ou mode de sortie présents")
            expect("<pdfuaid:part>1</pdfuaid:part>" in claims, "--pdfa non : plus de PDF/UA-1")
            expect(Checker(small).run(True) == [], f"--pdfa non : {Checker(small).run(True)}")
            expect(os.path.getsize(small) < os.path.getsize(with_alt), "--pdfa non : le fichier n'est pas plus petit")

        letters = os.path.join(work, "lettres")
        run = lettrine(binary, "lettres", "--secteur", "habitat", "--pdfa", "non", "--sortie", letters, "--quiet",
                       cwd=source)
        expect(run.returncode == 0, f"lettres --pdfa non échoue : {run.stderr}")
        if run.returncode == 0:
            letter = os.path.join(letters, "lettres", sorted(os.listdir(os.path.join(letters, "lettres")))[0])
            claims, intent = xmp(letter)
            expect("<pdfaid:part>" not in claims and not intent, "lettres --pdfa non : la lettre se déclare PDF/A")

        refused = lettrine(binary, "lettres", "--pdfa", "peut-etre", "--sortie", letters, cwd=source)
        expect(refused.returncode != 0 and "--pdfa attend « oui » ou « non »" in refused.stderr,
               f"--pdfa peut-etre accepté : {refused.returncode} {refused.stderr!r}")
    for f in failures:
        print("ÉCHEC :", f)
    print("extraction et options des PDF :", "échec" if failures else "tout est bon")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

"""The way back (docs/EDITABLE.md): a note edited as ODT or DOCX and exported
to PDF by the office suite takes the place of its bilan in the rapport.

    way_back.py LETTRINE EXPORTED_NOTE.pdf WORK_DIR

Makes the rapport from the other sample bilans alone, then with the exported
note beside them (as note-bilan-2016-habitat.pdf): the words only the
habitat note has must be in the second rapport. Exit 1 otherwise.
"""
import os
import shutil
import subprocess
import sys

SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "input", "bilans")
OTHERS = ["bilan-2016-circuits-courts.xlsx", "bilan-2016-dechets-ressources.xml",
          "bilan-2016-services-aux-personnes.xlsx"]


def words(pdf):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True,
                          text=True).stdout
    return set(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def rapport_words(lettrine, notes, output):
    subprocess.run([lettrine, "rapport", "-q", "--notes", notes, "--sortie", output], check=True)
    return words(os.path.join(output, "rapport-activite-2016.pdf"))


def main():
    lettrine, exported, work = sys.argv[1:4]
    if not os.path.exists(exported):
        print(f"ÉCHEC {exported} : LibreOffice n’a pas produit la note exportée")
        return 1
    notes = os.path.join(work, "notes")
    os.makedirs(notes)
    for bilan in OTHERS:
        shutil.copy(os.path.join(SOURCE, bilan), notes)
    without = rapport_words(lettrine, notes, os.path.join(work, "sans"))
    shutil.copy(exported, os.path.join(notes, "note-bilan-2016-habitat.pdf"))
    with_note = rapport_words(lettrine, notes, os.path.join(work, "avec"))
    own = words(exported) - without
    missing = own - with_note
    print(f"retour : {len(own)} mots propres à la note exportée, {len(own) - len(missing)} dans le rapport")
    if len(own) <= 10 or missing:
        print("ÉCHEC le rapport ne reprend pas la note exportée : " + " ".join(sorted(missing)[:20]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

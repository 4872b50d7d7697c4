#!/usr/bin/python3
"""check_messages.py on files built to trap it (fixtures/): it flags exactly
the literals marked « // faute » in messages.cpp.txt and nothing else (char
literals, digit separators, comments, English, markup attributes, entities,
the allow-listed data contract pass), names a stale allow-list entry, and in
--prose mode reads Markdown prose but not code blocks or `code spans`.
Exits 1 on the first difference."""
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"


def run(*args):
    done = subprocess.run([sys.executable, str(HERE / "check_messages.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=FIXTURES)
    return done.returncode, done.stdout.splitlines()


def flagged_lines(lines):
    return sorted(int(m.group(1)) for m in (re.match(r"[^:]+:(\d+): ", l) for l in lines) if m)


def expect(condition, what):
    if not condition:
        print(what)
        sys.exit(1)


source = (FIXTURES / "messages.cpp.txt").read_text(encoding="utf-8").splitlines()
faults = [n for n, line in enumerate(source, 1) if line.rstrip().endswith("// faute")]
expect(len(faults) >= 9, f"la fixture devrait avoir au moins 9 fautes : {faults}")

code, out = run("--allow", "allow.txt", "messages.cpp.txt")
expect(code == 1, f"des fautes et le code de sortie {code}")
expect(flagged_lines(out) == faults, f"signalées {flagged_lines(out)}, attendues {faults} :\n" + "\n".join(out))

allowed = next(n for n, line in enumerate(source, 1) if "Qualité de l'intervenant" in line)
code, out = run("messages.cpp.txt")
expect(flagged_lines(out) == sorted(faults + [allowed]), f"sans liste d’exceptions, la ligne {allowed} aussi : {out}")

code, out = run("--allow", "allow-stale.txt", "messages.cpp.txt")
expect(any("Texte qui n'existe plus" in l and "ne correspond plus" in l for l in out),
       f"l’exception périmée n’est pas signalée : {out}")

code, out = run("--regles", "apostrophe", "messages.cpp.txt")
expect(all("apostrophe" in l for l in out) and flagged_lines(out) == sorted(set(flagged_lines(out))),
       f"--regles apostrophe signale autre chose : {out}")

code, out = run("--prose", "prose.md")
expect(code == 1 and flagged_lines(out) == [3, 5], f"prose : lignes 3 et 5 attendues, signalées {out}")
print("check_messages.py : fixture correctement jugée")

#!/usr/bin/env bash
# Copy-paste detector for the engine: jscpd (npm, pinned below) finds every
# block of 6 or more lines repeated in engine/; a block repeated BETWEEN two
# engine folders (data and ag, jobs and report…) fails, unless its pair of
# files is in scripts/duplicates-allowlist.txt with a one-line reason (a copy
# being removed by work under way elsewhere). A block repeated inside one
# folder is listed, not failed. Run by .ci/run after the test suites.
#
# jscpd is installed once, outside the tree, in $LETTRINE_JSCPD_DIR
# (default ~/.cache/lettrine/jscpd-<version>); npm must be reachable then.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly JSCPD_VERSION=4.0.5
readonly MIN_LINES=6
tool="${LETTRINE_JSCPD_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lettrine/jscpd-$JSCPD_VERSION}"
if [ ! -x "$tool/node_modules/.bin/jscpd" ]; then
  mkdir -p "$tool"
  npm install --prefix "$tool" --no-save --no-audit --no-fund --loglevel=error "jscpd@$JSCPD_VERSION" >/dev/null
fi

report="$(mktemp -d)"
trap 'rm -rf "$report"' EXIT
"$tool/node_modules/.bin/jscpd" engine --min-lines "$MIN_LINES" --format cpp,cpp-header \
  --reporters json --output "$report" --silent >/dev/null

python3 - "$report/jscpd-report.json" scripts/duplicates-allowlist.txt "$MIN_LINES" <<'PY'
import json, sys

report, allowlist_file, min_lines = sys.argv[1], sys.argv[2], sys.argv[3]
duplicates = json.load(open(report, encoding="utf-8"))["duplicates"]

def folder(path):  # engine/<folder>/…
    parts = path.split("/")
    return parts[1] if len(parts) > 2 else ""

allowed, problems = {}, []
for number, raw in enumerate(open(allowlist_file, encoding="utf-8"), 1):
    line = raw.strip()
    if not line or line.startswith("#"):
        continue
    files, _, reason = line.partition("#")
    names = files.split()
    if len(names) != 2 or not reason.strip():
        problems.append(f"{allowlist_file}:{number} : attendu « fichier fichier # raison »")
        continue
    allowed[frozenset(names)] = reason.strip()

inside, seen, unlisted = 0, set(), []
for d in duplicates:
    a, b = d["firstFile"], d["secondFile"]
    if folder(a["name"]) == folder(b["name"]):
        inside += 1
        continue
    pair = frozenset((a["name"], b["name"]))
    where = f'{a["name"]}:{a["start"]}-{a["end"]} ~ {b["name"]}:{b["start"]}-{b["end"]} ({d["lines"]} lignes)'
    if pair in allowed:
        seen.add(pair)
        print(f"toléré : {where} — {allowed[pair]}")
    else:
        unlisted.append(where)

for where in unlisted:
    problems.append(f"bloc répété entre deux dossiers du moteur : {where}")
for pair in allowed.keys() - seen:
    print("note : " + " ~ ".join(sorted(pair)) + " ne se répète plus : retirez-le de " + allowlist_file)
print(f"{len(duplicates)} blocs répétés d'au moins {min_lines} lignes, dont {inside} dans un même dossier "
      f"et {len(duplicates) - inside} entre dossiers ({len(seen)} paires tolérées)")
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

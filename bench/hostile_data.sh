#!/bin/bash
# Issue 16: time and peak memory (/usr/bin/time: maximum resident set size)
# of `lettrine fusion` on hostile data, one process per case. The figures
# of docs/ROBUSTESSE.md (« Mémoire et temps des cas hostiles ») come from
# this script; run it with an older build to get the « avant » column.
#
# Usage: bench/hostile_data.sh [LETTRINE] [CASES...]
#   LETTRINE: the executable (default: build/lettrine)
#   CASES: any of enfants10k enfants100k cellule1m cellule10m creux vide
#     (default: all; enfants100k takes about 30 minutes with a build from
#     before the fix, cellule10m several Go)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
lettrine=${1:-$root/build/lettrine}
shift || true
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(enfants10k enfants100k cellule1m cellule10m creux vide)
for tool in /usr/bin/time /usr/bin/python3 "$lettrine"; do
    command -v "$tool" >/dev/null || { echo "introuvable : $tool" >&2; exit 2; }
done

work=$(mktemp -d /tmp/lettrine-hostile.XXXXXX)
trap 'rm -rf "$work"' EXIT
cat > "$work/nom.xml.mustache" <<'MODELE'
<document titre="t" date="2016-05-02"><p>{{nom}}</p></document>
MODELE
cat > "$work/organisation.xml.mustache" <<'MODELE'
<document titre="t" date="2016-05-02"><p align="justifie">Organisation : {{organisation}} fin.</p></document>
MODELE

# One record whose element repeats N children (a 230 Ko file for 10,000).
children() {
    python3 -c "import sys; n=int(sys.argv[1]); open(sys.argv[2],'w').write('<l><d><nom>x</nom>'+''.join(f'<adresse>{i}</adresse>' for i in range(n))+'</d></l>')" "$1" "$2"
}
# One CSV cell of N letters without a space.
long_cell() {
    python3 -c "import random,sys; random.seed(1); n=int(sys.argv[1]); open(sys.argv[2],'w').write('nom,organisation\nx,'+''.join(random.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(n))+'\n')" "$1" "$2"
}

measure() {  # case template data each
    local out="$work/sortie-$1"
    rm -rf "$out"
    /usr/bin/time -f "$1 : %e s, %M Kio au plus, code de sortie %x" \
        "$lettrine" fusion --modele "$work/$2" --donnees "$3" --chaque "$4" --sortie "$out" 2>&1 >/dev/null |
        tail -1 || true
}

for c in "${cases[@]}"; do
    case $c in
    enfants10k) children 10000 "$work/e10k.xml"; measure "$c" nom.xml.mustache "$work/e10k.xml" d ;;
    enfants100k) children 100000 "$work/e100k.xml"; measure "$c" nom.xml.mustache "$work/e100k.xml" d ;;
    cellule1m) long_cell 1000000 "$work/c1m.csv"; measure "$c" organisation.xml.mustache "$work/c1m.csv" c1m ;;
    cellule10m) long_cell 10000000 "$work/c10m.csv"; measure "$c" organisation.xml.mustache "$work/c10m.csv" c10m ;;
    creux) truncate -s 3G "$work/creux.xlsx"; measure "$c" nom.xml.mustache "$work/creux.xlsx" x ;;
    vide) : > "$work/vide.xlsx"; measure "$c" nom.xml.mustache "$work/vide.xlsx" x ;;
    *) echo "cas inconnu : $c" >&2; exit 2 ;;
    esac
done

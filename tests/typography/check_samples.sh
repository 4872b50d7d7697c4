#!/usr/bin/env bash
# Every PDF of the samples (December letters, bilan notes, rapport, AG packs
# and badges, merges) read back by the French typography checker
# (check_typography.py, pdfminer): the rules listed below must count 0, and
# the line quality no more than the figures of docs/TYPOGRAPHIE.md.
#   check_samples.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
build="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
run() { local command="$1"; shift; "$build/lettrine" "$command" --quiet "$@" >/dev/null; }
run decembre --sortie "$work/decembre"
for bilan in input/bilans/*; do run note --donnees "$bilan" --sortie "$work/notes"; done
run rapport --notes input/bilans --sortie "$work/rapport"
run atelier --notes input/bilans --sortie "$work/atelier"
run atelier --badges --sortie "$work/badges"
run fusion --modele samples/fusion/invitation.xml.mustache --donnees samples/fusion/destinataires.xml \
  --chaque destinataire --un-fichier --sortie "$work/fusion.pdf"
rules=apostrophe-droite,guillemet-droit,points-de-suspension,etc-suspension,ordinal-plat,insecable-large-guillemets,tiret-incise,de-les,a-le,de-voyelle,puce-isolee,metadonnees
# Loose lines and short last lines too (docs/TYPOGRAPHIE.md, « Qualité des
# lignes »): before, 1 loose line and 3 last lines made of a word's end.
rules="$rules,cesures-de-suite,fine-large,ligne-lache,derniere-ligne-courte"
find "$work" -name '*.pdf' -print0 | sort -z | xargs -0 /usr/bin/python3 tests/typography/check_typography.py --zero "$rules"
/usr/bin/python3 tests/typography/check_templates.py "$work"
# Every document (letters, notes, rapport, AG packs and sheets, badges,
# merge): 60 to 75 characters per line, at most five font sizes.
find "$work" -name '*.pdf' -print0 | sort -z |
  xargs -0 /usr/bin/python3 tests/typography/check_typography.py --zero mesure-longue,tailles-nombreuses
echo "typographie : comptes conformes dans $(find "$work" -name '*.pdf' | wc -l) PDF"

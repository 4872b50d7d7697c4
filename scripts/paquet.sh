#!/usr/bin/env bash
# Builds the Debian package lettrine_<version>_amd64.deb (docs/SERVEUR.md):
# a release build of the product alone in build-paquet/ (or the folder given
# as $1: no tests, no fault injection points), then `cpack -G DEB`. The
# package is written in that folder.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build-paquet}"
bash scripts/install-deps.sh
LETTRINE_TARGETS="lettrine" bash scripts/build.sh "$dir" -DCMAKE_BUILD_TYPE=Release \
  -DLETTRINE_TESTS=OFF -DLETTRINE_BENCH=OFF -DLETTRINE_TEST_HOOKS=OFF
(cd "$dir" && cpack -G DEB)
ls "$dir"/lettrine_*_amd64.deb

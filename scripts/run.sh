#!/usr/bin/env bash
# The main job: installs what is missing, builds, and runs the December
# batch on the default data (input/ -> output/). Extra arguments go to lettrine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# Only the product (lettrine and its helper programs), not the test suite:
# a newcomer sees the letters in a few minutes.
LETTRINE_TARGETS="lettrine" bash scripts/build.sh build
./build/lettrine "$@"

#!/usr/bin/env bash
# Installs the Debian 12 packages Lettrine needs to build, run and test,
# only those missing (so it is quick and offline-safe on a ready machine).
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libpodofo-dev libxlsxwriter-dev libkainjow-mustache-dev libpugixml-dev
  libboost-filesystem-dev libzip-dev libfreetype-dev libharfbuzz-dev libicu-dev
  libpng-dev zlib1g-dev libssl-dev libjpeg62-turbo-dev libhyphen-dev hyphen-fr
  fonts-liberation2 fonts-dejavu-core
  googletest libgtest-dev libbenchmark-dev
  poppler-utils qpdf libqpdf-dev icc-profiles-free python3-pikepdf python3 python3-pdfminer python3-openpyxl python3-pil faketime hyperfine
  clang-14 libclang-rt-14-dev llvm-14
  libcpp-httplib-dev libpoppler-cpp-dev chromium chromium-l10n chromium-driver python3-selenium
  libcurl4-openssl-dev python3-aiosmtpd iproute2 libsodium-dev
  libnss3-tools
  python3-odf python3-docx libreoffice-writer-nogui unzip
  dpkg-dev file systemd
  librsvg2-dev libcairo2-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# npm (for axe-core below): Debian's, unless the machine already has one
# (nodesource's nodejs carries its own npm and conflicts with Debian's).
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installation des paquets manquants : ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# axe-core (npm, pinned), injected into every page by the browser test
# (tests/web/browser_axe.py) to find WCAG 2.1 A/AA violations. Installed once,
# outside the tree, in $LETTRINE_AXE_DIR (default ~/.cache/lettrine/axe-core);
# npm must be reachable then, as for jscpd (scripts/duplicates.sh). Without
# the network, only the browser test misses it (it says so): Lettrine itself
# does not need it.
readonly AXE_VERSION=4.14.1
axe="${LETTRINE_AXE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lettrine/axe-core}"
installed="$(node -p "require('$axe/node_modules/axe-core/package.json').version" 2>/dev/null || true)"
if [ "$installed" != "$AXE_VERSION" ]; then
  mkdir -p "$axe"
  if ! npm install --prefix "$axe" --no-save --no-audit --no-fund --loglevel=error \
      --fetch-retry-mintimeout=2000 --fetch-retry-maxtimeout=10000 "axe-core@$AXE_VERSION" >/dev/null; then
    echo "axe-core $AXE_VERSION n’a pas pu être installé (npm injoignable ?) : le test web_navigateur échouera." >&2
  fi
fi

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
  libcpp-httplib-dev libpoppler-cpp-dev chromium chromium-driver python3-selenium
  libcurl4-openssl-dev python3-aiosmtpd iproute2 libsodium-dev
  libnss3-tools
  python3-odf python3-docx libreoffice-writer-nogui unzip
  librsvg2-dev libcairo2-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installation des paquets manquants : ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

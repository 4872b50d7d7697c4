#!/usr/bin/env bash
# Installs a Lettrine .deb on a fresh Debian 12 and checks that the service's
# command answers: a minimal bookworm made by debootstrap (nothing of this
# machine's packages inside), `apt-get install ./lettrine_…deb` there, then
# the unit's ExecStart run as an unprivileged user (systemd cannot be PID 1
# in a chroot: DynamicUser is stood in for by `nobody`, StateDirectory by a
# 0700 /var/lib/lettrine), the home page fetched and the example programme
# uploaded until its four letter cards show. Not part of CI: it downloads a
# Debian base (about 100 MB) and needs root. Usage:
#   sudo bash scripts/essai-debian-neuve.sh lettrine_0.1.0_amd64.deb [DOSSIER]
set -euo pipefail
deb="$(realpath "${1:?usage: essai-debian-neuve.sh PAQUET.deb [DOSSIER]}")"
root="${2:-$(mktemp -d /tmp/debian-neuve.XXXXXX)}/racine"
port=8080
here="$(cd "$(dirname "$0")" && pwd)"

command -v debootstrap >/dev/null || apt-get install -y -q debootstrap >/dev/null
if ss -ltn | grep -q ":$port "; then
  echo "le port $port est déjà pris sur cette machine" >&2
  exit 1
fi
[ -x "$root/bin/bash" ] || debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null

# The chroot's /dev is this machine's own /dev: it must be unmounted before
# anyone removes the folder (a `rm -rf` through the bind mount would empty
# the host's /dev). The server is stopped and waited for, then each mount is
# taken off (lazily if still busy) and checked gone.
cleanup() {
  pkill -f "lettrine serveur --dossier /var/lib/lettrine" || true
  for _ in $(seq 50); do
    pgrep -f "lettrine serveur --dossier /var/lib/lettrine" >/dev/null || break
    sleep 0.1
  done
  for m in "$root/proc" "$root/dev"; do
    mountpoint -q "$m" && { umount "$m" 2>/dev/null || umount -l "$m"; }
    if mountpoint -q "$m"; then echo "ATTENTION : $m est encore monté, ne pas effacer $root" >&2; fi
  done
}
trap cleanup EXIT
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
cp /etc/resolv.conf "$root/etc/"
cp "$deb" "$root/tmp/lettrine.deb"

chroot "$root" /bin/bash -euc '
  apt-get update -q >/dev/null
  apt-get install -y -q /tmp/lettrine.deb >/tmp/installation.log 2>&1
  echo "installé : $(dpkg-query -W -f="\${Package} \${Version}" lettrine) sur Debian $(cat /etc/debian_version)"
  unit=/usr/lib/systemd/system/lettrine.service
  command=$(sed -n "s/^ExecStart=//p" "$unit" | sed "s/ \$LETTRINE_OPTIONS//")
  mkdir -p /var/lib/lettrine && chown 65534:65534 /var/lib/lettrine && chmod 700 /var/lib/lettrine
  cd /var/lib/lettrine
  setpriv --reuid=65534 --regid=65534 --clear-groups $command >/tmp/serveur.log 2>&1 &
'
for _ in $(seq 50); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.2
done
curl -s -f "http://127.0.0.1:$port/" | grep -q "<title>Accueil — Lettrine" \
  || { echo "la page d’accueil ne répond pas" >&2; cat "$root/tmp/serveur.log" >&2; exit 1; }
echo "la page d’accueil répond sur http://127.0.0.1:$port/"
/usr/bin/python3 "$here/../tests/paquet/envoi_programme.py" "http://127.0.0.1:$port" \
  "$root/usr/share/lettrine/input/programme-2016.xlsx"

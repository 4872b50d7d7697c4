#!/usr/bin/env bash
# The web interface's figures for docs/PERFORMANCE.md, against 127.0.0.1 only:
#   tests/web/mesures.sh build [PORT]
# 1. an uncached preview per page (lettrine-apercu, hyperfine);
# 2. upload to result page for the default programme, previews uncached then cached;
# 3. 10 clients uploading 5 times each at once (bounded load), and a page asked meanwhile.
set -euo pipefail
build="${1:-build}"
port="${2:-8765}"
cd "$(dirname "$0")/../.."
work=$(mktemp -d /tmp/lettrine-mesures-XXXXXX)
mkdir -p "$work/input"
cp input/logo-ecossolies.png "$work/input/"
"$build/lettrine" serveur --port "$port" --dossier "$work" 2>"$work/serveur.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
sleep 0.5
url="http://127.0.0.1:$port"
upload() { curl -s -o /dev/null -w "%{time_total}\n" -L -F "fichiers=@input/programme-2016.xlsx" "$url/decembre"; }
echo "charge de la machine : $(cut -d' ' -f1-3 /proc/loadavg)"

upload >/dev/null
pdf=$(ls "$work"/output/serveur/resultats/*/lettres/lettre-de-mission-2016-habitat.pdf | head -1)
echo "== aperçu d'une page, non mis en cache (300 px de large)"
hyperfine -N --warmup 3 -r 20 "$build/lettrine-apercu $pdf 1 300 $work/page.png" 2>&1 | grep -E "Time|Range"

echo "== envoi du programme → page des documents (secondes), aperçus non mis en cache"
for i in 1 2 3 4 5; do rm -f "$work"/output/serveur/apercus/*; upload; done | sort -n | tr '\n' ' '; echo
echo "== idem, aperçus en cache"
for i in 1 2 3 4 5; do upload; done | sort -n | tr '\n' ' '; echo

echo "== 10 clients × 5 envois en même temps"
start=$(date +%s.%N)
for c in $(seq 10); do
  ( for i in 1 2 3 4 5; do curl -s -o /dev/null -w "%{http_code} %{time_total}\n" -L \
      -F "fichiers=@input/programme-2016.xlsx" "$url/decembre"; done ) > "$work/client-$c.txt" &
done
sleep 1
page=$(curl -s -o /dev/null -w "%{time_total}" "$url/decembre")
wait $(jobs -p | grep -v "^$server$") 2>/dev/null || true
end=$(date +%s.%N)
cat "$work"/client-*.txt | awk -v t="$(echo "$end - $start" | bc)" -v page="$page" \
  '{n++; s+=$2; if ($2 > m) m = $2; if ($1 == 200) ok++; else if ($1 == 503) busy++}
   END {printf "%d envois en %.1f s : %.1f lots/s ; latence moyenne %.2f s, max %.2f s ; %d réussis, %d « serveur occupé » ; page demandée pendant la charge : %.3f s\n", n, t, n / t, s / n, m, ok, busy, page}'
echo "charge de la machine : $(cut -d' ' -f1-3 /proc/loadavg)"

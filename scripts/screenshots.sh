#!/usr/bin/env bash
# Takes screenshots of every public page at desktop (1280 px) and phone (390 px) width with
# headless Chromium.
#
#   scripts/screenshots.sh [BASE_URL] [OUT_DIR]
#
# With a BASE_URL (e.g. http://127.0.0.1:8080) it photographs that running node; its
# initiative pages are found through GET /v1/initiatives. Without one it builds maex-node,
# creates a demo node in a temporary folder, adds a few initiatives through the CLI, serves it
# on 127.0.0.1:18480, photographs it and stops it again.
# Needs chromium (apt-get install -y chromium) and curl.
set -euo pipefail

base="${1:-}"
out="${2:-screenshots}"
mkdir -p "$out"
chrome="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$chrome" ] || { echo "screenshots: chromium not found (apt-get install -y chromium)" >&2; exit 1; }

server_pid=""
work=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    if [ -n "$work" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

if [ -z "$base" ]; then
    swift build --product maex-node >/dev/null
    bin="$(swift build --show-bin-path)/maex-node"
    work="$(mktemp -d)"
    data="$work/node"
    "$bin" init --data "$data" --name "Gemeente Vlissingen" --role municipality --scope GM0718 >/dev/null
    add() { "$bin" initiative add --data "$data" "$@" >/dev/null; }
    add --name "Repair Café Vlissingen" --municipality GM0718 --sdg 11,12 \
        --description "Elke eerste zaterdag repareren vrijwilligers samen met bewoners kapotte spullen." \
        --field phase=groei --field themes=afval,repareren --field publication_consent=ja --field last_verified=2026-01-10 \
        --field website=https://repaircafe.example/vlissingen --field volunteers=14
    add --name "Voedselbank Walcheren" --municipality GM0718 --sdg 1,2 --description "Voedselhulp voor huishoudens in nood." \
        --field phase=volwassen --field themes=armoede --field last_verified=2024-03-01
    add --name "Taalcafé De Brug <b>&</b>" --municipality GM0718 --sdg 4,10 --description "Nederlands oefenen bij een kop koffie." \
        --field phase=start --field themes=taal,ontmoeting --field publication_consent=ja --field last_verified=2026-03-15
    "$bin" serve --data "$data" --listen 127.0.0.1:18480 >"$work/serve.log" 2>&1 &
    server_pid=$!
    base="http://127.0.0.1:18480"
    for _ in $(seq 1 100); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
fi

pages=("/" "/gemeente/GM0718" "/gemeente/GM0718?sdg=4" "/provincie/PV29" "/nederland")
first_id="$(curl -fsS "$base/v1/initiatives?limit=1" | sed -n 's/.*"id" *: *"\([0-9a-f-]\{36\}\)".*/\1/p' | head -n 1)"
[ -n "$first_id" ] && pages+=("/initiatief/$first_id")

shoot() {  # path width height file
    "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size="$2,$3" --screenshot="$4" "$base$1" >/dev/null 2>&1
    echo "$4"
}
for path in "${pages[@]}"; do
    name="$(echo "$path" | sed 's#^/$#home#; s#^/##; s#[/?=]#-#g; s#-\([0-9a-f]\{8\}\)-[0-9a-f-]*#-\1#')"
    shoot "$path" 1280 2000 "$out/$name-desktop.png"
    shoot "$path" 390 2400 "$out/$name-phone.png"
done

#!/usr/bin/env bash
# Takes screenshots of every public page, of the registration form sent with mistakes and (for
# the demo node, whose admin token it knows) of an initiative's admin edit form, at desktop
# (1280 px) and phone (390 px) width with headless Chromium.
#
#   scripts/screenshots.sh [BASE_URL] [OUT_DIR]
#
# With a BASE_URL (e.g. http://127.0.0.1:8080) it photographs that running node; its
# initiative pages are found through GET /v1/initiatives. Without one it builds maex-node,
# creates a demo node in a temporary folder, imports a few initiatives with handprint lines,
# needs and offers (scripts/demo-seed.json) through the CLI (initiative import), serves it
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
token=""
posted=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    if [ -n "$work" ]; then rm -rf "$work"; fi
    if [ -n "$posted" ]; then rm -rf "$posted"; fi
}
trap cleanup EXIT

if [ -z "$base" ]; then
    swift build --product maex-node >/dev/null
    bin="$(swift build --show-bin-path)/maex-node"
    work="$(mktemp -d)"
    data="$work/node"
    # A network of its own: a national root that certifies the municipality node, so it may author.
    "$bin" init --data "$work/root" --name "MAEX Demo" --role national --scope NL --realm maex-screenshots >/dev/null
    root="$("$bin" id --data "$work/root" | tail -n 1)"
    node_id="$("$bin" init --data "$data" --name "Gemeente Vlissingen" --role municipality --scope GM0718 \
        --realm maex-screenshots --root "$root" | tail -n 1)"
    "$bin" trust grant --data "$work/root" --node "$node_id" --role municipality --scope GM0718 --out "$work/enrol.cert" >/dev/null
    "$bin" trust import --data "$data" "$work/enrol.cert" >/dev/null
    "$bin" initiative import --data "$data" "$(dirname "$0")/demo-seed.json" >/dev/null
    token="$("$bin" admin token --data "$data" | tail -n 1)"
    "$bin" serve --data "$data" --listen 127.0.0.1:18480 >"$work/serve.log" 2>&1 &
    server_pid=$!
    base="http://127.0.0.1:18480"
    for _ in $(seq 1 100); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
fi

shoot() {  # path width height file
    "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size="$2,$3" --screenshot="$4" "$base$1" >/dev/null 2>&1
    echo "$4"
}
pages=("/" "/gemeente/GM0718" "/gemeente/GM0718?sdg=4" "/provincie/PV29" "/nederland" "/aanmelden" "/open-data" "/aanbod" "/privacy" "/toegankelijkheid")
first_id="$(curl -fsS "$base/v1/initiatives?limit=1" | sed -n 's/.*"id" *: *"\([0-9a-f-]\{36\}\)".*/\1/p' | head -n 1)"
[ -n "$first_id" ] && pages+=("/initiatief/$first_id")

# The questionnaire sent with mistakes: the answer (422) is a self-contained page (inline
# style, no scripts or external files), so it is saved and photographed as a file.
posted="$(mktemp -d)"
curl -sS -o "$posted/aanmelden-fouten.html" -H 'Origin: '"$base" --data-urlencode 'name=' \
    --data-urlencode 'municipality=GM0718' --data-urlencode 'description=Samen tuinieren <b>& oogsten</b>' \
    --data-urlencode 'website=dekaai.nl' --data-urlencode 'kvk=1234' --data-urlencode 'sdgs=15' \
    --data-urlencode 'contributions[0].activity=tree-planted' --data-urlencode 'contributions[0].quantity=-3' \
    --data-urlencode 'contributions[0].year=2025' --data-urlencode 'needs[0].kind=geld' \
    --data-urlencode 'needs[0].description=Kas voor de winter' --data-urlencode 'needs[0].amount_euros=veel' \
    "$base/aanmelden"
shoot_file() {  # file width height out
    "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size="$2,$3" --screenshot="$4" "file://$1" >/dev/null 2>&1
    echo "$4"
}
shoot_file "$posted/aanmelden-fouten.html" 1280 3000 "$out/aanmelden-fouten-desktop.png"
shoot_file "$posted/aanmelden-fouten.html" 390 5200 "$out/aanmelden-fouten-phone.png"
# The admin edit form of the first initiative (needs the admin token: only for the demo node).
edit_id="$(curl -fsS "$base/v1/initiatives?q=repair&limit=1" | sed -n 's/.*"id" *: *"\([0-9a-f-]\{36\}\)".*/\1/p' | head -n 1)"
edit_id="${edit_id:-$first_id}"
if [ -n "$token" ] && [ -n "$edit_id" ]; then
    curl -fsS -o "$posted/beheer.html" -u "beheer:$token" "$base/beheer/initiatief/$edit_id"
    shoot_file "$posted/beheer.html" 1280 3600 "$out/beheer-initiatief-desktop.png"
    shoot_file "$posted/beheer.html" 390 6400 "$out/beheer-initiatief-phone.png"
fi

for path in "${pages[@]}"; do
    name="$(echo "$path" | sed 's#^/$#home#; s#^/##; s#[/?=]#-#g; s#-\([0-9a-f]\{8\}\)-[0-9a-f-]*#-\1#')"
    shoot "$path" 1280 2000 "$out/$name-desktop.png"
    shoot "$path" 390 2400 "$out/$name-phone.png"
done

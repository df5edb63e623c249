#!/usr/bin/env bash
# Screenshots of the MAEX Impuls pages (/impuls and a fund page) at desktop (1280 px) and
# phone (390 px) width: a root, a municipality node and a fund node in a temporary folder,
# a co-funded fund, two applications through the CLI and sync, a grant, a question and a
# payment; the fund node serves on 127.0.0.1:18491 and is stopped again.
#
#   scripts/impuls-screenshots.sh [OUT_DIR]      (needs chromium, curl, python3)
set -euo pipefail
swift build --product maex-node >/dev/null
bin="$(swift build --show-bin-path)/maex-node"
out="${1:-docs/screenshots}"; mkdir -p "$out"
work=$(mktemp -d)
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
R=maex-shots
$bin init --data $work/root --name "MAEX Demo" --role national --scope NL --realm $R >/dev/null
root=$($bin id --data $work/root | tail -n 1)
muni=$($bin init --data $work/muni --name "Gemeente Vlissingen" --role municipality --scope GM0718 --realm $R --root $root | tail -n 1)
fund=$($bin init --data $work/fund --name "Impuls Zeeland" --role fund --scope impuls-zeeland --realm $R --root $root | tail -n 1)
$bin trust grant --data $work/root --node $muni --role municipality --scope GM0718 --out $work/m.cert >/dev/null
$bin trust grant --data $work/root --node $fund --role fund --scope impuls-zeeland --out $work/f.cert >/dev/null
$bin trust import --data $work/muni $work/m.cert >/dev/null
$bin trust import --data $work/fund $work/m.cert >/dev/null || true
$bin trust import --data $work/fund $work/f.cert >/dev/null
$bin trust import --data $work/muni $work/f.cert >/dev/null || true
cat >$work/seed.json <<'JSON'
[{"name": "Repair Café Vlissingen", "municipality": "GM0718", "sdgs": [11, 12], "phase": "groei", "legal_form": "stichting", "email": "info@repaircafe.example",
  "description": "Elke eerste zaterdag repareren vrijwilligers samen met bewoners kapotte spullen.", "themes": ["afval", "repareren"], "publication_consent": true},
 {"name": "Taalcafé De Brug", "municipality": "GM0718", "sdgs": [4, 10, 11], "phase": "start", "legal_form": "vereniging", "email": "brug@example.org",
  "description": "Nederlands oefenen bij een kop koffie.", "themes": ["taal"], "publication_consent": true}]
JSON
$bin initiative import --data $work/muni $work/seed.json >/dev/null
ids=$($bin initiative list --data $work/muni | grep -o '[0-9a-f]\{8\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{12\}')
a=$(echo "$ids" | sed -n 1p); b=$(echo "$ids" | sed -n 2p)
$bin impuls fund-create --data $work/fund --code impuls-zeeland --name "Impuls Zeeland" --purpose "Kleine, snelle bijdragen die de organisatie van een Zeeuws initiatief versterken." \
  --area PV29 --sdg 4,10,11,12 --amount-min-cents 50000 --amount-max-cents 250000 --opens 2026-01-01 --closes 2027-12-31 --decision-days 21 \
  --field min_phase=start --field complete_profile=ja --field grant_interval_months=12 --field "accountability=Een korte terugblik of link binnen zes maanden" >/dev/null
$bin impuls pledge --data $work/fund impuls-zeeland --funder "Provincie Zeeland" --kind provincie --amount-cents 1000000 >/dev/null
$bin impuls pledge --data $work/fund impuls-zeeland --funder "Rabobank Walcheren" --kind bank --amount-cents 500000 >/dev/null
$bin impuls pledge --data $work/fund impuls-zeeland --funder "Gemeente Vlissingen" --kind gemeente --amount-cents 250000 >/dev/null
$bin serve --data $work/fund --listen 127.0.0.1:18491 >$work/fund.log 2>&1 & pid=$!
for _ in $(seq 1 100); do curl -fsS http://127.0.0.1:18491/healthz >/dev/null 2>&1 && break; sleep 0.2; done
$bin sync --data $work/muni --peer http://127.0.0.1:18491/ --quiet
$bin impuls apply --data $work/muni $a --fund impuls-zeeland --amount-cents 150000 --motivation "Gereedschap voor een tweede reparatietafel" --impact "Twintig reparaties meer per maand" --date 2026-11-02 >/dev/null
$bin impuls apply --data $work/muni $b --fund impuls-zeeland --amount-cents 90000 --motivation "Lesmateriaal" --impact "Dertig nieuwe deelnemers" --date 2026-11-05 >/dev/null
$bin sync --data $work/muni --peer http://127.0.0.1:18491/ --quiet
kill $pid; wait $pid 2>/dev/null || true; pid=""
apps=$($bin impuls status --data $work/fund impuls-zeeland | python3 -c "import json,sys; d=json.load(sys.stdin); print('\n'.join(x['id']+' '+x['initiative'] for x in d['applications']))")
appa=$(echo "$apps" | grep " $a" | cut -d' ' -f1); appb=$(echo "$apps" | grep " $b" | cut -d' ' -f1)
$bin impuls decide --data $work/fund $appa --outcome toegekend --date 2026-11-16 >/dev/null
$bin impuls decide --data $work/fund $appb --outcome meer-info --reason "Graag een begroting van het lesmateriaal" --date 2026-11-12 >/dev/null
$bin impuls pay --data $work/fund $appa --date 2026-11-20 >/dev/null
$bin serve --data $work/fund --listen 127.0.0.1:18491 >>$work/fund.log 2>&1 & pid=$!
for _ in $(seq 1 100); do curl -fsS http://127.0.0.1:18491/healthz >/dev/null 2>&1 && break; sleep 0.2; done
chrome=$(command -v chromium)
shoot() { "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 --window-size="$2,$3" --screenshot="$4" "http://127.0.0.1:18491$1" >/dev/null 2>&1; echo "$4"; }
shoot /impuls 1280 900 $out/impuls-desktop.png
shoot /impuls 390 1000 $out/impuls-phone.png
shoot /impuls/impuls-zeeland 1280 2000 $out/impuls-fund-desktop.png
shoot /impuls/impuls-zeeland 390 3000 $out/impuls-fund-phone.png

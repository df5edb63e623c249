#!/usr/bin/env bash
# Measures what docs/OPERATIONS.md says about sizing: disk per 1,000 initiatives and the memory
# of a served node, with the real maex-node binary.
#
#   scripts/measure-sizing.sh [MAEX_NODE] [COUNT]
#
# MAEX_NODE defaults to .build/debug/maex-node, COUNT to 1000. It creates a national node in a
# temporary folder (a national node may author for every municipality), imports COUNT
# initiatives like a municipality's (profile, two activities, a need, an offer, a partner: one
# change set each) with `initiative import`, checkpoints the WAL and reports the store's size,
# then serves the node on a free port of 127.0.0.1, loads every page kind a few times and reports the
# process's resident memory (VmRSS now, VmHWM peak). Needs python3 and curl.
set -euo pipefail

bin="${1:-.build/debug/maex-node}"
count="${2:-1000}"
work="$(mktemp -d /tmp/maex-sizing.XXXXXX)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

"$bin" init --data "$work/node" --name "Sizing" --role national --scope NL > /dev/null
python3 - "$count" > "$work/initiatives.json" <<'PY'
import json, sys
codes = ["GM0718", "GM0716", "GM0687", "GM0654", "GM0664", "GM0677", "GM0678", "GM0715", "GM1676", "GM1695", "GM1714", "GM1737", "GM0703"]
items = []
for i in range(int(sys.argv[1])):
    items.append({
        "name": f"Buurtinitiatief {i} in de wijk", "municipality": codes[i % len(codes)], "sdgs": [3, 11, 12],
        "themes": ["repareren", "ontmoeten"], "publication_consent": True,
        "description": "Bewoners repareren samen spullen, leren van elkaar en houden afval uit de container. " * 2,
        "contributions": [{"activity": "repair-item", "quantity": 100 + i % 50, "year": 2025},
                          {"activity": "volunteer-hour", "quantity": 400, "year": 2025}],
        "needs": [{"kind": "vrijwilligers", "description": "Reparateurs gezocht", "hours": 40}],
        "offers": [{"kind": "dienst", "name": "Reparatiecafé op locatie", "social_return": True}],
        "partners": [{"organisation": "Gemeente", "role": "mogelijkmaker"}],
    })
print(json.dumps(items))
PY
start=$(date +%s)
"$bin" initiative import --data "$work/node" "$work/initiatives.json" > /dev/null
echo "import of $count initiatives: $(( $(date +%s) - start )) s"
python3 - "$work/node/maex.sqlite" <<'PY'
import os, sqlite3, sys
path = sys.argv[1]
db = sqlite3.connect(path)
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
changes = db.execute("SELECT count(*), sum(length(body)) + sum(length(signature)) FROM change_set").fetchone()
pages = db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]
tables = db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 6").fetchall() if db.execute("SELECT 1 FROM pragma_compile_options WHERE compile_options = 'ENABLE_DBSTAT_VTAB'").fetchone() else []
db.close()
print(f"store: {os.path.getsize(path)} bytes ({pages} in pages), {changes[0]} change sets, {changes[1]} bytes of signed change sets")
for name, size in tables: print(f"  {name}: {size} bytes")
PY
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --data "$work/node" --listen "127.0.0.1:$port" > "$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -fsS http://127.0.0.1:$port/healthz > /dev/null 2>&1 && break; sleep 0.2; done
grep -E 'VmRSS|VmHWM' /proc/$pid/status | sed 's/^/idle: /'
id=$(curl -fsS "http://127.0.0.1:$port/v1/initiatives?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["initiatives"][0]["id"])')
for _ in 1 2 3; do
  for path in / /gemeente/GM0718 /provincie/PV29 /nederland "/initiatief/$id" "/v1/initiatives?limit=1000" "/v1/initiatives?q=reparatie" /metrics; do
    curl -fsS "http://127.0.0.1:$port$path" > /dev/null
  done
done
kill -0 "$pid" 2>/dev/null || { echo "the node stopped; its log:" >&2; tail -20 "$work/serve.log" >&2; exit 1; }
grep -E 'VmRSS|VmHWM' /proc/$pid/status | sed 's/^/after pages: /'
size() { python3 -c 'import os, sys; print(sum(os.path.getsize(p) for p in sys.argv[1:] if os.path.exists(p)))' "$@"; }
echo "store after the first searches (search indexes filled): $(size "$work/node/maex.sqlite" "$work/node/maex.sqlite-wal") bytes with the WAL"
start=$(date +%s%N)
"$bin" backup --data "$work/node" --out "$work/node.maexbak" | sed 's/^/backup: /'
echo "backup while serving: $(( ($(date +%s%N) - start) / 1000000 )) ms, $(size "$work/node.maexbak") bytes"

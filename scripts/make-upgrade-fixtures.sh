#!/usr/bin/env bash
# Makes the upgrade fixtures: one store per schema version that ever landed on main, written by
# the code of the commit that introduced that version, for UpgradeFixtureTests.
#
#   scripts/make-upgrade-fixtures.sh [OUT_DIR]
#
# OUT_DIR defaults to Tests/MAEXStoreTests/Fixtures/upgrade. For every commit on main's
# first-parent line at which the number of migrations in Sources/MAEXStore/StoreSchema.swift
# grew (v1, v2, v3, ...), it checks the commit out in a temporary worktree, builds that
# commit's store crash-test child (Tests/StoreCrashChild: it generates a deterministic stream
# of signed change sets from several authors, with concurrent edits, and applies it through
# NodeStore) plus a ten-line program printing the store's digest with that commit's code, and
# keeps the store as OUT_DIR/vN/node.sqlite with digest.txt and source.txt (commit, realm).
# Builds share one scratch folder (SCRATCH, default /tmp/maex-fixture-build), so only the
# project's own modules are rebuilt per commit; the first build still takes 5+ minutes.
# COUNT (default 120) change sets per fixture, SEED (default 7); ONLY=v4 makes just that version
# (after a new migration landed, the older fixtures stay as they are).
#
# Branch-only schemas are not fixtures: 9b40380 named its search migration "v2" on a side
# branch; main merged it as "v3" (170e871), so no released data folder has that name.
set -euo pipefail

repo="$(git rev-parse --show-toplevel)"
out="${1:-$repo/Tests/MAEXStoreTests/Fixtures/upgrade}"
scratch="${SCRATCH:-/tmp/maex-fixture-build}"
count="${COUNT:-120}"
seed="${SEED:-7}"
schema="Sources/MAEXStore/StoreSchema.swift"
mkdir -p "$out"

commits=()
seen=0
for commit in $(git -C "$repo" log --first-parent --reverse --format=%H -- "$schema"); do
  n=$(git -C "$repo" show "$commit:$schema" | grep -c 'registerMigration("v' || true)
  if [ "$n" -gt "$seen" ]; then commits+=("$n:$commit"); seen=$n; fi
done

for entry in "${commits[@]}"; do
  version="v${entry%%:*}"
  commit="${entry#*:}"
  if [ -n "${ONLY:-}" ] && [ "$ONLY" != "$version" ]; then continue; fi
  echo "== $version from $(git -C "$repo" log -1 --format='%h %s' "$commit" | cut -c1-80)"
  tree="$(mktemp -d /tmp/maex-fixture-src.XXXXXX)"
  trap 'git -C "$repo" worktree remove --force "$tree/src" 2>/dev/null; rm -rf "$tree"' EXIT
  git -C "$repo" worktree add --detach "$tree/src" "$commit" > /dev/null
  mkdir -p "$tree/src/FixtureDigest"
  cat > "$tree/src/FixtureDigest/main.swift" <<'SWIFT'
import Foundation
import Logging
import MAEXStore

// fixture-digest <store> <realm>: prints the store's digest, fails when verify finds problems.
let logger = Logger(label: "fixture", factory: { _ in SwiftLogNoOpLogHandler() })
let store = try NodeStore(path: CommandLine.arguments[1], realm: CommandLine.arguments[2], logger: logger)
let problems = try store.verify()
guard problems.isEmpty else { FileHandle.standardError.write(Data("\(problems)\n".utf8)); exit(1) }
print(try store.digest())
SWIFT
  cat >> "$tree/src/Package.swift" <<'SWIFT'

package.targets.append(.executableTarget(
    name: "fixture-digest", dependencies: ["MAEXStore", .product(name: "Logging", package: "swift-log")], path: "FixtureDigest"))
SWIFT
  # Early commits declare targets before their sources exist: give those an empty file.
  for _ in 1 2 3 4 5 6 7 8; do
    missing="$(cd "$tree/src" && swift package --scratch-path "$scratch" describe 2>&1 >/dev/null \
      | sed -n "s/.*should be located under '\([^']*\)'.*/\1/p" | head -1 || true)"
    [ -n "$missing" ] || break
    mkdir -p "$tree/src/$missing" && echo "// placeholder for a target without sources yet" > "$tree/src/$missing/Placeholder.swift"
  done
  (cd "$tree/src" && swift build --scratch-path "$scratch" --product maex-store-crash-child > "$tree/build.log" 2>&1 \
    && swift build --scratch-path "$scratch" --product fixture-digest >> "$tree/build.log" 2>&1) \
    || { tail -30 "$tree/build.log"; exit 1; }
  bin="$(cd "$tree/src" && swift build --scratch-path "$scratch" --show-bin-path)"
  realm="$(grep -o 'static let realm = "[^"]*"' "$tree/src/Tests/StoreCrashChild/StreamGenerator.swift" | cut -d'"' -f2)"
  data="$tree/data"
  "$bin/maex-store-crash-child" generate "$data" "$seed" "$count" > /dev/null
  "$bin/maex-store-crash-child" apply "$data" 25 > /dev/null
  digest="$("$bin/fixture-digest" "$data/node.sqlite" "$realm")"
  python3 - "$data/node.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
db.execute("PRAGMA journal_mode = DELETE")
db.execute("VACUUM")
db.close()
PY
  mkdir -p "$out/$version"
  cp "$data/node.sqlite" "$out/$version/node.sqlite"
  echo "$digest" > "$out/$version/digest.txt"
  printf 'commit %s\nrealm %s\nchange_sets %s\nseed %s\n' "$commit" "$realm" "$count" "$seed" > "$out/$version/source.txt"
  echo "   digest $digest"
  git -C "$repo" worktree remove --force "$tree/src"
  rm -rf "$tree"
  trap - EXIT
done

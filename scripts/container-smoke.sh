#!/usr/bin/env bash
# Builds the run stage of docker/Dockerfile with podman around a maex-node built on the host,
# starts the national node of nodes/ in it, waits for /healthz and reports the image size and
# the start-up time (container start to a healthy answer).
#
#   scripts/container-smoke.sh [MAEX_NODE]
#
# MAEX_NODE defaults to .build/debug/maex-node. Why not the whole Dockerfile: its build stage
# needs swift:6.3-bookworm from Docker Hub, which the build machine cannot reach. When
# debian:bookworm-slim cannot be pulled either, the base is made with debootstrap from Debian's
# package mirror (apt-get install podman runc debootstrap). A binary not linked with
# --static-swift-stdlib gets the Swift runtime libraries it links (ldd) copied into the image,
# so its size is an upper bound of the real image's. On the build VM podman runs with runc,
# cgroupfs and lowered ulimits (crun may not set rlimits there) and host networking; the image's
# HEALTHCHECK (port 8080) is checked by inspection and its curl run by hand on the port used.
set -euo pipefail

bin="${1:-.build/debug/maex-node}"
repo="$(git rev-parse --show-toplevel)"
podman=(podman --runtime runc --cgroup-manager cgroupfs)
limits=(--ulimit nofile=1024:1024 --ulimit nproc=1024:1024)
work="$(mktemp -d /tmp/maex-container.XXXXXX)"
name="maex-smoke-$$"
trap '"${podman[@]}" rm -f "$name" > /dev/null 2>&1 || true; "${podman[@]}" volume rm -f "$name" > /dev/null 2>&1 || true; rm -rf "$work"' EXIT

base=docker.io/library/debian:bookworm-slim
if ! "${podman[@]}" image exists "$base" && ! "${podman[@]}" pull -q "$base" > /dev/null 2>&1; then
  echo "making $base with debootstrap (no registry)"
  debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian > "$work/debootstrap.log"
  tar -C "$work/rootfs" -c . | "${podman[@]}" import - "$base" > /dev/null
  rm -rf "$work/rootfs"
fi

cp "$bin" "$work/maex-node"
mkdir -p "$work/swift-libs"
ldd "$bin" | awk '$3 ~ /swift/ {print $3}' | xargs -r -I{} cp {} "$work/swift-libs/"
awk '/^# ---- run/{p=1} p' "$repo/docker/Dockerfile" | sed \
  -e 's|^COPY --from=build /out/maex-node /usr/local/bin/maex-node|COPY maex-node /usr/local/bin/maex-node\nCOPY swift-libs/ /usr/local/lib/swift/\nENV LD_LIBRARY_PATH=/usr/local/lib/swift|' \
  > "$work/Containerfile"
grep -q 'COPY maex-node' "$work/Containerfile" || { echo "the run stage of docker/Dockerfile changed: update this script" >&2; exit 1; }
"${podman[@]}" build -q --format docker "${limits[@]}" --network host --pull=never -f "$work/Containerfile" -t localhost/maex-node:smoke "$work" > /dev/null
size=$("${podman[@]}" image inspect localhost/maex-node:smoke --format '{{.Size}}')
basesize=$("${podman[@]}" image inspect "$base" --format '{{.Size}}')
echo "image: $((size / 1000000)) MB (base $((basesize / 1000000)) MB, binary $(( $(stat -c %s "$bin") / 1000000 )) MB, Swift libraries $(du -sm "$work/swift-libs" | cut -f1) MB)"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start=$(date +%s%N)
"${podman[@]}" run -d "${limits[@]}" --no-healthcheck --network host --name "$name" -v "$repo/nodes/national.toml:/etc/maex/node.toml:ro" \
  -v "$name:/data" localhost/maex-node:smoke serve --config /etc/maex/node.toml --listen "127.0.0.1:$port" --data /data > /dev/null
for _ in $(seq 300); do curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null || { "${podman[@]}" logs "$name" >&2; exit 1; }
echo "start-up (container start to /healthz 200, new node created): $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo "image health check: $("${podman[@]}" image inspect localhost/maex-node:smoke --format '{{.Config.Healthcheck.Test}}')"
echo "curl inside the container: $("${podman[@]}" exec "$name" curl -fsS "http://127.0.0.1:$port/healthz")"
echo "node: $(curl -fsS "http://127.0.0.1:$port/v1/node")"
echo "runs as: $("${podman[@]}" exec "$name" id -un), data: $("${podman[@]}" exec "$name" ls /data | tr '\n' ' ')"
"${podman[@]}" stop -t 10 "$name" > /dev/null
echo "stopped: exit $("${podman[@]}" inspect "$name" --format '{{.State.ExitCode}}')"

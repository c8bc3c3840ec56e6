#!/usr/bin/env bash
# Shows Docker 20.10's network fault with the docker CLI alone, no Clockwork: N containers on a
# network of their own, each replaced as Clockwork replaces a container (the new one made under
# a temporary name, the old one stopped, the new one started, the old one removed and the new one
# renamed; 8 at a time), then all removed; the network's
# removal is then often refused ("has active endpoints") although no container is on it, and stays
# refused until the engine restarts (moby/moby#42119). Prints how many rounds left such a network.
#
#   bench/network-race.sh [ROUNDS] [N]     defaults: 5, 50
#
# Needs a running engine and the test image (bin/test makes both). The networks it leaves are
# named network-race-PID-ROUND.
set -euo pipefail
rounds="${1:-5}"
n="${2:-50}"
export image=clockwork-test/busybox:1
export shell_command="trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"
docker image inspect "$image" >/dev/null
stuck=0
for round in $(seq 1 "$rounds"); do
  export net="network-race-$$-$round"
  docker network create "$net" >/dev/null
  seq 0 $((n - 1)) | xargs -P 8 -I{} sh -c \
    'docker run -d --name "$net-{}" --network "$net" --network-alias "c{}" "$image" sh -c "$shell_command" >/dev/null'
  seq 0 $((n - 1)) | xargs -P 8 -I{} sh -c \
    'docker create --name "$net-{}-new" --network "$net" --network-alias "c{}" -e GEN=2 "$image" sh -c "$shell_command" >/dev/null &&
     docker stop "$net-{}" >/dev/null && docker start "$net-{}-new" >/dev/null &&
     docker rm "$net-{}" >/dev/null && docker rename "$net-{}-new" "$net-{}"'
  seq 0 $((n - 1)) | xargs -P 8 -I{} sh -c 'docker stop "$net-{}" >/dev/null && docker rm "$net-{}" >/dev/null'
  if ! docker network rm "$net" >/dev/null 2>&1; then
    stuck=$((stuck + 1))
    echo "round $round: $net has no container, and Docker refuses to remove it: $(docker network inspect -f '{{len .Containers}}' "$net") containers on it" >&2
  fi
done
echo "$stuck of $rounds rounds left a network Docker will not remove (Docker $(docker version -f '{{.Server.Version}}'))"

#!/usr/bin/env bash
# Shows Docker 20.10's network fault with the docker CLI alone, no Clockwork: N containers on a
# network of their own, each replaced (8 at a time) as Clockwork replaces a container, then all
# removed; the network's removal is then often refused ("has active endpoints") although no
# container is on it, and stays refused until the engine restarts (moby/moby#42119). A refusal is
# tried again every 250 ms for 10 s, to tell a lasting one from one that settles.
#
#   bench/network-race.sh [ROUNDS] [N] [ORDER]     defaults: 5, 50, running
#
# ORDER "running" is how Clockwork replaced until 2026-12-06: the new one made under a temporary
# name, the old one stopped, the new one started, the old one removed, the running new one renamed.
# ORDER "stopped" is how it replaces now: the old one stopped and renamed aside, the new one renamed
# before it starts, the old one removed. Docker rewrites the network's endpoint count when a running
# container is renamed (libnetwork's endpoint rename), and a count written while another container
# on the network starts or stops is lost or kept wrong.
#
# Prints how many rounds left such a network. Needs a running engine and the test image (bin/test
# makes both). The networks it leaves are named network-race-PID-ROUND.
set -euo pipefail
rounds="${1:-5}"
n="${2:-50}"
order="${3:-running}"
export image=clockwork-test/busybox:1
export shell_command="trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"
docker image inspect "$image" >/dev/null
case "$order" in
  running) replace='docker stop "$net-{}" >/dev/null && docker start "$net-{}-new" >/dev/null &&
     docker rm "$net-{}" >/dev/null && docker rename "$net-{}-new" "$net-{}"' ;;
  stopped) replace='docker stop "$net-{}" >/dev/null && docker rename "$net-{}" "$net-{}-old" &&
     docker rename "$net-{}-new" "$net-{}" && docker start "$net-{}" >/dev/null &&
     docker rm "$net-{}-old" >/dev/null' ;;
  *) echo "ORDER is running or stopped, not \"$order\"" >&2; exit 2 ;;
esac
stuck=0
settled=0
for round in $(seq 1 "$rounds"); do
  export net="network-race-$$-$round"
  docker network create "$net" >/dev/null
  seq 0 $((n - 1)) | xargs -P 8 -I{} sh -c \
    'docker run -d --name "$net-{}" --network "$net" --network-alias "c{}" "$image" sh -c "$shell_command" >/dev/null'
  seq 0 $((n - 1)) | xargs -P 8 -I{} sh -c \
    'docker create --name "$net-{}-new" --network "$net" --network-alias "c{}" -e GEN=2 "$image" sh -c "$shell_command" >/dev/null && '"$replace"
  seq 0 $((n - 1)) | xargs -P 8 -I{} sh -c 'docker stop "$net-{}" >/dev/null && docker rm "$net-{}" >/dev/null'
  if ! docker network rm "$net" >/dev/null 2>&1; then
    for _ in $(seq 1 40); do
      sleep 0.25
      if docker network rm "$net" >/dev/null 2>&1; then settled=$((settled + 1)); break; fi
    done
    if docker network inspect "$net" >/dev/null 2>&1; then
      stuck=$((stuck + 1))
      echo "round $round: $net has no container, and Docker refuses to remove it: $(docker network inspect -f '{{len .Containers}}' "$net") containers on it" >&2
    fi
  fi
done
echo "order $order: $stuck of $rounds rounds left a network Docker will not remove, $settled refusals settled within 10 s (Docker $(docker version -f '{{.Server.Version}}'))"

#!/usr/bin/env bash
# Benchmarks containers at several sizes: Clockwork's apply, no-change plan, replace of every
# container (an environment change) and destroy, beside docker-compose (up -d, a second up -d that
# changes nothing, up -d after the same change, down) and the floor: the same containers made,
# replaced and removed straight through the Engine API (curl on the socket, 8 at a time). Rounds
# are interleaved so that a machine that slows down slows every tool alike; the tables give
# medians. Prints each of issue 15's targets with its measured value and "met" or "not met", and
# writes a plot of time against size (SVG) for Clockwork, compose and the floor.
#
#   bench/containers.sh [SIZES] [ROUNDS] [PLOT]     defaults: "10 50 200", 3, containers.svg
#
# Needs a built Clockwork, a running engine and the test image (bin/test makes both); installs
# docker-compose and hyperfine with apt-get when missing. Each container is busybox httpd behind a
# shell that exits on SIGTERM, so that stopping measures the tools, not Docker's 10-second grace.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sizes="${1:-10 50 200}"
rounds="${2:-3}"
plot="${3:-containers.svg}"
image=clockwork-test/busybox:1
shell_command="trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"
clockwork="$root/bin/clockwork"

command -v docker-compose >/dev/null || apt-get install -y -qq docker-compose >/dev/null
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null
docker image inspect "$image" >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

declare -A times
# Docker 20.10 sometimes miscounts a network's endpoints when containers on it start and stop at
# once (moby/moby#42119, bench/network-race.sh shows it with the docker CLI alone): then it refuses
# to remove the network, with no container on it, until the engine restarts. Such a removal is
# counted, not taken for the tool's failure; every name here is this run's own, so that a network
# left so never stands in another run's way.
refusals="$work/refusals"
# A step that hung (compose, below) leaves no sample: the tables say "hung" where none is left.
seconds() {
  local start end status=0
  start=$(date +%s.%N)
  "$@" >"$work/output" 2>&1 || status=$?
  if [ "$status" = 124 ]; then return 0; fi
  if [ "$status" != 0 ]; then
    if grep -q "has active endpoints" "$work/output"; then
      echo "$*" >>"$refusals"
    else
      echo "failed: $*" >&2; tail -20 "$work/output" >&2; return 1
    fi
  fi
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
record() { local key="$1"; shift; times[$key]+="$(seconds "$@") "; }
median() { tr ' ' '\n' | { grep . || true; } | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { if [ -n "$1" ] && [ -n "$2" ]; then echo "scale=2; $1 / $2" | bc; fi; }
shown() { if [ -n "$1" ]; then printf '%.2f s' "$1"; else echo "hung"; fi; }
verdict() { # CONDITION MEASURED
  if [ -z "$2" ]; then echo "not measured"
  elif [ "$(echo "$1" | bc)" = 1 ]; then echo "met"; else echo "not met"; fi
}

# The floor: N containers raw-I-GEN made, replaced, removed through the Engine API, on a network
# of their own where each is found by its name, as Clockwork's and compose's are.
api() { curl -sf --unix-socket /var/run/docker.sock "$@"; }
export -f api
network="cwbench-raw-$$"
container_json() { # GEN INDEX
  jq -cn --arg image "$image" --arg cmd "$shell_command" --arg gen "$1" --arg net "$network" \
    --arg alias "raw-$2" '{Image:$image,Cmd:["sh","-c",$cmd],Env:["GEN="+$gen],
      HostConfig:{NetworkMode:$net},NetworkingConfig:{EndpointsConfig:{($net):{Aliases:[$alias]}}}}'
}
export -f container_json
export image shell_command network
raw_create() { # GEN
  # kept when a removal of it was refused (above); made again otherwise
  api -X POST -H 'Content-Type: application/json' -d "{\"Name\":\"$network\",\"CheckDuplicate\":true}" \
    http://v1.41/networks/create >/dev/null || api "http://v1.41/networks/$network" >/dev/null
  seq 0 $((n - 1)) | xargs -P 8 -I{} bash -c \
    "api -X POST -H 'Content-Type: application/json' -d \"\$(container_json $1 {})\" \
       'http://v1.41/containers/create?name=raw-{}-$1' >/dev/null &&
     api -X POST 'http://v1.41/containers/raw-{}-$1/start' >/dev/null"
}
raw_remove() { # GEN
  seq 0 $((n - 1)) | xargs -P 8 -I{} bash -c \
    "api -X POST 'http://v1.41/containers/raw-{}-$1/stop?t=10' >/dev/null &&
     api -X DELETE 'http://v1.41/containers/raw-{}-$1' >/dev/null"
  api -X DELETE "http://v1.41/networks/$network" >/dev/null ||
    { echo "has active endpoints" >&2; return 1; } # the only way its removal fails here
}
# A replace, as a tool does it: the new container made and started, the old one stopped and removed.
raw_replace() { # OLD NEW
  seq 0 $((n - 1)) | xargs -P 8 -I{} bash -c \
    "api -X POST -H 'Content-Type: application/json' -d \"\$(container_json $2 {})\" \
       'http://v1.41/containers/create?name=raw-{}-$2' >/dev/null &&
     api -X POST 'http://v1.41/containers/raw-{}-$2/start' >/dev/null &&
     api -X POST 'http://v1.41/containers/raw-{}-$1/stop?t=10' >/dev/null &&
     api -X DELETE 'http://v1.41/containers/raw-{}-$1' >/dev/null"
}
command -v jq >/dev/null || apt-get install -y -qq jq >/dev/null

# Clockwork's project reads GEN from the environment; compose's file is written per generation.
project() {
  mkdir -p "$work/cw$$-$n"
  cat > "$work/cw$$-$n/main.java" <<JAVA
import clockwork.*;
import clockwork.resources.*;

void main() {
    String generation = System.getenv().getOrDefault("GEN", "1");
    for (int i = 0; i < $n; i++) {
        Clockwork.declare(new DockerResource("cw-" + i).image("$image").envVar("GEN", generation)
            .command("sh", "-c", "trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"));
    }
}
JAVA
  (cd "$work/cw$$-$n" && "$clockwork" validate >/dev/null) # compiles main.java outside the measurements
}
compose_file() { # GEN
  mkdir -p "$work/dc-$n"
  {
    echo "version: '3'"
    echo "services:"
    for i in $(seq 0 $((n - 1))); do
      echo "  dc-$i:"
      echo "    image: $image"
      echo "    environment: [GEN=$1]"
      printf '    command: ["sh", "-c", "%s"]\n' "$shell_command"
    done
  } > "$work/dc-$n/docker-compose.yml"
}
cw() { (cd "$work/cw$$-$n" && GEN="$1" "$clockwork" "${@:2}"); }
# docker-compose 1.29 sometimes hangs midway through making containers, the engine idle, more often
# the more services (docker/compose#6705, #7486, #8161): a step that takes over 5 minutes is counted
# as hung, what it made is removed, and compose sits out the rest of the round.
hangs="$work/hangs"
dc() {
  if [ -e "$work/hung-$n-$round" ]; then return 124; fi
  compose_file "$1"
  local status=0
  timeout 300 docker-compose -p "cwbench$$-$n" -f "$work/dc-$n/docker-compose.yml" "${@:2}" || status=$?
  if [ "$status" = 124 ]; then
    touch "$work/hung-$n-$round"
    echo "$n containers, round $round: docker-compose ${*:2}" >>"$hangs"
    docker ps -aq --filter "label=com.docker.compose.project=cwbench$$-$n" | xargs -r docker rm -f >/dev/null
    docker network rm "cwbench$$-${n}_default" >/dev/null 2>&1 || true
  fi
  return "$status"
}

for n in $sizes; do
  project
  for round in $(seq 1 "$rounds"); do
    record "$n floor up" raw_create 1
    record "$n floor replace" raw_replace 1 2
    record "$n floor down" raw_remove 2
    record "$n clockwork apply" cw 1 apply --yes
    record "$n clockwork plan" cw 1 plan
    record "$n clockwork replace" cw 2 apply --yes
    record "$n clockwork destroy" cw 2 destroy --yes
    record "$n compose up" dc 1 up -d
    record "$n compose no-change up" dc 1 up -d
    record "$n compose replace" dc 2 up -d
    record "$n compose down" dc 2 down
    echo "$n containers: round $round done" >&2
  done
  # the no-change plan once more, for its peak memory and a mean over 10 runs
  cw 1 apply --yes >/dev/null
  /usr/bin/time -f "%M" -o "$work/rss" bash -c "cd '$work/cw$$-$n' && GEN=1 '$clockwork' plan" >/dev/null
  times["$n clockwork plan rss"]=$(( $(cat "$work/rss") / 1024 ))
  (cd "$work/cw$$-$n" && GEN=1 hyperfine -N --warmup 2 --runs 10 --export-json "$work/h.json" "$clockwork plan" >/dev/null 2>&1)
  times["$n clockwork plan mean"]=$(python3 -c "import json;print(round(json.load(open('$work/h.json'))['results'][0]['mean'],3))")
  seconds cw 1 destroy --yes >/dev/null
done

echo "| containers | step | Clockwork | compose | floor | Clockwork / floor | compose / floor |"
echo "|---|---|---|---|---|---|---|"
for n in $sizes; do
  for step in "up:apply:up" "replace:replace:replace" "down:destroy:down"; do
    IFS=: read -r floor_step cw_step dc_step <<<"$step"
    f=$(echo "${times[$n floor $floor_step]}" | median)
    c=$(echo "${times[$n clockwork $cw_step]}" | median)
    d=$(echo "${times[$n compose $dc_step]}" | median)
    compose_ratio=$(ratio "$d" "$f")
    printf '| %s | %s | %s | %s | %s | %s× | %s |\n' "$n" "$cw_step" "$(shown "$c")" "$(shown "$d")" \
      "$(shown "$f")" "$(ratio "$c" "$f")" "${compose_ratio:+$compose_ratio×}"
  done
  c=$(echo "${times[$n clockwork plan]}" | median)
  d=$(echo "${times[$n compose no-change up]}" | median)
  printf '| %s | no-change plan / up | %s (mean of 10: %s s, %s MiB) | %s | | | |\n' \
    "$n" "$(shown "$c")" "${times[$n clockwork plan mean]}" "${times[$n clockwork plan rss]}" "$(shown "$d")"
done

# issue 15's targets, at 50 containers when measured, else at the middle size
target_n=50
[[ " $sizes " == *" 50 "* ]] || target_n=$(echo "$sizes" | awk '{print $(int((NF+1)/2))}')
plan=${times[$target_n clockwork plan mean]}
noop=$(echo "${times[$target_n compose no-change up]}" | median)
apply=$(ratio "$(echo "${times[$target_n clockwork apply]}" | median)" "$(echo "${times[$target_n floor up]}" | median)")
destroy=$(ratio "$(echo "${times[$target_n clockwork destroy]}" | median)" "$(echo "${times[$target_n floor down]}" | median)")
replace=$(ratio "$(echo "${times[$target_n clockwork replace]}" | median)" "$(echo "${times[$target_n floor replace]}" | median)")
faster=$(ratio "$noop" "$plan")
rss=${times[$target_n clockwork plan rss]}
echo
echo "| target ($target_n containers) | measured | |"
echo "|---|---|---|"
echo "| no-change plan ≤ 0.20 s, JVM start included | $plan s | $(verdict "$plan <= 0.20" "$plan") |"
echo "| no-change plan ≥ 3.5× faster than compose's no-op up -d | ${faster:+${faster}×} | $(verdict "$faster >= 3.5" "$faster") |"
echo "| apply ≤ 1.10× the floor | ${apply}× | $(verdict "$apply <= 1.10" "$apply") |"
echo "| destroy ≤ 1.10× the floor | ${destroy}× | $(verdict "$destroy <= 1.10" "$destroy") |"
echo "| replacing all ≤ 1.15× the floor | ${replace}× | $(verdict "$replace <= 1.15" "$replace") |"
echo "| no-change plan's peak memory ≤ 100 MiB | $rss MiB | $(verdict "$rss <= 100" "$rss") |"

# time against size: apply (solid) and destroy (dashed) of each tool
{
  for n in $sizes; do
    for tool in "floor:up:down" "clockwork:apply:destroy" "compose:up:down"; do
      IFS=: read -r name up down <<<"$tool"
      made=$(echo "${times[$n $name $up]}" | median)
      removed=$(echo "${times[$n $name $down]}" | median)
      echo "$n $name ${made:--} ${removed:--}"
    done
  done
} | python3 "$root/bench/plot.py" "containers made (solid) and removed (dashed)" > "$plot"
echo
echo "plot: $plot"
if [ -s "$refusals" ]; then
  echo
  echo "Docker refused to remove a network that no container was on (moby/moby#42119), after:"
  sort "$refusals" | uniq -c | sed 's/^/  /'
  echo "Those networks stay until the engine restarts."
fi
if [ -s "$hangs" ]; then
  echo
  echo "docker-compose hung (no call of its pending, the engine idle) and was stopped after 5 minutes:"
  sed 's/^/  /' "$hangs"
fi

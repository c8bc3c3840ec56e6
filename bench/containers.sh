#!/usr/bin/env bash
# Benchmarks containers: Clockwork's apply, no-change plan and destroy of N containers, beside
# docker-compose (up -d, a second up -d that changes nothing, down) and the floor: the same
# containers created and started, then stopped and removed, straight through the Engine API
# (curl on the socket, 8 at a time). Rounds are interleaved so that a machine that slows down
# slows every tool alike; the table gives medians, and each tool's time over the floor.
#
#   bench/containers.sh [N] [ROUNDS]      defaults: 50 and 3
#
# Needs a built Clockwork, a running engine and the test image (bin/test makes both); installs
# docker-compose with apt-get when missing. Each container is busybox httpd behind a shell that
# exits on SIGTERM, so that stopping measures the tools, not Docker's 10-second grace.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-50}"
rounds="${2:-3}"
image=clockwork-test/busybox:1
command_json='["sh","-c","trap '"'"'exit 0'"'"' TERM; httpd -f -p 80 -h /www & wait"]'
clockwork="$root/bin/clockwork"

command -v docker-compose >/dev/null || apt-get install -y -qq docker-compose >/dev/null
docker image inspect "$image" >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Clockwork's project
mkdir -p "$work/clockwork"
cat > "$work/clockwork/main.java" <<JAVA
import clockwork.*;
import clockwork.resources.*;

void main() {
    for (int i = 0; i < $n; i++) {
        Clockwork.declare(new DockerResource("cw-" + i).image("$image")
            .command("sh", "-c", "trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"));
    }
}
JAVA
(cd "$work/clockwork" && "$clockwork" plan >/dev/null 2>&1)   # compile main.java outside the measurements

# compose's project
mkdir -p "$work/compose"
{
  echo "version: '3'"
  echo "services:"
  for i in $(seq 0 $((n - 1))); do
    echo "  dc-$i:"
    echo "    image: $image"
    echo "    command: $command_json"
  done
} > "$work/compose/docker-compose.yml"

api() { curl -sf --unix-socket /var/run/docker.sock "$@"; }
raw_up() {
  seq 0 $((n - 1)) | xargs -P 8 -I{} sh -c \
    "curl -sf --unix-socket /var/run/docker.sock -X POST -H 'Content-Type: application/json' \
       -d '{\"Image\":\"$image\",\"Cmd\":$(printf '%s' "$command_json" | sed "s/'/'\\\\''/g")}' \
       'http://v1.41/containers/create?name=raw-{}' >/dev/null &&
     curl -sf --unix-socket /var/run/docker.sock -X POST 'http://v1.41/containers/raw-{}/start' >/dev/null"
}
raw_down() {
  seq 0 $((n - 1)) | xargs -P 8 -I{} sh -c \
    "curl -sf --unix-socket /var/run/docker.sock -X POST 'http://v1.41/containers/raw-{}/stop?t=10' >/dev/null &&
     curl -sf --unix-socket /var/run/docker.sock -X DELETE 'http://v1.41/containers/raw-{}' >/dev/null"
}

declare -A times
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
record() { local key="$1"; shift; times[$key]+="$(seconds "$@") "; }

for round in $(seq 1 "$rounds"); do
  record "raw up" raw_up
  record "raw down" raw_down
  record "clockwork apply" sh -c "cd '$work/clockwork' && '$clockwork' apply --yes"
  record "clockwork plan" sh -c "cd '$work/clockwork' && '$clockwork' plan"
  record "clockwork destroy" sh -c "cd '$work/clockwork' && '$clockwork' destroy --yes"
  record "compose up" docker-compose -p "cwbench" -f "$work/compose/docker-compose.yml" up -d
  record "compose no-change up" docker-compose -p "cwbench" -f "$work/compose/docker-compose.yml" up -d
  record "compose down" docker-compose -p "cwbench" -f "$work/compose/docker-compose.yml" down
  echo "round $round done" >&2
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
floor_up=$(echo "${times[raw up]}" | median)
floor_down=$(echo "${times[raw down]}" | median)
echo "| step ($n containers, median of $rounds) | wall | over the floor |"
echo "|---|---|---|"
for key in "raw up" "clockwork apply" "compose up" "raw down" "clockwork destroy" "compose down" "clockwork plan" "compose no-change up"; do
  m=$(echo "${times[$key]}" | median)
  case "$key" in
    "raw up" | "compose up" | "clockwork apply") ratio=$(echo "scale=2; $m / $floor_up" | bc)"×" ;;
    "raw down" | "compose down" | "clockwork destroy") ratio=$(echo "scale=2; $m / $floor_down" | bc)"×" ;;
    *) ratio="" ;;
  esac
  printf '| %s | %.2f s | %s |\n' "$key" "$m" "$ratio"
done

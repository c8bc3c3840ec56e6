#!/usr/bin/env bash
# Benchmarks the reconciliation service: its memory and CPU while it watches P projects of C
# containers each (checks every 30 s, the default), and the time from a container's death to its
# restoration: the service (restart policy "no", Policy.autoCorrect, checks every second) beside
# Docker's own restart policy "always" for the same container, in the same run. Prints Markdown
# tables; docs/benchmarks.md keeps the latest.
#
#   bench/service.sh [P] [C] [SECONDS]      defaults: 10, 10 and 60 (how long CPU is sampled)
#
# Needs a built Clockwork, a running engine and the test image (bin/test makes both).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
projects="${1:-10}"
containers="${2:-10}"
seconds="${3:-60}"
image=clockwork-test/busybox:1
clockwork="$root/bin/clockwork"
work="$(mktemp -d /tmp/clockwork-bench-service.XXXX)"
export HOME="$work/home" CW_SERVICE_PORT=18799
cleanup() {
  "$clockwork" service stop >/dev/null 2>&1 || true
  for p in "$work"/bench-service-*; do [ -d "$p" ] && "$clockwork" destroy --dir "$p" --yes >/dev/null 2>&1 || true; done
  docker rm -f bench-always >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$HOME"
docker image inspect "$image" >/dev/null

# P projects of C containers, each a shell that exits on SIGTERM
for p in $(seq 1 "$projects"); do
  mkdir -p "$work/bench-service-p$p"
  cat > "$work/bench-service-p$p/main.java" <<JAVA
import clockwork.*;
import clockwork.resources.*;

void main() {
    for (int i = 0; i < $containers; i++) {
        Clockwork.declare(new DockerResource("bench-$p-" + i).image("$image")
            .command("sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"));
    }
}
JAVA
  "$clockwork" apply --dir "$work/bench-service-p$p" --yes >/dev/null
done
"$clockwork" service start >/dev/null
for p in $(seq 1 "$projects"); do "$clockwork" service register --dir "$work/bench-service-p$p" >/dev/null; done
pid="$(cut -d' ' -f1 "$HOME/.local/state/clockwork/service/service.pid")"
sleep 40 # every project checked once and the JIT settled
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before="$(ticks)"
sleep "$seconds"
after="$(ticks)"
hz="$(getconf CLK_TCK)"
rss="$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")"
cpu="$(awk -v t="$((after - before))" -v hz="$hz" -v s="$seconds" 'BEGIN {printf "%.1f", 100 * t / hz / s}')"
echo "| watching | resident memory | CPU over ${seconds} s |"
echo "|---|---|---|"
echo "| $projects projects of $containers containers, checked every 30 s | $((rss / 1024)) MiB | $cpu % of one core |"
"$clockwork" service stop >/dev/null

# death to restoration, five times each, 12 s apart (Docker backs off restarts of a container that
# ran less than 10 s)
pid_of() { docker inspect -f '{{if .State.Running}}{{.State.Pid}}{{end}}' "$1" 2>/dev/null; }
restore() { # container, then prints the seconds from its death until it runs again
  local start old
  old="$(pid_of "$1")"
  start="$(date +%s.%N)"
  # its process dies, as a crash would (docker kill counts as a person stopping it)
  kill -9 "$old"
  until [ -n "$(pid_of "$1")" ] && [ "$(pid_of "$1")" != "$old" ]; do sleep 0.01; done
  echo "$(date +%s.%N) - $start" | bc
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mkdir -p "$work/bench-service-heal"
cat > "$work/bench-service-heal/main.java" <<JAVA
import clockwork.*;
import clockwork.resources.*;

void main() {
    Clockwork.declare(new DockerResource("bench-heal").image("$image").restartPolicy("no")
        .command("sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait")
        .policy(Policy.autoCorrect().fixesPerHour(100)));
}
JAVA
"$clockwork" apply --dir "$work/bench-service-heal" --yes >/dev/null
CW_SERVICE_INTERVAL=1 CW_SERVICE_COOLDOWN=1 "$clockwork" service start >/dev/null
"$clockwork" service register --dir "$work/bench-service-heal" >/dev/null
sleep 10
service="$(for i in 1 2 3 4 5; do restore bench-heal; sleep 12; done | median)"
"$clockwork" service stop >/dev/null
"$clockwork" destroy --dir "$work/bench-service-heal" --yes >/dev/null
docker run -d --name bench-always --restart always "$image" sh -c "trap 'exit 0' TERM; sleep 3600 & wait" >/dev/null
always="$(for i in 1 2 3 4 5; do restore bench-always; sleep 12; done | median)"
echo
echo "| restores a killed container | median of 5 |"
echo "|---|---|"
echo "| Clockwork service (checks every 1 s, autoCorrect) | $(printf '%.2f' "$service") s |"
echo "| Docker, restart policy \"always\" | $(printf '%.2f' "$always") s |"

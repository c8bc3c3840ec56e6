#!/usr/bin/env bash
# Benchmarks completion by the model: a plan of N independent resources that each need the model,
# against a scripted OpenAI-compatible server on loopback that waits DELAY seconds before each
# answer and counts the requests it answers at once. Measured at CW_MODEL_CONCURRENCY 1, the
# default (4) and N; prints issue 15's target with its measured value and "met" or "not met".
#
#   bench/model.sh [N] [DELAY]      defaults: 10 and 1
#
# Needs a built Clockwork and the test image (bin/test makes it): the model's answers name it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-10}"
delay="${2:-1}"
clockwork="$root/bin/clockwork"
work="$(mktemp -d)"
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid"; rm -rf "$work"' EXIT

cat > "$work/server.py" <<'PYTHON'
import http.server, json, sys, threading, time
delay, counts = float(sys.argv[1]), {"now": 0, "most": 0}
lock = threading.Lock()
ANSWER = {"image": "clockwork-test/busybox:1", "ports": [], "envVars": [], "volumes": [],
          "command": ["httpd", "-f", "-p", "80", "-h", "/www"]}
class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args): pass
    def do_GET(self):  # /most: the most requests answered at once since the last look
        with lock:
            body, counts["most"] = str(counts["most"]).encode(), 0
        self.send_response(200); self.end_headers(); self.wfile.write(body)
    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        with lock:
            counts["now"] += 1; counts["most"] = max(counts["most"], counts["now"])
        time.sleep(delay)
        with lock:
            counts["now"] -= 1
        body = json.dumps({"id": "bench", "object": "chat.completion", "model": "scripted",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": json.dumps(ANSWER)}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
PYTHON
python3 "$work/server.py" "$delay" > "$work/port" &
server_pid=$!
until [ -s "$work/port" ]; do sleep 0.1; done
port=$(cat "$work/port")

mkdir -p "$work/project"
cat > "$work/project/main.java" <<JAVA
import clockwork.*;
import clockwork.resources.*;

void main() {
    for (int i = 0; i < $n; i++) {
        Clockwork.declare(new DockerResource("web-" + i).description("a static web server"));
    }
}
JAVA
export CW_BASE_URL="http://127.0.0.1:$port/v1" CW_API_KEY=bench CW_MODEL=scripted
(cd "$work/project" && "$clockwork" validate >/dev/null 2>&1 || true) # compiles main.java

echo "| $n resources, answers after $delay s | plan | most requests at once |"
echo "|---|---|---|"
declare -A took
for concurrency in 1 4 "$n"; do
  rm -f "$work/project/clockwork.lock"
  start=$(date +%s.%N)
  (cd "$work/project" && CW_MODEL_CONCURRENCY=$concurrency "$clockwork" plan >"$work/plan.txt" 2>&1) ||
    { cat "$work/plan.txt"; exit 1; }
  end=$(date +%s.%N)
  took[$concurrency]=$(echo "$end - $start" | bc)
  most=$(curl -s "http://127.0.0.1:$port/most")
  printf '| CW_MODEL_CONCURRENCY=%s | %.2f s | %s |\n' "$concurrency" "${took[$concurrency]}" "$most"
done
# the same plan with every answer pinned in clockwork.lock: what the plan costs without the model
start=$(date +%s.%N)
(cd "$work/project" && "$clockwork" plan >/dev/null 2>&1)
end=$(date +%s.%N)
pinned=$(echo "$end - $start" | bc)
printf '| answers pinned in clockwork.lock (no request) | %.2f s | 0 |\n' "$pinned"
echo
limit=$(echo "$delay * 1.5" | bc)
completion=$(echo "${took[$n]} - $pinned" | bc)
met=$([ "$(echo "$completion <= $limit" | bc)" = 1 ] && echo met || echo "not met")
printf '| target | measured | |\n|---|---|---|\n'
printf '| %s resources completed by the model ≤ %.1f s (answers after %s s, CW_MODEL_CONCURRENCY=%s; the plan less the pinned plan) | %.2f s | %s |\n' \
  "$n" "$limit" "$delay" "$n" "$completion" "$met"

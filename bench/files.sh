#!/usr/bin/env bash
# Benchmarks file resources: Clockwork's apply, no-change plan and destroy at growing sizes, and
# Ansible (ansible-core from Debian: declarative, idempotent, the nearest alternative reachable
# here) doing the same at the size it can manage, in the same run; and the first command after a
# build (the quickstart's apply, its main.java never compiled, no cache of the user's). Prints a
# Markdown table of wall time and peak memory, then issue 15's targets with their measured values
# and "met" or "not met"; docs/benchmarks.md keeps the latest.
#
#   bench/files.sh [SIZES] [ANSIBLE_SIZE]      defaults: "1000 10000" and 100
#
# Needs a built Clockwork (mvn -q package -DskipTests). Installs ansible-core and hyperfine with
# apt-get when missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sizes="${1:-1000 10000}"
ansible_size="${2:-100}"
clockwork="$root/bin/clockwork"

if ! command -v ansible-playbook >/dev/null || ! command -v hyperfine >/dev/null; then
  apt-get install -y -qq ansible-core hyperfine >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One timed run: prints "seconds KB" (wall time, peak resident memory).
timed() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1; cat "$work/time"; }
# The mean of repeated runs of a command that changes nothing, in seconds.
mean() { hyperfine -N --warmup 1 --runs 5 --export-json "$work/h.json" "$*" >/dev/null 2>&1
         python3 -c "import json;print(round(json.load(open('$work/h.json'))['results'][0]['mean'],2))"; }
row() { printf '| %s | %s | %s s | %s MiB |\n' "$1" "$2" "$3" "$(( $4 / 1024 ))"; }

declare -A applied destroyed plan_mean
verdict() { if [ "$(echo "$1" | bc)" = 1 ]; then echo "met"; else echo "not met"; fi; }

echo "| tool | step | wall | peak memory |"
echo "|---|---|---|---|"
for n in $sizes; do
  dir="$work/clockwork-$n"
  mkdir -p "$dir"
  cat > "$dir/main.java" <<JAVA
import clockwork.*;
import clockwork.resources.*;

void main() {
    for (int i = 0; i < $n; i++) {
        Clockwork.declare(new FileResource("f" + i).directory("files/d" + (i % 100)).content("file number " + i + "\n"));
    }
}
JAVA
  (cd "$dir" && "$clockwork" plan >/dev/null 2>&1)   # compile main.java once, outside the measurements
  read -r s kb < <(cd "$dir" && timed "$clockwork" apply --yes); row "Clockwork" "apply, $n files" "$s" "$kb"
  applied[$n]=$s
  read -r s kb < <(cd "$dir" && timed "$clockwork" plan); row "Clockwork" "no-change plan, $n files (one run)" "$s" "$kb"
  plan_mean[$n]=$(cd "$dir" && mean "$clockwork" plan)
  row "Clockwork" "no-change plan, $n files (mean of 5)" "${plan_mean[$n]}" "$kb"
  read -r s kb < <(cd "$dir" && timed "$clockwork" destroy --yes); row "Clockwork" "destroy, $n files" "$s" "$kb"
  destroyed[$n]=$s
done

quickstart="$work/quickstart"
cp -r "$root/examples/quickstart" "$quickstart"
rm -rf "$quickstart/.clockwork" "$quickstart/scratch"
read -r first kb < <(XDG_CACHE_HOME="$work/cache" timed "$clockwork" apply --yes --dir "$quickstart")
row "Clockwork" "first command after a build: quickstart apply, nothing compiled or cached" "$first" "$kb"

dir="$work/ansible"
mkdir -p "$dir"
cat > "$dir/files.yml" <<'YAML'
- hosts: localhost
  connection: local
  gather_facts: false
  tasks:
    - ansible.builtin.file:
        path: "{{ playbook_dir }}/files/d{{ item }}"
        state: "{{ 'directory' if wanted == 'present' else 'absent' }}"
      loop: "{{ range(0, 100) | list }}"
      when: wanted == 'present'
    - ansible.builtin.copy:
        dest: "{{ playbook_dir }}/files/d{{ item % 100 }}/f{{ item }}"
        content: "file number {{ item }}\n"
        mode: "0644"
      loop: "{{ range(0, n | int) | list }}"
      when: wanted == 'present'
    - ansible.builtin.file:
        path: "{{ playbook_dir }}/files"
        state: absent
      when: wanted == 'absent'
YAML
play=(ansible-playbook -i localhost, "$dir/files.yml" -e "n=$ansible_size")
read -r s kb < <(timed "${play[@]}" -e wanted=present); row "Ansible" "apply, $ansible_size files" "$s" "$kb"
read -r s kb < <(timed "${play[@]}" -e wanted=present --check); row "Ansible" "no-change check, $ansible_size files" "$s" "$kb"
read -r s kb < <(timed "${play[@]}" -e wanted=absent); row "Ansible" "destroy, $ansible_size files" "$s" "$kb"

largest=$(echo "$sizes" | awk '{print $NF}')
echo
echo "| target | measured | |"
echo "|---|---|---|"
echo "| no-change plan of $largest files ≤ 0.5 s | ${plan_mean[$largest]} s | $(verdict "${plan_mean[$largest]} <= 0.5") |"
echo "| destroying $largest files no slower than applying them | ${destroyed[$largest]} s against ${applied[$largest]} s | $(verdict "${destroyed[$largest]} <= ${applied[$largest]}") |"
echo "| first command after a build ≤ 1.0 s | $first s | $(verdict "$first <= 1.0") |"

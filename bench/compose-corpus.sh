#!/usr/bin/env bash
# Measures `clockwork import compose` on a corpus of compose files, such as docker/awesome-compose:
# for every compose file under DIR, copies its directory (the files it mounts and builds from)
# to a scratch directory, imports it, and plans the result against the Docker engine. Prints how
# many convert, compile and plan without error, the ones that do not with their first error line,
# and the settings not carried over, by how many files use each. docs/compose.md keeps the latest.
#
#   bench/compose-corpus.sh DIR
#
# Needs a built Clockwork (mvn -q package -DskipTests) and a running Docker engine; pulls nothing
# and builds nothing (plan only).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$(cd "${1:?give the directory of compose files}" && pwd)"
clockwork="$root/bin/clockwork"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

files=0 converted=0 compiled=0 planned=0
: >"$work/left"
while IFS= read -r file; do
  files=$((files + 1))
  rel="${file#"$corpus"/}"
  project="$work/p$files"
  cp -r "$(dirname "$file")" "$project"
  rm -f "$project/main.java"
  if ! "$clockwork" import compose --dir "$project" "$project/$(basename "$file")" \
      >"$work/out" 2>"$work/err"; then
    echo "- $rel: does not convert: $(head -1 "$work/err")"
    continue
  fi
  converted=$((converted + 1))
  # each setting not carried over, once per file
  sed -n 's/^  service [^:]*: \([^.]*\).*/\1/p; s/^  \([a-z_-]*\)$/\1/p' "$work/out" | sort -u >>"$work/left"
  if "$clockwork" plan --dir "$project" >"$work/out" 2>"$work/err"; then
    compiled=$((compiled + 1)) planned=$((planned + 1))
  elif grep -qE ' errors? in .*main\.java; fix' "$work/err"; then
    echo "- $rel: does not compile: $(grep -m1 'main.java:' "$work/err")"
  else
    compiled=$((compiled + 1))
    echo "- $rel: does not plan: $(grep -m1 -v '^Compiling' "$work/err")"
  fi
done < <(find "$corpus" -regextype posix-extended -regex '.*/(docker-)?compose\.ya?ml' \
  -not -path '*/node_modules/*' | sort)

echo
echo "| compose files | convert | compile | plan |"
echo "|---|---|---|---|"
echo "| $files | $converted | $compiled | $planned |"
echo
echo "| setting not carried over | files |"
echo "|---|---|"
sort "$work/left" | uniq -c | sort -k1,1nr -k2 | awk '{printf "| `%s` | %s |\n", $2, $1}'

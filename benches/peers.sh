#!/usr/bin/env bash
# Cumulative time in space per astronaut over a synthetic catalog, orbitline beside the tools a user would
# reach for instead, timed in ONE hyperfine run so that the ratios hold when the machine's speed drifts:
#   orbitline records --kind cumulative, without the cache (--no-cache) and with a warm cache
#   pandas     benches/peers/cumulative.py   (needs pandas: `pip install pandas`)
#   jq         benches/peers/cumulative.jq   (needs jq: `apt-get install jq`)
#   cat        of every file of the catalog (the cost of reading the files, nothing else)
# then the peak memory of each with /usr/bin/time -v. All four answers are checked to agree first.
# Usage: bash benches/peers.sh [FLIGHTS] [RUNS]   (default 20000 flights, 5 runs; release build, under nice)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
runs=${2:-5}
nice cargo build --release --quiet --example synth
nice cargo build --release --quiet --bin orbitline
bin=$PWD/target/release/orbitline
tmp=${TMPDIR:-/tmp}/orbitline-bench
dir=$tmp/synth-$n
[ -d "$dir" ] || target/release/examples/synth --flights "$n" --seed 7 --out "$dir" >/dev/null
export ORBITLINE_CACHE=$tmp/cache
now=2200-01-01T00:00Z
flights="find $dir -name '*.json' ! -name astronauts.json ! -name spacecraft.json ! -name stations.json"
bytes=$(find "$dir" -name '*.json' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
echo "== $n flights: $(find "$dir" -name '*.json' | wc -l) files, $bytes bytes of JSON"

declare -a names cmds
add() { names+=("$1"); cmds+=("$2"); }
add "orbitline, no cache" "$bin --data $dir --now $now --no-cache records --kind cumulative"
add "orbitline, warm cache" "$bin --data $dir --now $now records --kind cumulative"
missing=()
if python3 -c 'import pandas' 2>/dev/null; then
  add "pandas" "python3 benches/peers/cumulative.py $dir $now"
else
  missing+=("pandas (pip install pandas)")
fi
if command -v jq >/dev/null; then
  add "jq" "$flights -exec cat {} + | jq -rn --arg now ${now%Z}:00Z -f benches/peers/cumulative.jq"
else
  missing+=("jq (apt-get install jq)")
fi
add "cat of the files" "find $dir -name '*.json' -exec cat {} + > /dev/null"
for m in "${missing[@]}"; do echo "MISSING PEER, not timed: $m"; done

# The answers agree (the top astronaut and their seconds), and the cache is warm.
"$bin" --data "$dir" --now $now records --kind cumulative --json \
  | python3 -c 'import json,sys; e=json.load(sys.stdin)["entries"][0]; print("orbitline:", e["key"], e["elapsed"]["seconds"])'
for i in "${!names[@]}"; do
  case "${names[$i]}" in pandas|jq) echo "${names[$i]}: $(bash -c "${cmds[$i]}" | head -1)";; esac
done

args=()
for i in "${!names[@]}"; do args+=(--command-name "${names[$i]}" "${cmds[$i]}"); done
nice hyperfine --warmup 1 --runs "$runs" --style basic --export-markdown "$tmp/peers-$n.md" "${args[@]}"
cat "$tmp/peers-$n.md"
echo "peak memory (/usr/bin/time -v, one run each; JSON is $((bytes / 1048576)) MiB):"
for i in "${!names[@]}"; do
  kb=$(/usr/bin/time -v bash -c "${cmds[$i]} > /dev/null" 2>&1 | awk -F: '/Maximum resident/ {print $2}')
  printf '  %-24s %6.1f MiB\n' "${names[$i]}" "$(echo "$kb / 1024" | bc -l)"
done

#!/usr/bin/env bash
# Times whole commands as a user runs them (release build), with hyperfine where installed, and reports
# peak memory with /usr/bin/time -v. Generates the synthetic catalogs it needs under $TMPDIR. Each folder
# command runs twice: reading every file (--no-cache) and from a warm parsed-catalog cache (kept in
# $TMPDIR/orbitline-bench/cache, never the user's). The peers (pandas, jq, cat) are in benches/peers.sh.
# Usage: bash benches/cli.sh [N ...]   (default: 1000 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --example synth
cargo build --release --quiet
bin=target/release/orbitline
sizes=("${@:-1000 10000 100000}")
tmp=${TMPDIR:-/tmp}/orbitline-bench
mkdir -p "$tmp"
export ORBITLINE_CACHE=$tmp/cache

run() { # label, command...
  local label=$1; shift
  if command -v hyperfine >/dev/null; then
    printf '%s\n' "$label"
    hyperfine --warmup 1 --runs 5 --style basic --command-name "$label" "$*" 2>&1 | grep -E "Time|±" | head -1
  else
    local best=""
    for _ in 1 2 3; do
      local t; t=$( { /usr/bin/time -f "%e" "$@" >/dev/null; } 2>&1 | tail -1 )
      if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    done
    printf '%-45s best of 3: %s s\n' "$label" "$best"
  fi
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {printf "%-45s peak memory: %.0f MB\n", "", $2/1024}'
  fi
}

run "duration shenzhou-20 (bundled)" "$bin" duration shenzhou-20
for n in ${sizes[@]}; do
  dir=$tmp/synth-$n
  [ -d "$dir" ] || target/release/examples/synth --flights "$n" --seed 7 --out "$dir" >/dev/null
  echo "== $n flights ($(du -sb "$dir" | cut -f1) bytes of JSON)"
  mid=$(find "$dir/station-00" -name '*.json' | sort | sed -n '100p' | xargs basename | sed 's/.json$//')
  "$bin" --data "$dir" validate >/dev/null # warms the cache
  for cache in --no-cache ""; do
    label=${cache:-warm cache}
    run "validate, $label" "$bin" --data "$dir" $cache validate
    run "records --kind cumulative, $label" "$bin" --data "$dir" $cache --now 2200-01-01T00:00Z records --kind cumulative
    run "station station-00, $label" "$bin" --data "$dir" $cache --now 2200-01-01T00:00Z station station-00
    run "impact $mid/launch --slip 10d, $label" "$bin" --data "$dir" $cache --now 2200-01-01T00:00Z impact "$mid/launch" --slip 10d
  done
done

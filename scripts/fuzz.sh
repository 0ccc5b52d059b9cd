#!/usr/bin/env bash
# Coverage-guided fuzzing of NewsDesk's stages with libFuzzer (docs/fuzzing.md).
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options …]   fuzz one target (sanitize feeds decode dates extract config)
#   scripts/fuzz.sh all SECONDS                            each target in turn, SECONDS each, then a summary table
#   scripts/fuzz.sh build                                  only build .build-fuzz/release/newsdesk-fuzz
#   scripts/fuzz.sh check TARGET FILE …                    the property checks on saved inputs (e.g. a finding)
#   scripts/fuzz.sh minimize TARGET FILE [SECONDS]         shrink a finding to FILE.min (libFuzzer -minimize_crash)
#
# The fuzz build is separate from the normal one: the targets are declared only when NEWSDESK_FUZZ=1, built with
# -sanitize=fuzzer,address into .build-fuzz (gitignored). Seeds come from fixtures/ (and ../shared/data when present),
# written to a temporary directory on every run; the corpus the fuzzer grows stays in .build-fuzz/corpus/TARGET, so
# a re-run continues where the last one stopped (delete it to start over). Findings (crashes, property violations,
# timeouts, out-of-memory) land in .build-fuzz/findings/TARGET/ and are printed with the property they broke. Turn
# each into fixtures/fuzz/TARGET/NAME (the raw input) — FuzzRegressionTests replays that folder — and fix it.
#
# Environment: NICE (default 19), TIMEOUT (seconds per input before it counts as a hang, default 10),
# RSS_MB (memory limit, default 2048), JOBS (swift build -j).
set -uo pipefail
# The Swift runtime's own crash reporter would fight libFuzzer's and ASan's handlers.
export SWIFT_BACKTRACE=enable=no
# Shorter allocation stacks: ASan records one per malloc, and Swift allocates a lot.
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=3}
cd "$(dirname "$0")/.."
root=$(pwd)
bin=.build-fuzz/release/newsdesk-fuzz
targets="sanitize feeds decode dates extract config"

build() {
  local start=$SECONDS
  echo "fuzz: building newsdesk-fuzz (release, -sanitize=fuzzer,address) into .build-fuzz …" >&2
  mkdir -p .build-fuzz
  NEWSDESK_FUZZ=1 nice -n "${NICE:-19}" swift build --scratch-path .build-fuzz -c release ${JOBS:+-j "$JOBS"} \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --product newsdesk-fuzz >.build-fuzz/build.log 2>&1 || {
    tail -30 .build-fuzz/build.log >&2; echo "fuzz: build failed (full log: .build-fuzz/build.log)" >&2; exit 1; }
  echo "fuzz: built in $((SECONDS - start)) s" >&2
}

# Per-target limits: the largest input the fuzzer makes (seeds above it are read truncated) and the dictionary.
max_len() { case $1 in sanitize|decode) echo 16384;; feeds|extract) echo 32768;; dates) echo 256;; config) echo 8192;; esac; }
dict() { case $1 in sanitize|extract) echo Fuzz/dicts/html.dict;; feeds) echo Fuzz/dicts/feeds.dict;; dates) echo Fuzz/dicts/dates.dict;;
                    config) echo Fuzz/dicts/config.dict;; decode) echo Fuzz/dicts/html.dict;; esac; }

run() {
  local target=$1 seconds=$2; shift 2
  case " $targets " in *" $target "*) ;; *) echo "fuzz: unknown target '$target' (one of: $targets)" >&2; exit 64;; esac
  local corpus=.build-fuzz/corpus/$target findings=.build-fuzz/findings/$target log=.build-fuzz/logs/$target.log
  mkdir -p "$corpus" "$findings" .build-fuzz/logs
  local seeds; seeds=$(mktemp -d)
  "$bin" seeds "$target" "$seeds" >/dev/null
  local before; before=$(ls "$findings" | wc -l)
  echo "fuzz: $target for ${seconds}s (corpus $corpus, $(ls "$seeds" | wc -l) seeds, log $log)" >&2
  nice -n "${NICE:-19}" "$bin" "$target" -max_total_time="$seconds" -timeout="${TIMEOUT:-10}" -rss_limit_mb="${RSS_MB:-2048}" \
    -malloc_limit_mb="${RSS_MB:-2048}" -max_len="$(max_len "$target")" -dict="$(dict "$target")" -print_final_stats=1 \
    -artifact_prefix="$findings/" "$@" "$corpus" "$seeds" >"$log" 2>&1
  local status=$?
  rm -rf "$seeds"
  summarize "$target" "$status" "$before"
  return "$status"
}

# One line of figures from the log, then every new finding with the property it broke.
summarize() {
  local target=$1 status=$2 before=$3 log=.build-fuzz/logs/$1.log findings=.build-fuzz/findings/$1
  local runs eps secs cov ft corpus_n corpus_kb new slowest rss
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  slowest=$(sed -n 's/^stat::slowest_unit_time_sec: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  secs=$(grep -aoE 'Done [0-9]+ runs in [0-9]+ second' "$log" | grep -aoE '[0-9]+ second' | grep -aoE '[0-9]+' | tail -1)
  cov=$(grep -aoE 'cov: [0-9]+' "$log" | tail -1 | grep -aoE '[0-9]+')
  ft=$(grep -aoE 'ft: [0-9]+' "$log" | tail -1 | grep -aoE '[0-9]+')
  corpus_n=$(ls .build-fuzz/corpus/"$target" | wc -l)
  corpus_kb=$(du -sk .build-fuzz/corpus/"$target" | cut -f1)
  new=$(( $(ls "$findings" | wc -l) - before ))
  printf '%-8s %6ss %10s runs %7s exec/s  cov %6s  ft %7s  corpus %5s files %6s KB  slowest %ss  rss %s MB  new findings %s  (exit %s)\n' \
    "$target" "${secs:-?}" "${runs:-?}" "${eps:-?}" "${cov:-?}" "${ft:-?}" "$corpus_n" "$corpus_kb" "${slowest:-?}" "${rss:-?}" "$new" "$status" \
    | tee -a .build-fuzz/summary.txt
  if [ "$new" -gt 0 ] || [ "$status" -ne 0 ]; then
    grep -aE '^==[0-9]+==ERROR|^==== PROPERTY VIOLATION|^  [a-zA-Z<].*|^SUMMARY|Fatal error|^ALARM|out-of-memory|Test unit written' "$log" | head -20
    for f in $(ls -t "$findings" | head -n "$new"); do
      echo "  finding $findings/$f ($(wc -c <"$findings/$f") bytes): replay with scripts/fuzz.sh check $target $findings/$f"
    done
  fi
}

case ${1:-} in
  build) build ;;
  check) shift; [ -x "$bin" ] || build; "$bin" check "$@" ;;
  minimize)
    [ $# -ge 3 ] || { echo "usage: scripts/fuzz.sh minimize TARGET FILE [SECONDS]" >&2; exit 64; }
    [ -x "$bin" ] || build
    file=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")
    (cd "$(mktemp -d)" && nice -n "${NICE:-19}" "$root/$bin" "$2" -minimize_crash=1 -max_total_time="${4:-60}" \
      -timeout="${TIMEOUT:-10}" -exact_artifact_path="$file.min" "$file" >/dev/null 2>&1)
    echo "$(wc -c <"$file") → $(wc -c <"$file.min") bytes: $file.min"
    "$bin" check "$2" "$file.min" ;;
  all)
    [ $# -ge 2 ] || { echo "usage: scripts/fuzz.sh all SECONDS" >&2; exit 64; }
    build
    failed=0
    for t in $targets; do run "$t" "$2" || failed=1; done
    exit $failed ;;
  ""|-h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *)
    [ $# -ge 2 ] || { echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer options]" >&2; exit 64; }
    build
    t=$1 s=$2; shift 2
    run "$t" "$s" "$@" ;;
esac

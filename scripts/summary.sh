#!/usr/bin/env bash
# Prints the timings of the steps `make test` ran and the closing count line.
set -euo pipefail
log=${STEP_LOG:-target/make-test-steps.log}
[ -f "$log" ] || { echo "no steps recorded"; exit 1; }
echo
echo "make test, step by step:"
awk -F'\t' '{ printf "  %-8s %5ss  %s\n", $1, $2, $3; total += $2 } END { printf "  total    %5ss\n", total }' "$log"
passed=$(grep -c '^passed' "$log" || true)
failed=$(grep -c '^failed' "$log" || true)
skipped=$(grep -c '^skipped' "$log" || true)
if [ "$skipped" -gt 0 ]; then
  echo "steps: $passed passed, $failed failed, $skipped skipped"
else
  echo "steps: $passed passed, $failed failed"
fi
[ "$failed" = 0 ]

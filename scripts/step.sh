#!/usr/bin/env bash
# Runs one step of `make test`, framed and timed, and records it for the closing summary.
#   scripts/step.sh "name" command args...
# A step that exits 77 is counted as skipped (it must say why itself).
set -uo pipefail
name=$1; shift
log=${STEP_LOG:-target/make-test-steps.log}
mkdir -p "$(dirname "$log")"
printf '\n==> %s\n' "$name"
start=$(date +%s)
"$@"
status=$?
elapsed=$(( $(date +%s) - start ))
case $status in
  0)  result=passed ;;
  77) result=skipped ;;
  *)  result=failed ;;
esac
printf '%s\t%s\t%s\n' "$result" "$elapsed" "$name" >> "$log"
printf '<== %s: %s in %ss\n' "$name" "$result" "$elapsed"
[ "$status" = 77 ] && exit 0
exit "$status"

#!/usr/bin/env bash
# The GitHub Action's step (action.yml): runs the published clauselint with --format github, so findings
# become annotations and, where $GITHUB_STEP_SUMMARY is set, a job summary. CLAUSELINT_BIN replaces the
# npx call (the tests run the local bundle with it). Exit code: clauselint's (0, 1 findings, 2 usage).
set -euo pipefail
version="${CLAUSELINT_VERSION:-latest}"
read -r -a files <<< "${CLAUSELINT_FILES:-.}"
read -r -a extra <<< "${CLAUSELINT_ARGS:-}"
if [ -n "${CLAUSELINT_BIN:-}" ]; then
  read -r -a bin <<< "$CLAUSELINT_BIN"
else
  bin=(npx --yes "clauselint@${version}")
fi
exec "${bin[@]}" --format github --max-warnings "${CLAUSELINT_MAX_WARNINGS:--1}" "${extra[@]}" "${files[@]}"

#!/usr/bin/env bash
# Records the full stderr of each script under CPython 3.11, with this directory's absolute path
# replaced by <dir> (the test normalizes the engine's output the same way).
set -euo pipefail
cd "$(dirname "$0")"
dir=$(pwd)
for f in *.py; do
  python3 "$dir/$f" 2> "${f%.py}.err.tmp" >/dev/null || true
  sed "s|$dir|<dir>|g" "${f%.py}.err.tmp" > "${f%.py}.err"
  rm "${f%.py}.err.tmp"
done

#!/usr/bin/env bash
# Regenerate the expected CPython results (.out / .status) for every case.
# Usage: Tests/Conformance/record.sh [case.py ...]   (default: all cases)
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CASES="$HERE/cases"
PY="${PYTHON:-python3}"

ver="$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [ "$ver" != "3.11" ]; then
    echo "warning: recording with Python $ver, the corpus targets CPython 3.11" >&2
fi

cd "$CASES" || exit 1
if [ "$#" -gt 0 ]; then
    files=()
    for a in "$@"; do files+=("$(basename "$a")"); done
else
    files=(*.py)
    # drop results whose script no longer exists
    for f in *.out *.status; do
        [ -e "$f" ] || continue
        [ -e "${f%.*}.py" ] || rm -f "$f"
    done
fi

errtmp="$(mktemp)"
trap 'rm -f "$errtmp"' EXIT
n=0; nonzero=0
for py in "${files[@]}"; do
    base="${py%.py}"
    PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 timeout 20 "$PY" "$py" \
        </dev/null >"$base.out" 2>"$errtmp"
    rc=$?
    rm -f "$base.status"
    if [ "$rc" -ne 0 ]; then
        nonzero=$((nonzero + 1))
        {
            echo "$rc"
            last="$(grep -v '^[[:space:]]*$' "$errtmp" | tail -n 1)"
            if [ -n "$last" ]; then echo "$last"; fi
        } >"$base.status"
        if [ "$rc" -eq 124 ]; then echo "TIMEOUT: $py" >&2; fi
    fi
    n=$((n + 1))
done
echo "recorded $n cases ($nonzero with non-zero exit status)"

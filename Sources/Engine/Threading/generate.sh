#!/usr/bin/env bash
# Regenerates ThreadingSource.swift from threading.py (the Python source of the threading module).
set -euo pipefail
cd "$(dirname "$0")"
{
  echo '// Generated from threading.py by `Sources/Engine/Threading/generate.sh`; edit threading.py, then regenerate.'
  echo 'enum ThreadingSource {'
  echo '    static let text = #"""'
  cat threading.py
  echo '"""#'
  echo '}'
} > ThreadingSource.swift

#!/usr/bin/env bash
# Style check, first step of .ci/run (about 4 s): swift-format's rules as configured in .swift-format, over Sources,
# Tests and Fuzz. Only rule findings fail the check; swift-format's layout findings (indentation, line breaks, line
# length, spacing) are left out, since the code is laid out by hand and not by `swift format`.
# Rules the code base does not follow are turned off in .swift-format (each listed in docs/ARCHITECTURE.md).
set -euo pipefail
cd "$(dirname "$0")/.."
layout='\[(Indentation|LineLength|AddLines|RemoveLine|Spacing|TrailingComma|EndOfLineComment)\]'
findings=$(swift format lint --configuration .swift-format --recursive --parallel Sources Tests Fuzz 2>&1 | grep -vE "$layout" || true)
if [ -n "$findings" ]; then
    printf '%s\n' "$findings"
    echo "lint: $(printf '%s\n' "$findings" | wc -l) findings (fix them, or turn a rule off in .swift-format and say why)" >&2
    exit 1
fi
echo "lint: OK (swift-format rules, .swift-format)"

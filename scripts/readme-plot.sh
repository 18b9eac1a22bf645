#!/usr/bin/env bash
# readme-plot.sh: rerun the README's 40-trial sweep and print the scatter plot it pastes (paste it after a
# change to the search; Tests/CLITests/ReadmeTests.swift fails until you do).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PATH="$(swift build --package-path "$root" --show-bin-path):$PATH"
export PATH
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cd "$dir"
ln -s "$root/examples" examples
carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int > sweep.jsonl
# The loop exactly as the README shows it.
awk '/^for i in \$\(seq 40\); do$/,/^done$/' "$root/README.md" > loop.sh
bash loop.sh 2>/dev/null
carbs-plot scatter --width 72 --height 18 --ascii < sweep.jsonl

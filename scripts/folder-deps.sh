#!/usr/bin/env bash
# folder-deps.sh: check that the folders of Sources/CARBSCore import each other only downwards.
#
#   scripts/folder-deps.sh        print, per folder, the other folders' types it uses; exit 1 if any is "up"
#
# A folder "uses" a type when the type's name appears as a word in its code (comments stripped). Types are the
# top-level struct/enum/class/protocol/typealias/actor declarations of each folder, subfolders included.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../Sources/CARBSCore"
order=(Support Space Log LinearAlgebra GP Pareto Search Report Plot)

rank() { local i; for i in "${!order[@]}"; do [ "${order[$i]}" = "$1" ] && { echo "$i"; return; }; done; echo -1; }

for d in */; do
    d=${d%/}
    [ "$(rank "$d")" -ge 0 ] || { echo "folder $d is not in the order: add it to scripts/folder-deps.sh" >&2; exit 1; }
done

types="$(for d in "${order[@]}"; do
    find "$d" -name '*.swift' -print0 | xargs -0 grep -hoE \
        '^(public |internal |private |fileprivate )?(final )?(struct|enum|class|protocol|typealias|actor) [A-Z][A-Za-z0-9_]*' \
        | awk -v d="$d" '{print d, $NF}' | sort -u
done)"

bad=0
for d in "${order[@]}"; do
    code="$(find "$d" -name '*.swift' -print0 | xargs -0 cat | sed -E 's://.*$::')"
    uses=""
    while read -r owner t; do
        [ "$owner" = "$d" ] && continue
        grep -qwE "$t" <<<"$code" || continue
        uses="$uses $owner:$t"
        if [ "$(rank "$owner")" -gt "$(rank "$d")" ]; then
            echo "$d uses $t from $owner, which comes later in the order" >&2
            bad=1
        fi
    done <<<"$types"
    echo "$d ->${uses:- (nothing)}"
done
exit $bad

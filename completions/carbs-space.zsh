#compdef carbs-space

__carbs-space_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__carbs-space_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __carbs-space_complete "${completions[@]:0:-1}"
    fi
}

__carbs-space_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_carbs-space() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'declare:Print parameter declaration records (the head of a sweep log).'
            'sample:Draw points from the space: center, random, Sobol, Latin hypercube or grid.'
            'check:Check a log against its space and report every problem with its line number.'
            'encode:Map each run'\''s parameters to the normalized search space (unit cube; one-hot choices).'
            'decode:Map points of the normalized search space back to parameter values.'
            'import:Turn a CSV or TSV table of past runs into run records to append to the log (a warm start).'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        declare|sample|check|encode|decode|import|help)
            "_carbs-space_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_carbs-space_declare() {
    local -i ret=1
    local -ar ___from=('carbs' 'wandb' 'mle-toolbox')
    local -ar ___to=('carbs' 'wandb')
    local -ar arg_specs=(
        '*:SPEC:'
        '--file[Read declarations from a JSON-lines, JSON or YAML file.]:FILE:_files -g '\''*.jsonl *.json *.yaml *.yml'\'''
        '--from[Read --file as this format instead of detecting it.]:FORMAT:{__carbs-space_complete "${___from[@]}"}'
        '--to[Write the space as carbs declaration records or as a W&B sweep configuration (YAML).]:FORMAT:{__carbs-space_complete "${___to[@]}"}'
        '--program[With --to wandb\: the training script W&B agents run (the sweep'\''s program).]:FILE:'
        '--score[Also declare the score key in an objective record.]:KEY:'
        '--cost[Also declare the cost key in an objective record.]:KEY:'
        '--maximize[Declare that higher scores are better (objective record).]'
        '--minimize[Declare that lower scores are better (objective record).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_carbs-space_sample() {
    local -i ret=1
    local -ar ___method=('center' 'random' 'sobol' 'lhs' 'grid')
    local -ar ___format=('json' 'shell' 'args' 'tsv')
    local -ar arg_specs=(
        '--score[Key of the score in run records (overrides the log'\''s objective; default\: score).]:KEY:'
        '--cost[Key of the cost in run records (overrides the log'\''s objective; default\: cost).]:KEY:'
        '--maximize[Higher scores are better (the default, unless the log'\''s objective says minimize).]'
        '--minimize[Lower scores are better.]'
        '--space[Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.]:FILE:_files'
        '--seed[Seed of every random choice.]:N:'
        '--strict[Treat any bad line as fatal (exit 65) instead of warning and skipping it.]'
        ':LOG:_files -g '\''*.jsonl *.json'\'''
        '-n[Number of points, at most 1000000 (grid\: default the whole grid).]:N:'
        '--method[Sampling method (sobol\: scrambled Joe–Kuo directions, at most 64 parameters that are not fixed; lhs or random beyond).]:method:{__carbs-space_complete "${___method[@]}"}'
        '--levels[Grid points per numeric parameter, at most 100000.]:K:'
        '--params-only[Print only the parameter objects.]'
        '--format[How to print the points\: json (pending records), shell (CARBS_ID=… and NAME=… lines for eval; one point), args (--carbs-id=… --NAME=VALUE words, a line each), tsv (a header and one row each).]:FORMAT:{__carbs-space_complete "${___format[@]}"}'
        '--id-option[With --format args\: the option that carries the id (default carbs-id; '\'''\'' leaves it out).]:NAME:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_carbs-space_check() {
    local -i ret=1
    local -ar arg_specs=(
        '--score[Key of the score in run records (overrides the log'\''s objective; default\: score).]:KEY:'
        '--cost[Key of the cost in run records (overrides the log'\''s objective; default\: cost).]:KEY:'
        '--maximize[Higher scores are better (the default, unless the log'\''s objective says minimize).]'
        '--minimize[Lower scores are better.]'
        '--space[Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.]:FILE:_files'
        '--seed[Seed of every random choice.]:N:'
        '--strict[Treat any bad line as fatal (exit 65) instead of warning and skipping it.]'
        ':LOG:_files -g '\''*.jsonl *.json'\'''
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_carbs-space_encode() {
    local -i ret=1
    local -ar arg_specs=(
        '--score[Key of the score in run records (overrides the log'\''s objective; default\: score).]:KEY:'
        '--cost[Key of the cost in run records (overrides the log'\''s objective; default\: cost).]:KEY:'
        '--maximize[Higher scores are better (the default, unless the log'\''s objective says minimize).]'
        '--minimize[Lower scores are better.]'
        '--space[Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.]:FILE:_files'
        '--seed[Seed of every random choice.]:N:'
        '--strict[Treat any bad line as fatal (exit 65) instead of warning and skipping it.]'
        ':LOG:_files -g '\''*.jsonl *.json'\'''
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_carbs-space_decode() {
    local -i ret=1
    local -ar arg_specs=(
        '--score[Key of the score in run records (overrides the log'\''s objective; default\: score).]:KEY:'
        '--cost[Key of the cost in run records (overrides the log'\''s objective; default\: cost).]:KEY:'
        '--maximize[Higher scores are better (the default, unless the log'\''s objective says minimize).]'
        '--minimize[Lower scores are better.]'
        '--space[Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.]:FILE:_files'
        '--seed[Seed of every random choice.]:N:'
        '--strict[Treat any bad line as fatal (exit 65) instead of warning and skipping it.]'
        ':LOG:_files -g '\''*.jsonl *.json'\'''
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_carbs-space_import() {
    local -i ret=1
    local -ar arg_specs=(
        '--score[Key of the score in run records (overrides the log'\''s objective; default\: score).]:KEY:'
        '--cost[Key of the cost in run records (overrides the log'\''s objective; default\: cost).]:KEY:'
        '--maximize[Higher scores are better (the default, unless the log'\''s objective says minimize).]'
        '--minimize[Lower scores are better.]'
        '--space[Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.]:FILE:_files'
        '--seed[Seed of every random choice.]:N:'
        '--strict[Treat any bad line as fatal (exit 65) instead of warning and skipping it.]'
        ':LOG:_files -g '\''*.jsonl *.json'\'''
        '--table[The table of past runs (CSV or TSV); - reads standard input.]:FILE:_files -g '\''*.csv *.tsv *.txt'\'''
        '--prefix[Parameter columns are named PREFIX+NAME (e.g. params_ for Optuna).]:PREFIX:'
        '--score-column[The column of the score (default\: the score key).]:COL:'
        '--cost-column[The column of the cost (default\: the cost key).]:COL:'
        '--state-column[The column of the run'\''s state (default\: state or status).]:COL:'
        '--id-column[The column of the run ids (default\: a hash of each row).]:COL:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_carbs-space_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _carbs-space ]]; then
    _carbs-space "${@}"
else
    compdef _carbs-space carbs-space
fi

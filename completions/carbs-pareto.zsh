#compdef carbs-pareto

__carbs-pareto_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__carbs-pareto_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __carbs-pareto_complete "${completions[@]:0:-1}"
    fi
}

__carbs-pareto_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_carbs-pareto() {
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
    local -ar ___format=('json' 'tsv' 'text')
    local -ar arg_specs=(
        '--score[Key of the score in run records (overrides the log'\''s objective; default\: score).]:KEY:'
        '--cost[Key of the cost in run records (overrides the log'\''s objective; default\: cost).]:KEY:'
        '--maximize[Higher scores are better (the default, unless the log'\''s objective says minimize).]'
        '--minimize[Lower scores are better.]'
        '--space[Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.]:FILE:_files'
        '--seed[Seed of every random choice.]:N:'
        '--strict[Treat any bad line as fatal (exit 65) instead of warning and skipping it.]'
        ':LOG:_files -g '\''*.jsonl *.json'\'''
        '--budget[Print the best run whose cost is at most C.]:C:'
        '--hypervolume[Print the hypervolume of the front.]'
        '--ref-score[Reference (poor) score of the hypervolume (default\: the worst observed).]:S:'
        '--best-score[Best achievable score\: clip to it and also print the normalized hypervolume.]:S:'
        '--cost-min[Cost range of the hypervolume (default\: the observed range).]:C:'
        '--cost-max[Cost range of the hypervolume (default\: the observed range).]:C:'
        '--summary[Print one summary line\: runs, failures, total cost, best score, front size, hypervolume, runs stopped early and the cost stopping saved.]'
        '--checkpoints[Put the runs'\'' checkpoints (progress records) on the front besides their results (a checkpoint is a model trained that far); front points from checkpoints carry their step.]'
        '--no-checkpoints[Put the runs'\'' checkpoints (progress records) on the front besides their results (a checkpoint is a model trained that far); front points from checkpoints carry their step.]'
        '--format[Output format (text\: --summary only).]:format:{__carbs-pareto_complete "${___format[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        help)
            "_carbs-pareto_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_carbs-pareto_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _carbs-pareto ]]; then
    _carbs-pareto "${@}"
else
    compdef _carbs-pareto carbs-pareto
fi

#compdef carbs-fit

__carbs-fit_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__carbs-fit_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __carbs-fit_complete "${completions[@]:0:-1}"
    fi
}

__carbs-fit_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_carbs-fit() {
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
    local -ar ___format=('json' 'text')
    local -ar ___transform=('standardize' 'quantileNormal' 'minMax')
    local -ar arg_specs=(
        '--score[Key of the score in run records (overrides the log'\''s objective; default\: score).]:KEY:'
        '--cost[Key of the cost in run records (overrides the log'\''s objective; default\: cost).]:KEY:'
        '--maximize[Higher scores are better (the default, unless the log'\''s objective says minimize).]'
        '--minimize[Lower scores are better.]'
        '--space[Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.]:FILE:_files'
        '--seed[Seed of every random choice.]:N:'
        '--strict[Treat any bad line as fatal (exit 65) instead of warning and skipping it.]'
        ':LOG:_files -g '\''*.jsonl *.json'\'''
        '--predict[Predict at the points in FILE (JSON lines with "params", or parameter objects).]:FILE:_files -g '\''*.jsonl'\'''
        '--format[Output format.]:format:{__carbs-fit_complete "${___format[@]}"}'
        '--transform[Score transform before fitting.]:transform:{__carbs-fit_complete "${___transform[@]}"}'
        '--linear[Add a linear kernel term to the Matérn-5/2 kernel.]'
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
            "_carbs-fit_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_carbs-fit_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _carbs-fit ]]; then
    _carbs-fit "${@}"
else
    compdef _carbs-fit carbs-fit
fi

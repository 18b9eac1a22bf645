#compdef carbs-plot

__carbs-plot_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__carbs-plot_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __carbs-plot_complete "${completions[@]:0:-1}"
    fi
}

__carbs-plot_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_carbs-plot() {
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
            'scatter:Score against cost: all runs, the Pareto front highlighted, failures and pending runs marked.'
            'history:Best score so far against trial number or cumulative cost.'
            'params:One panel per parameter: its value over the trials (drift) or the score against it.'
            'importance:Relevance bars per parameter, from carbs-fit'\''s score model (or from a log, fitted on the spot).'
            'curves:Learning curves: each run'\''s score against its cumulative cost (or step), stopped and running runs marked, the front over them.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        scatter|history|params|importance|curves|help)
            "_carbs-plot_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_carbs-plot_scatter() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        '--score[Key of the score in run records (overrides the log'\''s objective; default\: score).]:KEY:'
        '--cost[Key of the cost in run records (overrides the log'\''s objective; default\: cost).]:KEY:'
        '--maximize[Higher scores are better (the default, unless the log'\''s objective says minimize).]'
        '--minimize[Lower scores are better.]'
        '--space[Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.]:FILE:_files'
        '--seed[Seed of every random choice.]:N:'
        '--strict[Treat any bad line as fatal (exit 65) instead of warning and skipping it.]'
        '--ascii[Plain ASCII instead of Unicode braille.]'
        '--color[Colour\: auto (when standard output is a terminal and NO_COLOR is unset), always or never.]:color:{__carbs-plot_complete "${___color[@]}"}'
        '--width[Width in columns, 16 to 1000 (default\: the terminal'\''s, or 80).]:N:'
        '--height[Height in rows, 6 to 1000 (default\: 24).]:N:'
        '--title[Title above the plot.]:TEXT:'
        '--svg[Write the plot as a standalone SVG document to FILE instead (whole or not at all; a symlink at FILE is replaced, not followed; FILE may not be the log).]:FILE:_files -g '\''*.svg'\'''
        ':LOG:_files -g '\''*.jsonl *.json'\'''
        '--linear[Linear cost axis (default\: log).]'
        '--full-range[Scale the score axis to every run (default\: focus on the front; far worse runs sit on the bottom edge).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_carbs-plot_history() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___x=('trials' 'cost')
    local -ar arg_specs=(
        '--score[Key of the score in run records (overrides the log'\''s objective; default\: score).]:KEY:'
        '--cost[Key of the cost in run records (overrides the log'\''s objective; default\: cost).]:KEY:'
        '--maximize[Higher scores are better (the default, unless the log'\''s objective says minimize).]'
        '--minimize[Lower scores are better.]'
        '--space[Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.]:FILE:_files'
        '--seed[Seed of every random choice.]:N:'
        '--strict[Treat any bad line as fatal (exit 65) instead of warning and skipping it.]'
        '--ascii[Plain ASCII instead of Unicode braille.]'
        '--color[Colour\: auto (when standard output is a terminal and NO_COLOR is unset), always or never.]:color:{__carbs-plot_complete "${___color[@]}"}'
        '--width[Width in columns, 16 to 1000 (default\: the terminal'\''s, or 80).]:N:'
        '--height[Height in rows, 6 to 1000 (default\: 24).]:N:'
        '--title[Title above the plot.]:TEXT:'
        '--svg[Write the plot as a standalone SVG document to FILE instead (whole or not at all; a symlink at FILE is replaced, not followed; FILE may not be the log).]:FILE:_files -g '\''*.svg'\'''
        ':LOG:_files -g '\''*.jsonl *.json'\'''
        '--x[Horizontal axis\: trials, or cost (cumulative, log axis).]:x:{__carbs-plot_complete "${___x[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_carbs-plot_params() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___mode=('drift' 'score')
    local -ar arg_specs=(
        '--score[Key of the score in run records (overrides the log'\''s objective; default\: score).]:KEY:'
        '--cost[Key of the cost in run records (overrides the log'\''s objective; default\: cost).]:KEY:'
        '--maximize[Higher scores are better (the default, unless the log'\''s objective says minimize).]'
        '--minimize[Lower scores are better.]'
        '--space[Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.]:FILE:_files'
        '--seed[Seed of every random choice.]:N:'
        '--strict[Treat any bad line as fatal (exit 65) instead of warning and skipping it.]'
        '--ascii[Plain ASCII instead of Unicode braille.]'
        '--color[Colour\: auto (when standard output is a terminal and NO_COLOR is unset), always or never.]:color:{__carbs-plot_complete "${___color[@]}"}'
        '--width[Width in columns, 16 to 1000 (default\: the terminal'\''s, or 80).]:N:'
        '--height[Height in rows, 6 to 1000 (default\: 24).]:N:'
        '--title[Title above the plot.]:TEXT:'
        '--svg[Write the plot as a standalone SVG document to FILE instead (whole or not at all; a symlink at FILE is replaced, not followed; FILE may not be the log).]:FILE:_files -g '\''*.svg'\'''
        ':LOG:_files -g '\''*.jsonl *.json'\'''
        '--mode[drift (value over trials) or score (score against value).]:mode:{__carbs-plot_complete "${___mode[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_carbs-plot_importance() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___model=('score' 'cost')
    local -ar arg_specs=(
        '--score[Key of the score in run records (overrides the log'\''s objective; default\: score).]:KEY:'
        '--cost[Key of the cost in run records (overrides the log'\''s objective; default\: cost).]:KEY:'
        '--maximize[Higher scores are better (the default, unless the log'\''s objective says minimize).]'
        '--minimize[Lower scores are better.]'
        '--space[Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.]:FILE:_files'
        '--seed[Seed of every random choice.]:N:'
        '--strict[Treat any bad line as fatal (exit 65) instead of warning and skipping it.]'
        '--ascii[Plain ASCII instead of Unicode braille.]'
        '--color[Colour\: auto (when standard output is a terminal and NO_COLOR is unset), always or never.]:color:{__carbs-plot_complete "${___color[@]}"}'
        '--width[Width in columns, 16 to 1000 (default\: the terminal'\''s, or 80).]:N:'
        '--height[Height in rows, 6 to 1000 (default\: 24).]:N:'
        '--title[Title above the plot.]:TEXT:'
        '--svg[Write the plot as a standalone SVG document to FILE instead (whole or not at all; a symlink at FILE is replaced, not followed; FILE may not be the log).]:FILE:_files -g '\''*.svg'\'''
        ':LOG:_files -g '\''*.jsonl *.json'\'''
        '--model[Which carbs-fit model.]:model:{__carbs-plot_complete "${___model[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_carbs-plot_curves() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___x=('cost' 'step')
    local -ar arg_specs=(
        '--score[Key of the score in run records (overrides the log'\''s objective; default\: score).]:KEY:'
        '--cost[Key of the cost in run records (overrides the log'\''s objective; default\: cost).]:KEY:'
        '--maximize[Higher scores are better (the default, unless the log'\''s objective says minimize).]'
        '--minimize[Lower scores are better.]'
        '--space[Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.]:FILE:_files'
        '--seed[Seed of every random choice.]:N:'
        '--strict[Treat any bad line as fatal (exit 65) instead of warning and skipping it.]'
        '--ascii[Plain ASCII instead of Unicode braille.]'
        '--color[Colour\: auto (when standard output is a terminal and NO_COLOR is unset), always or never.]:color:{__carbs-plot_complete "${___color[@]}"}'
        '--width[Width in columns, 16 to 1000 (default\: the terminal'\''s, or 80).]:N:'
        '--height[Height in rows, 6 to 1000 (default\: 24).]:N:'
        '--title[Title above the plot.]:TEXT:'
        '--svg[Write the plot as a standalone SVG document to FILE instead (whole or not at all; a symlink at FILE is replaced, not followed; FILE may not be the log).]:FILE:_files -g '\''*.svg'\'''
        ':LOG:_files -g '\''*.jsonl *.json'\'''
        '--x[Horizontal axis\: cost (cumulative, log axis, with the front) or step (linear).]:x:{__carbs-plot_complete "${___x[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_carbs-plot_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _carbs-plot ]]; then
    _carbs-plot "${@}"
else
    compdef _carbs-plot carbs-plot
fi

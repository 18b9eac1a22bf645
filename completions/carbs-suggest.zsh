#compdef carbs-suggest

__carbs-suggest_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__carbs-suggest_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __carbs-suggest_complete "${completions[@]:0:-1}"
    fi
}

__carbs-suggest_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_carbs-suggest() {
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
    local -ar ___strategy=('ehvi' 'ei' 'carbs' 'protein' 'random' 'sobol')
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
        '-n[Number of suggestions (at most 10000).]:K:'
        '--strategy[Search rule.]:NAME:{__carbs-suggest_complete "${___strategy[@]}"}'
        '--log[Lock FILE, read it, append the suggestions to it and print them.]:FILE:_files -g '\''*.jsonl'\'''
        '--initial[Successes before the model is used (default max(4, d/2+2); CARBS\: 4).]:N:'
        '--radius[Search radius in units of each parameter'\''s scale (default 0.5; CARBS 0.3).]:R:'
        '--candidates[Candidates scored per suggestion (default max(1000, 100·d); at most 1000000).]:N:'
        '--max-cost[Never suggest a run whose predicted cost exceeds C.]:C:'
        '--resample-every[Re-run the least-sampled Pareto point every K successes (0 = never).]:K:'
        '--model[Model records from carbs-fit\: use their hyperparameters instead of fitting.]:FILE:_files -g '\''*.jsonl *.json'\'''
        '--explain[Explain each choice on standard error\: the front, the origin, the acquisition, the cost cap; for an initial point, how the cost trend chose it.]'
        '--pending-timeout[Pending runs written more than S seconds ago (their agent died) are re-issued unchanged as '\''retry'\'' suggestions, once each, and no longer believed at their prediction.]:S:'
        '*--retry[Re-issue pending run ID unchanged as a '\''retry'\'' suggestion (repeatable).]:ID:'
        '--record[With --log\: record the result of pending run ID instead of suggesting (params are copied from its pending record).]:ID:'
        '*--value[With --record\: a field of the result, e.g. --value score=0.91 --value cost=812 (repeatable; numbers, true/false or strings).]:KEY=VALUE:'
        '--from[With --record or --progress\: read the result from a training program'\''s output (- = standard input)\: its last non-blank line, KEY=VALUE words or one JSON object; --value entries override it.]:FILE:_files'
        '--format[How to print the suggestions\: json (the pending records; the default), shell (CARBS_ID=… and NAME=… lines for eval), args (--carbs-id=… --NAME=VALUE words), tsv (a header and one row each). With --progress\: json prints the advice as a record instead of one word.]:FORMAT:{__carbs-suggest_complete "${___format[@]}"}'
        '--id-option[With --format args\: the option that carries the run'\''s id (default carbs-id; '\'''\'' leaves it out).]:NAME:'
        '--progress[With --log\: append a checkpoint of running run ID (--value score=S --value cost=C, the cost so far, \[--value step=K\]) and print continue or stop.]:ID:'
        '--stop-threshold[With --progress\: stop when the estimated chance that the run adds to the front is below P (default 0.3; higher stops more).]:P:'
        '--min-step[With --progress\: never advise stopping before step K (default 1).]:K:'
        '--checkpoints[Put the runs'\'' checkpoints (progress records) on the front besides their results\: a checkpoint of a long run stands for a short run.]'
        '--no-checkpoints[Put the runs'\'' checkpoints (progress records) on the front besides their results\: a checkpoint of a long run stands for a short run.]'
        '--stopped[With --record\: the run ended early (marked "stopped"\:true; set by itself after --progress advised stop).]'
        '--failed[With --record\: the run failed (score not required).]'
        '--as[With --record\: record a further evaluation of ID'\''s params (another seed) under the new id NEWID.]:NEWID:'
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
            "_carbs-suggest_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_carbs-suggest_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _carbs-suggest ]]; then
    _carbs-suggest "${@}"
else
    compdef _carbs-suggest carbs-suggest
fi

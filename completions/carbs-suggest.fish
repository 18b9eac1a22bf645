function __carbs-suggest_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __carbs-suggest_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __carbs-suggest_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __carbs-suggest_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __carbs-suggest_parse_tokens -S
    set -l unparsed_tokens (__carbs-suggest_tokens -pc)
    switch $unparsed_tokens[1]
    case 'carbs-suggest'
        __carbs-suggest_parse_subcommand 1 'score=' 'cost=' 'maximize' 'minimize' 'space=' 'seed=' 'strict' 'n=' 'strategy=' 'log=' 'initial=' 'radius=' 'candidates=' 'max-cost=' 'resample-every=' 'model=' 'explain' 'pending-timeout=' 'retry=+' 'record=' 'value=+' 'from=' 'format=' 'id-option=' 'progress=' 'stop-threshold=' 'min-step=' 'checkpoints' 'no-checkpoints' 'stopped' 'failed' 'as=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'help'
            __carbs-suggest_parse_subcommand -r 1 'version'
        end
    end
end

function __carbs-suggest_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __carbs-suggest_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __carbs-suggest_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __carbs-suggest_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__carbs-suggest_tokens -p)
    if test -z "$(__carbs-suggest_tokens -t)"
        set -l index (count (__carbs-suggest_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'carbs-suggest' -f
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" score' -l 'score' -d 'Key of the score in run records (overrides the log\'s objective; default: score).' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" cost' -l 'cost' -d 'Key of the cost in run records (overrides the log\'s objective; default: cost).' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" maximize' -l 'maximize' -d 'Higher scores are better (the default, unless the log\'s objective says minimize).'
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" minimize' -l 'minimize' -d 'Lower scores are better.'
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" space' -l 'space' -d 'Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.' -rF
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" seed' -l 'seed' -d 'Seed of every random choice.' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" strict' -l 'strict' -d 'Treat any bad line as fatal (exit 65) instead of warning and skipping it.'
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_positional "carbs-suggest" -eq 1' -fa '(set -l exts \'jsonl\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" n' -s 'n' -d 'Number of suggestions (at most 10000).' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" strategy' -l 'strategy' -d 'Search rule.' -rfka 'ehvi ei carbs protein random sobol'
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" log' -l 'log' -d 'Lock FILE, read it, append the suggestions to it and print them.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'jsonl\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" initial' -l 'initial' -d 'Successes before the model is used (default max(4, d/2+2); CARBS: 4).' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" radius' -l 'radius' -d 'Search radius in units of each parameter\'s scale (default 0.5; CARBS 0.3).' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" candidates' -l 'candidates' -d 'Candidates scored per suggestion (default max(1000, 100·d); at most 1000000).' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" max-cost' -l 'max-cost' -d 'Never suggest a run whose predicted cost exceeds C.' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" resample-every' -l 'resample-every' -d 'Re-run the least-sampled Pareto point every K successes (0 = never).' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" model' -l 'model' -d 'Model records from carbs-fit: use their hyperparameters instead of fitting.' -rfa '(set -l exts \'jsonl\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" explain' -l 'explain' -d 'Explain each choice on standard error: the front, the origin, the acquisition, the cost cap; for an initial point, how the cost trend chose it.'
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" pending-timeout' -l 'pending-timeout' -d 'Pending runs written more than S seconds ago (their agent died) are re-issued unchanged as \'retry\' suggestions, once each, and no longer believed at their prediction.' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest"' -l 'retry' -d 'Re-issue pending run ID unchanged as a \'retry\' suggestion (repeatable).' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" record' -l 'record' -d 'With --log: record the result of pending run ID instead of suggesting (params are copied from its pending record).' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest"' -l 'value' -d 'With --record: a field of the result, e.g. --value score=0.91 --value cost=812 (repeatable; numbers, true/false or strings).' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" from' -l 'from' -d 'With --record or --progress: read the result from a training program\'s output (- = standard input): its last non-blank line, KEY=VALUE words or one JSON object; --value entries override it.' -rF
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" format' -l 'format' -d 'How to print the suggestions: json (the pending records; the default), shell (CARBS_ID=… and NAME=… lines for eval), args (--carbs-id=… --NAME=VALUE words), tsv (a header and one row each). With --progress: json prints the advice as a record instead of one word.' -rfka 'json shell args tsv'
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" id-option' -l 'id-option' -d 'With --format args: the option that carries the run\'s id (default carbs-id; \'\' leaves it out).' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" progress' -l 'progress' -d 'With --log: append a checkpoint of running run ID (--value score=S --value cost=C, the cost so far, [--value step=K]) and print continue or stop.' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" stop-threshold' -l 'stop-threshold' -d 'With --progress: stop when the estimated chance that the run adds to the front is below P (default 0.3; higher stops more).' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" min-step' -l 'min-step' -d 'With --progress: never advise stopping before step K (default 1).' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" checkpoints' -l 'checkpoints' -d 'Put the runs\' checkpoints (progress records) on the front besides their results: a checkpoint of a long run stands for a short run.'
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" no-checkpoints' -l 'no-checkpoints' -d 'Put the runs\' checkpoints (progress records) on the front besides their results: a checkpoint of a long run stands for a short run.'
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" stopped' -l 'stopped' -d 'With --record: the run ended early (marked "stopped":true; set by itself after --progress advised stop).'
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" failed' -l 'failed' -d 'With --record: the run failed (score not required).'
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" as' -l 'as' -d 'With --record: record a further evaluation of ID\'s params (another seed) under the new id NEWID.' -rfka ''
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" version' -l 'version' -d 'Show the version.'
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_positional "carbs-suggest" -eq 2' -fa 'help' -d 'Show subcommand help information.'
complete -c 'carbs-suggest' -n '__carbs-suggest_should_offer_completions_for_flags_or_options "carbs-suggest help" version' -l 'version' -d 'Show the version.'

function __carbs-pareto_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __carbs-pareto_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __carbs-pareto_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __carbs-pareto_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __carbs-pareto_parse_tokens -S
    set -l unparsed_tokens (__carbs-pareto_tokens -pc)
    switch $unparsed_tokens[1]
    case 'carbs-pareto'
        __carbs-pareto_parse_subcommand 1 'score=' 'cost=' 'maximize' 'minimize' 'space=' 'seed=' 'strict' 'budget=' 'hypervolume' 'ref-score=' 'best-score=' 'cost-min=' 'cost-max=' 'summary' 'checkpoints' 'no-checkpoints' 'format=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'help'
            __carbs-pareto_parse_subcommand -r 1 'version'
        end
    end
end

function __carbs-pareto_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __carbs-pareto_parse_subcommand -S -a positional_count
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

function __carbs-pareto_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __carbs-pareto_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__carbs-pareto_tokens -p)
    if test -z "$(__carbs-pareto_tokens -t)"
        set -l index (count (__carbs-pareto_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'carbs-pareto' -f
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" score' -l 'score' -d 'Key of the score in run records (overrides the log\'s objective; default: score).' -rfka ''
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" cost' -l 'cost' -d 'Key of the cost in run records (overrides the log\'s objective; default: cost).' -rfka ''
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" maximize' -l 'maximize' -d 'Higher scores are better (the default, unless the log\'s objective says minimize).'
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" minimize' -l 'minimize' -d 'Lower scores are better.'
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" space' -l 'space' -d 'Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.' -rF
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" seed' -l 'seed' -d 'Seed of every random choice.' -rfka ''
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" strict' -l 'strict' -d 'Treat any bad line as fatal (exit 65) instead of warning and skipping it.'
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_positional "carbs-pareto" -eq 1' -fa '(set -l exts \'jsonl\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" budget' -l 'budget' -d 'Print the best run whose cost is at most C.' -rfka ''
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" hypervolume' -l 'hypervolume' -d 'Print the hypervolume of the front.'
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" ref-score' -l 'ref-score' -d 'Reference (poor) score of the hypervolume (default: the worst observed).' -rfka ''
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" best-score' -l 'best-score' -d 'Best achievable score: clip to it and also print the normalized hypervolume.' -rfka ''
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" cost-min' -l 'cost-min' -d 'Cost range of the hypervolume (default: the observed range).' -rfka ''
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" cost-max' -l 'cost-max' -d 'Cost range of the hypervolume (default: the observed range).' -rfka ''
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" summary' -l 'summary' -d 'Print one summary line: runs, failures, total cost, best score, front size, hypervolume, runs stopped early and the cost stopping saved.'
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" checkpoints' -l 'checkpoints' -d 'Put the runs\' checkpoints (progress records) on the front besides their results (a checkpoint is a model trained that far); front points from checkpoints carry their step.'
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" no-checkpoints' -l 'no-checkpoints' -d 'Put the runs\' checkpoints (progress records) on the front besides their results (a checkpoint is a model trained that far); front points from checkpoints carry their step.'
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" format' -l 'format' -d 'Output format (text: --summary only).' -rfka 'json tsv text'
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" version' -l 'version' -d 'Show the version.'
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_positional "carbs-pareto" -eq 2' -fa 'help' -d 'Show subcommand help information.'
complete -c 'carbs-pareto' -n '__carbs-pareto_should_offer_completions_for_flags_or_options "carbs-pareto help" version' -l 'version' -d 'Show the version.'

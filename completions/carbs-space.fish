function __carbs-space_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __carbs-space_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __carbs-space_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __carbs-space_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __carbs-space_parse_tokens -S
    set -l unparsed_tokens (__carbs-space_tokens -pc)
    switch $unparsed_tokens[1]
    case 'carbs-space'
        __carbs-space_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'declare'
            __carbs-space_parse_subcommand -r 1 'file=' 'from=' 'to=' 'program=' 'score=' 'cost=' 'maximize' 'minimize' 'version' 'h/help'
        case 'sample'
            __carbs-space_parse_subcommand 1 'score=' 'cost=' 'maximize' 'minimize' 'space=' 'seed=' 'strict' 'n=' 'method=' 'levels=' 'params-only' 'format=' 'id-option=' 'version' 'h/help'
        case 'check'
            __carbs-space_parse_subcommand 1 'score=' 'cost=' 'maximize' 'minimize' 'space=' 'seed=' 'strict' 'version' 'h/help'
        case 'encode'
            __carbs-space_parse_subcommand 1 'score=' 'cost=' 'maximize' 'minimize' 'space=' 'seed=' 'strict' 'version' 'h/help'
        case 'decode'
            __carbs-space_parse_subcommand 1 'score=' 'cost=' 'maximize' 'minimize' 'space=' 'seed=' 'strict' 'version' 'h/help'
        case 'import'
            __carbs-space_parse_subcommand 1 'score=' 'cost=' 'maximize' 'minimize' 'space=' 'seed=' 'strict' 'table=' 'prefix=' 'score-column=' 'cost-column=' 'state-column=' 'id-column=' 'version' 'h/help'
        case 'help'
            __carbs-space_parse_subcommand -r 1 'version'
        end
    end
end

function __carbs-space_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __carbs-space_parse_subcommand -S -a positional_count
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

function __carbs-space_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __carbs-space_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__carbs-space_tokens -p)
    if test -z "$(__carbs-space_tokens -t)"
        set -l index (count (__carbs-space_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'carbs-space' -f
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space" version' -l 'version' -d 'Show the version.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_positional "carbs-space" -eq 1' -fa 'declare' -d 'Print parameter declaration records (the head of a sweep log).'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_positional "carbs-space" -eq 1' -fa 'sample' -d 'Draw points from the space: center, random, Sobol, Latin hypercube or grid.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_positional "carbs-space" -eq 1' -fa 'check' -d 'Check a log against its space and report every problem with its line number.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_positional "carbs-space" -eq 1' -fa 'encode' -d 'Map each run\'s parameters to the normalized search space (unit cube; one-hot choices).'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_positional "carbs-space" -eq 1' -fa 'decode' -d 'Map points of the normalized search space back to parameter values.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_positional "carbs-space" -eq 1' -fa 'import' -d 'Turn a CSV or TSV table of past runs into run records to append to the log (a warm start).'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_positional "carbs-space" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space declare" file' -l 'file' -d 'Read declarations from a JSON-lines, JSON or YAML file.' -rfa '(set -l exts \'jsonl\' \'json\' \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space declare" from' -l 'from' -d 'Read --file as this format instead of detecting it.' -rfka 'carbs wandb mle-toolbox'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space declare" to' -l 'to' -d 'Write the space as carbs declaration records or as a W&B sweep configuration (YAML).' -rfka 'carbs wandb'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space declare" program' -l 'program' -d 'With --to wandb: the training script W&B agents run (the sweep\'s program).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space declare" score' -l 'score' -d 'Also declare the score key in an objective record.' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space declare" cost' -l 'cost' -d 'Also declare the cost key in an objective record.' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space declare" maximize' -l 'maximize' -d 'Declare that higher scores are better (objective record).'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space declare" minimize' -l 'minimize' -d 'Declare that lower scores are better (objective record).'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space declare" version' -l 'version' -d 'Show the version.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space declare" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space sample" score' -l 'score' -d 'Key of the score in run records (overrides the log\'s objective; default: score).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space sample" cost' -l 'cost' -d 'Key of the cost in run records (overrides the log\'s objective; default: cost).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space sample" maximize' -l 'maximize' -d 'Higher scores are better (the default, unless the log\'s objective says minimize).'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space sample" minimize' -l 'minimize' -d 'Lower scores are better.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space sample" space' -l 'space' -d 'Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.' -rF
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space sample" seed' -l 'seed' -d 'Seed of every random choice.' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space sample" strict' -l 'strict' -d 'Treat any bad line as fatal (exit 65) instead of warning and skipping it.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_positional "carbs-space sample" -eq 1' -fa '(set -l exts \'jsonl\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space sample" n' -s 'n' -d 'Number of points, at most 1000000 (grid: default the whole grid).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space sample" method' -l 'method' -d 'Sampling method (sobol: scrambled Joe–Kuo directions, at most 64 parameters that are not fixed; lhs or random beyond).' -rfka 'center random sobol lhs grid'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space sample" levels' -l 'levels' -d 'Grid points per numeric parameter, at most 100000.' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space sample" params-only' -l 'params-only' -d 'Print only the parameter objects.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space sample" format' -l 'format' -d 'How to print the points: json (pending records), shell (CARBS_ID=… and NAME=… lines for eval; one point), args (--carbs-id=… --NAME=VALUE words, a line each), tsv (a header and one row each).' -rfka 'json shell args tsv'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space sample" id-option' -l 'id-option' -d 'With --format args: the option that carries the id (default carbs-id; \'\' leaves it out).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space sample" version' -l 'version' -d 'Show the version.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space sample" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space check" score' -l 'score' -d 'Key of the score in run records (overrides the log\'s objective; default: score).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space check" cost' -l 'cost' -d 'Key of the cost in run records (overrides the log\'s objective; default: cost).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space check" maximize' -l 'maximize' -d 'Higher scores are better (the default, unless the log\'s objective says minimize).'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space check" minimize' -l 'minimize' -d 'Lower scores are better.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space check" space' -l 'space' -d 'Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.' -rF
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space check" seed' -l 'seed' -d 'Seed of every random choice.' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space check" strict' -l 'strict' -d 'Treat any bad line as fatal (exit 65) instead of warning and skipping it.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_positional "carbs-space check" -eq 1' -fa '(set -l exts \'jsonl\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space check" version' -l 'version' -d 'Show the version.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space encode" score' -l 'score' -d 'Key of the score in run records (overrides the log\'s objective; default: score).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space encode" cost' -l 'cost' -d 'Key of the cost in run records (overrides the log\'s objective; default: cost).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space encode" maximize' -l 'maximize' -d 'Higher scores are better (the default, unless the log\'s objective says minimize).'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space encode" minimize' -l 'minimize' -d 'Lower scores are better.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space encode" space' -l 'space' -d 'Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.' -rF
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space encode" seed' -l 'seed' -d 'Seed of every random choice.' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space encode" strict' -l 'strict' -d 'Treat any bad line as fatal (exit 65) instead of warning and skipping it.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_positional "carbs-space encode" -eq 1' -fa '(set -l exts \'jsonl\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space encode" version' -l 'version' -d 'Show the version.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space encode" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space decode" score' -l 'score' -d 'Key of the score in run records (overrides the log\'s objective; default: score).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space decode" cost' -l 'cost' -d 'Key of the cost in run records (overrides the log\'s objective; default: cost).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space decode" maximize' -l 'maximize' -d 'Higher scores are better (the default, unless the log\'s objective says minimize).'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space decode" minimize' -l 'minimize' -d 'Lower scores are better.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space decode" space' -l 'space' -d 'Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.' -rF
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space decode" seed' -l 'seed' -d 'Seed of every random choice.' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space decode" strict' -l 'strict' -d 'Treat any bad line as fatal (exit 65) instead of warning and skipping it.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_positional "carbs-space decode" -eq 1' -fa '(set -l exts \'jsonl\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space decode" version' -l 'version' -d 'Show the version.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space decode" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space import" score' -l 'score' -d 'Key of the score in run records (overrides the log\'s objective; default: score).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space import" cost' -l 'cost' -d 'Key of the cost in run records (overrides the log\'s objective; default: cost).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space import" maximize' -l 'maximize' -d 'Higher scores are better (the default, unless the log\'s objective says minimize).'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space import" minimize' -l 'minimize' -d 'Lower scores are better.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space import" space' -l 'space' -d 'Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.' -rF
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space import" seed' -l 'seed' -d 'Seed of every random choice.' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space import" strict' -l 'strict' -d 'Treat any bad line as fatal (exit 65) instead of warning and skipping it.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_positional "carbs-space import" -eq 1' -fa '(set -l exts \'jsonl\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space import" table' -l 'table' -d 'The table of past runs (CSV or TSV); - reads standard input.' -rfa '(set -l exts \'csv\' \'tsv\' \'txt\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space import" prefix' -l 'prefix' -d 'Parameter columns are named PREFIX+NAME (e.g. params_ for Optuna).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space import" score-column' -l 'score-column' -d 'The column of the score (default: the score key).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space import" cost-column' -l 'cost-column' -d 'The column of the cost (default: the cost key).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space import" state-column' -l 'state-column' -d 'The column of the run\'s state (default: state or status).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space import" id-column' -l 'id-column' -d 'The column of the run ids (default: a hash of each row).' -rfka ''
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space import" version' -l 'version' -d 'Show the version.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'carbs-space' -n '__carbs-space_should_offer_completions_for_flags_or_options "carbs-space help" version' -l 'version' -d 'Show the version.'

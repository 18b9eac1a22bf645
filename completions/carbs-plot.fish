function __carbs-plot_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __carbs-plot_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __carbs-plot_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __carbs-plot_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __carbs-plot_parse_tokens -S
    set -l unparsed_tokens (__carbs-plot_tokens -pc)
    switch $unparsed_tokens[1]
    case 'carbs-plot'
        __carbs-plot_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'scatter'
            __carbs-plot_parse_subcommand 1 'score=' 'cost=' 'maximize' 'minimize' 'space=' 'seed=' 'strict' 'ascii' 'color=' 'width=' 'height=' 'title=' 'svg=' 'linear' 'full-range' 'version' 'h/help'
        case 'history'
            __carbs-plot_parse_subcommand 1 'score=' 'cost=' 'maximize' 'minimize' 'space=' 'seed=' 'strict' 'ascii' 'color=' 'width=' 'height=' 'title=' 'svg=' 'x=' 'version' 'h/help'
        case 'params'
            __carbs-plot_parse_subcommand 1 'score=' 'cost=' 'maximize' 'minimize' 'space=' 'seed=' 'strict' 'ascii' 'color=' 'width=' 'height=' 'title=' 'svg=' 'mode=' 'version' 'h/help'
        case 'importance'
            __carbs-plot_parse_subcommand 1 'score=' 'cost=' 'maximize' 'minimize' 'space=' 'seed=' 'strict' 'ascii' 'color=' 'width=' 'height=' 'title=' 'svg=' 'model=' 'version' 'h/help'
        case 'curves'
            __carbs-plot_parse_subcommand 1 'score=' 'cost=' 'maximize' 'minimize' 'space=' 'seed=' 'strict' 'ascii' 'color=' 'width=' 'height=' 'title=' 'svg=' 'x=' 'version' 'h/help'
        case 'help'
            __carbs-plot_parse_subcommand -r 1 'version'
        end
    end
end

function __carbs-plot_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __carbs-plot_parse_subcommand -S -a positional_count
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

function __carbs-plot_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __carbs-plot_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__carbs-plot_tokens -p)
    if test -z "$(__carbs-plot_tokens -t)"
        set -l index (count (__carbs-plot_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'carbs-plot' -f
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot" version' -l 'version' -d 'Show the version.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_positional "carbs-plot" -eq 1' -fa 'scatter' -d 'Score against cost: all runs, the Pareto front highlighted, failures and pending runs marked.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_positional "carbs-plot" -eq 1' -fa 'history' -d 'Best score so far against trial number or cumulative cost.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_positional "carbs-plot" -eq 1' -fa 'params' -d 'One panel per parameter: its value over the trials (drift) or the score against it.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_positional "carbs-plot" -eq 1' -fa 'importance' -d 'Relevance bars per parameter, from carbs-fit\'s score model (or from a log, fitted on the spot).'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_positional "carbs-plot" -eq 1' -fa 'curves' -d 'Learning curves: each run\'s score against its cumulative cost (or step), stopped and running runs marked, the front over them.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_positional "carbs-plot" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" score' -l 'score' -d 'Key of the score in run records (overrides the log\'s objective; default: score).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" cost' -l 'cost' -d 'Key of the cost in run records (overrides the log\'s objective; default: cost).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" maximize' -l 'maximize' -d 'Higher scores are better (the default, unless the log\'s objective says minimize).'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" minimize' -l 'minimize' -d 'Lower scores are better.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" space' -l 'space' -d 'Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.' -rF
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" seed' -l 'seed' -d 'Seed of every random choice.' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" strict' -l 'strict' -d 'Treat any bad line as fatal (exit 65) instead of warning and skipping it.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" ascii' -l 'ascii' -d 'Plain ASCII instead of Unicode braille.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" color' -l 'color' -d 'Colour: auto (when standard output is a terminal and NO_COLOR is unset), always or never.' -rfka 'auto always never'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" width' -l 'width' -d 'Width in columns, 16 to 1000 (default: the terminal\'s, or 80).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" height' -l 'height' -d 'Height in rows, 6 to 1000 (default: 24).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" title' -l 'title' -d 'Title above the plot.' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" svg' -l 'svg' -d 'Write the plot as a standalone SVG document to FILE instead (whole or not at all; a symlink at FILE is replaced, not followed; FILE may not be the log).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'svg\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_positional "carbs-plot scatter" -eq 1' -fa '(set -l exts \'jsonl\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" linear' -l 'linear' -d 'Linear cost axis (default: log).'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" full-range' -l 'full-range' -d 'Scale the score axis to every run (default: focus on the front; far worse runs sit on the bottom edge).'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" version' -l 'version' -d 'Show the version.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot scatter" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot history" score' -l 'score' -d 'Key of the score in run records (overrides the log\'s objective; default: score).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot history" cost' -l 'cost' -d 'Key of the cost in run records (overrides the log\'s objective; default: cost).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot history" maximize' -l 'maximize' -d 'Higher scores are better (the default, unless the log\'s objective says minimize).'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot history" minimize' -l 'minimize' -d 'Lower scores are better.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot history" space' -l 'space' -d 'Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.' -rF
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot history" seed' -l 'seed' -d 'Seed of every random choice.' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot history" strict' -l 'strict' -d 'Treat any bad line as fatal (exit 65) instead of warning and skipping it.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot history" ascii' -l 'ascii' -d 'Plain ASCII instead of Unicode braille.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot history" color' -l 'color' -d 'Colour: auto (when standard output is a terminal and NO_COLOR is unset), always or never.' -rfka 'auto always never'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot history" width' -l 'width' -d 'Width in columns, 16 to 1000 (default: the terminal\'s, or 80).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot history" height' -l 'height' -d 'Height in rows, 6 to 1000 (default: 24).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot history" title' -l 'title' -d 'Title above the plot.' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot history" svg' -l 'svg' -d 'Write the plot as a standalone SVG document to FILE instead (whole or not at all; a symlink at FILE is replaced, not followed; FILE may not be the log).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'svg\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_positional "carbs-plot history" -eq 1' -fa '(set -l exts \'jsonl\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot history" x' -l 'x' -d 'Horizontal axis: trials, or cost (cumulative, log axis).' -rfka 'trials cost'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot history" version' -l 'version' -d 'Show the version.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot history" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot params" score' -l 'score' -d 'Key of the score in run records (overrides the log\'s objective; default: score).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot params" cost' -l 'cost' -d 'Key of the cost in run records (overrides the log\'s objective; default: cost).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot params" maximize' -l 'maximize' -d 'Higher scores are better (the default, unless the log\'s objective says minimize).'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot params" minimize' -l 'minimize' -d 'Lower scores are better.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot params" space' -l 'space' -d 'Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.' -rF
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot params" seed' -l 'seed' -d 'Seed of every random choice.' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot params" strict' -l 'strict' -d 'Treat any bad line as fatal (exit 65) instead of warning and skipping it.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot params" ascii' -l 'ascii' -d 'Plain ASCII instead of Unicode braille.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot params" color' -l 'color' -d 'Colour: auto (when standard output is a terminal and NO_COLOR is unset), always or never.' -rfka 'auto always never'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot params" width' -l 'width' -d 'Width in columns, 16 to 1000 (default: the terminal\'s, or 80).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot params" height' -l 'height' -d 'Height in rows, 6 to 1000 (default: 24).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot params" title' -l 'title' -d 'Title above the plot.' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot params" svg' -l 'svg' -d 'Write the plot as a standalone SVG document to FILE instead (whole or not at all; a symlink at FILE is replaced, not followed; FILE may not be the log).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'svg\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_positional "carbs-plot params" -eq 1' -fa '(set -l exts \'jsonl\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot params" mode' -l 'mode' -d 'drift (value over trials) or score (score against value).' -rfka 'drift score'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot params" version' -l 'version' -d 'Show the version.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot params" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot importance" score' -l 'score' -d 'Key of the score in run records (overrides the log\'s objective; default: score).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot importance" cost' -l 'cost' -d 'Key of the cost in run records (overrides the log\'s objective; default: cost).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot importance" maximize' -l 'maximize' -d 'Higher scores are better (the default, unless the log\'s objective says minimize).'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot importance" minimize' -l 'minimize' -d 'Lower scores are better.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot importance" space' -l 'space' -d 'Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.' -rF
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot importance" seed' -l 'seed' -d 'Seed of every random choice.' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot importance" strict' -l 'strict' -d 'Treat any bad line as fatal (exit 65) instead of warning and skipping it.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot importance" ascii' -l 'ascii' -d 'Plain ASCII instead of Unicode braille.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot importance" color' -l 'color' -d 'Colour: auto (when standard output is a terminal and NO_COLOR is unset), always or never.' -rfka 'auto always never'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot importance" width' -l 'width' -d 'Width in columns, 16 to 1000 (default: the terminal\'s, or 80).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot importance" height' -l 'height' -d 'Height in rows, 6 to 1000 (default: 24).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot importance" title' -l 'title' -d 'Title above the plot.' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot importance" svg' -l 'svg' -d 'Write the plot as a standalone SVG document to FILE instead (whole or not at all; a symlink at FILE is replaced, not followed; FILE may not be the log).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'svg\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_positional "carbs-plot importance" -eq 1' -fa '(set -l exts \'jsonl\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot importance" model' -l 'model' -d 'Which carbs-fit model.' -rfka 'score cost'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot importance" version' -l 'version' -d 'Show the version.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot importance" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot curves" score' -l 'score' -d 'Key of the score in run records (overrides the log\'s objective; default: score).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot curves" cost' -l 'cost' -d 'Key of the cost in run records (overrides the log\'s objective; default: cost).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot curves" maximize' -l 'maximize' -d 'Higher scores are better (the default, unless the log\'s objective says minimize).'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot curves" minimize' -l 'minimize' -d 'Lower scores are better.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot curves" space' -l 'space' -d 'Read the parameter declarations from FILE (JSON lines, JSON or YAML) instead of the log.' -rF
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot curves" seed' -l 'seed' -d 'Seed of every random choice.' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot curves" strict' -l 'strict' -d 'Treat any bad line as fatal (exit 65) instead of warning and skipping it.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot curves" ascii' -l 'ascii' -d 'Plain ASCII instead of Unicode braille.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot curves" color' -l 'color' -d 'Colour: auto (when standard output is a terminal and NO_COLOR is unset), always or never.' -rfka 'auto always never'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot curves" width' -l 'width' -d 'Width in columns, 16 to 1000 (default: the terminal\'s, or 80).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot curves" height' -l 'height' -d 'Height in rows, 6 to 1000 (default: 24).' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot curves" title' -l 'title' -d 'Title above the plot.' -rfka ''
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot curves" svg' -l 'svg' -d 'Write the plot as a standalone SVG document to FILE instead (whole or not at all; a symlink at FILE is replaced, not followed; FILE may not be the log).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'svg\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_positional "carbs-plot curves" -eq 1' -fa '(set -l exts \'jsonl\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot curves" x' -l 'x' -d 'Horizontal axis: cost (cumulative, log axis, with the front) or step (linear).' -rfka 'cost step'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot curves" version' -l 'version' -d 'Show the version.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot curves" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'carbs-plot' -n '__carbs-plot_should_offer_completions_for_flags_or_options "carbs-plot help" version' -l 'version' -d 'Show the version.'

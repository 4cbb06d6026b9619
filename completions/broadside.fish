# broadside.fish - fish completion for broadside: commands, options, bundled design names.
set -l commands render check batch impose preflight designs fonts serve
complete -c broadside -f
complete -c broadside -n "not __fish_seen_subcommand_from $commands" -a render -d 'write PDF, PNG, SVG'
complete -c broadside -n "not __fish_seen_subcommand_from $commands" -a check -d 'validate and lay out, write nothing'
complete -c broadside -n "not __fish_seen_subcommand_from $commands" -a batch -d 'run a manifest of jobs'
complete -c broadside -n "not __fish_seen_subcommand_from $commands" -a impose -d 'impose pages on press sheets'
complete -c broadside -n "not __fish_seen_subcommand_from $commands" -a preflight -d 'check a PDF for print'
complete -c broadside -n "not __fish_seen_subcommand_from $commands" -a designs -d 'list the bundled designs'
complete -c broadside -n "not __fish_seen_subcommand_from $commands" -a fonts -d 'list the font families'
complete -c broadside -n "not __fish_seen_subcommand_from $commands" -a serve -d 'the web page'
complete -c broadside -l version -d 'versions of broadside and its libraries'
complete -c broadside -l limit -x -d 'change a limit, NAME=N'
complete -c broadside -l allow-path -r -a '(__fish_complete_directories)' -d 'folder images may come from'
complete -c broadside -n "__fish_seen_subcommand_from render check" -a '(broadside designs 2>/dev/null | string split -f1 " ")' -d 'bundled design'
complete -c broadside -n "__fish_seen_subcommand_from render check" -F
complete -c broadside -n "__fish_seen_subcommand_from render check" -l set -x -d 'variable, key=value'
complete -c broadside -n "__fish_seen_subcommand_from render check" -l vars -r -F -d 'YAML file of values'
complete -c broadside -n "__fish_seen_subcommand_from render check" -l data -r -F -d 'CSV or TSV, one job per row'
complete -c broadside -n "__fish_seen_subcommand_from render check" -l watch -d 'again whenever an input changes'
complete -c broadside -n "__fish_seen_subcommand_from render" -s o -l output -r -F -d 'file to write'
complete -c broadside -n "__fish_seen_subcommand_from render" -l dpi -x -d 'PNG resolution'
complete -c broadside -n "__fish_seen_subcommand_from render" -l pages -x -d 'pages to draw'
complete -c broadside -n "__fish_seen_subcommand_from render" -l color -x -a 'rgb cmyk'
complete -c broadside -n "__fish_seen_subcommand_from render" -l pdfx -x -a '4 1a none'
complete -c broadside -n "__fish_seen_subcommand_from render" -l icc -r -F -d 'CMYK press profile'
complete -c broadside -n "__fish_seen_subcommand_from render" -l marks -x -a 'all crop bleed registration colorbar slug-info'
complete -c broadside -n "__fish_seen_subcommand_from render" -l no-marks
complete -c broadside -n "__fish_seen_subcommand_from render" -l no-preflight
complete -c broadside -n "__fish_seen_subcommand_from render" -l timings
complete -c broadside -n "__fish_seen_subcommand_from batch" -F
complete -c broadside -n "__fish_seen_subcommand_from batch" -l out -r -a '(__fish_complete_directories)'
complete -c broadside -n "__fish_seen_subcommand_from batch" -s j -l jobs -x
complete -c broadside -n "__fish_seen_subcommand_from batch" -l report -r -F
complete -c broadside -n "__fish_seen_subcommand_from batch" -l shard -x
complete -c broadside -n "__fish_seen_subcommand_from preflight impose" -F
complete -c broadside -n "__fish_seen_subcommand_from fonts" -l check -r -F

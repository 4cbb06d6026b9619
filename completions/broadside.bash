# broadside.bash - bash completion for broadside: commands, options, bundled design names.
_broadside() {
  local cur prev cmd i
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd=
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      render|check|batch|impose|preflight|designs|fonts|serve) cmd=${COMP_WORDS[i]}; break ;;
    esac
  done
  if [[ -z $cmd ]]; then
    COMPREPLY=($(compgen -W "render check batch impose preflight designs fonts serve --version --help --limit --allow-path" -- "$cur"))
    return
  fi
  case $prev in
    -o|--output|--vars|--data|--icc|--report|--contact-sheet|--proof|--allow-path|--out)
      COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "rgb cmyk" -- "$cur")); return ;;
    --pdfx) COMPREPLY=($(compgen -W "4 1a none" -- "$cur")); return ;;
    --marks) COMPREPLY=($(compgen -W "all crop bleed registration colorbar slug-info" -- "$cur")); return ;;
  esac
  local opts
  case $cmd in
    render) opts="-o --output --set --vars --data --dpi --pages --timings --marks --no-marks --no-preflight --impose --color --pdfx --icc --watch" ;;
    check) opts="--set --vars --data --watch" ;;
    batch) opts="--out -j --jobs --report --shard --contact-sheet" ;;
    impose) opts="-o --output --sheet --layout --duplex --tumble --cut-stack --marks --gutter --keep-orientation" ;;
    preflight) opts="--design --content --set --json --proof --proof-dpi --ink-limit --min-text --safe-zone" ;;
    fonts) opts="--check --design" ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [[ $cmd == render || $cmd == check ]]; then
    # Bundled design names, then files.
    local designs
    designs=$(broadside designs 2>/dev/null | cut -d' ' -f1)
    COMPREPLY=($(compgen -W "$designs" -- "$cur") $(compgen -f -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _broadside broadside

{ printf -- "---\nheadline: One long paragraph\n---\nA short first paragraph.\n\n"; yes "word" | head -n 20000 | tr '\n' ' '; echo; } > long.md

{ printf -- "---\nheadline: Huge\n---\n"; yes "A sentence that repeats until the statement is far too long to be a leaflet." | head -c 5000000; } > huge.md

{ printf -- "---\nheadline: Many demands\ndemands:\n"; seq -f "  - Demand number %g" 1 100000; printf -- "---\nBody.\n"; } > many.md

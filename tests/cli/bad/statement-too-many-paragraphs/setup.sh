{ printf -- "---\nheadline: Many paragraphs\n---\n"; seq -f "Paragraph %g.
" 1 100000; } > many.md

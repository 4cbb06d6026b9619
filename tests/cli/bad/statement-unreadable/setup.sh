printf -- "---\nheadline: x\n---\nbody\n" > secret.md
chmod 000 secret.md

mkfifo pipe.md

mkfifo press.icc

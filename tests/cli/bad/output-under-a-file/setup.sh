echo "a file where a folder should be" > out/blocker

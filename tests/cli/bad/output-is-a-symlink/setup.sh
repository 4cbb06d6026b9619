echo "the bytes a link would overwrite" > precious.txt
ln -s ../precious.txt out/x.pdf

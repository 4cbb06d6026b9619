mkdir elsewhere
echo keep > elsewhere/keep.txt
ln -s ../elsewhere out/linked

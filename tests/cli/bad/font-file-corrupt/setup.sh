# A copy of broadside's data folder whose fonts/ holds a truncated font and a garbage file.
mkdir -p data/designs data/fonts
cp "$REPO/fonts/broadside.conf" data/fonts/
head -c 3000 "$(ls /usr/share/fonts/opentype/inter/*.otf | head -1)" > data/fonts/CorruptSans-Regular.otf
printf 'garbage, not a font' > data/fonts/Garbage.ttf
cp "$CASE/corrupt-font.yaml" data/designs/

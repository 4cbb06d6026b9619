cp "$CASE/design.yaml" .
mkfifo photo.png

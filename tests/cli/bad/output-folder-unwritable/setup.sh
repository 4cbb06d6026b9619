mkdir out/locked
chmod 555 out/locked

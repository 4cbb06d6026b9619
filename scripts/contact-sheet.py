#!/usr/bin/env python3
"""contact-sheet.py — lays PNG previews side by side, scaled to one height, for reviewing many
renders at once: contact-sheet.py OUT.png HEIGHT IN.png... (inputs: 8-bit RGB PNGs as broadside
writes them; any row filter)."""
import struct, sys, zlib


def read_png(path):
    data = open(path, 'rb').read()
    pos, chunks, idat = 8, {}, b''
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR': chunks['ihdr'] = body
        if kind == b'IDAT': idat += body
        pos += 12 + n
    w, h, depth, color = struct.unpack('>IIBB', chunks['ihdr'][:10])
    bpp = {2: 3, 6: 4}[color]
    raw, rows, prev = zlib.decompress(idat), [], bytearray(w * bpp)
    stride = w * bpp
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line if bpp == 3 else b''.join(line[i:i + 3] for i in range(0, stride, 4))))
        prev = line
    return w, h, rows


def main():
    out, height, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    images = []
    for p in paths:
        w, h, rows = read_png(p)
        scale = height / h
        nw = max(1, int(w * scale))
        images.append([bytes(b''.join(rows[int(y / scale)][int(x / scale) * 3:int(x / scale) * 3 + 3]
                                     for x in range(nw))) for y in range(height)])
    gap = b'\x80\x80\x80' * 6
    lines = [gap.join(img[y] for img in images) for y in range(height)]
    width = len(lines[0]) // 3
    raw = b''.join(b'\x00' + l for l in lines)
    png = b'\x89PNG\r\n\x1a\n'
    def chunk(kind, body):
        return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body))
    png += chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
    png += chunk(b'IDAT', zlib.compress(raw, 6)) + chunk(b'IEND', b'')
    open(out, 'wb').write(png)


main()

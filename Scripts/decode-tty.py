#!/usr/bin/env python3
"""Where the bytes a terminal program wrote went: per screen row and per kind.

    Scripts/decode-tty.py FILE.bytes [--moves N] [--trace] [--move K]

FILE is raw terminal output (what `Scripts/bench-tui-moves.sh --keep DIR`
saves). The bytes are followed through a small model of an xterm (cursor
position only) and counted by kind: printed text, SGR attribute changes,
cursor moves (CUP, VPA, HPA, CR, ...), erases (EL, ECH, ED) and anything else.
Rows count from 1, as the terminal's do. `--moves N` divides the totals by N; `--trace` prints each sequence with the
row it was sent for, to see exactly what one move cost. With FILE.offsets
next to it (where each move began), the bytes of each move are listed and
`--move K` keeps only the K-th move (from 1).
"""
import re
import sys
from collections import defaultdict

CSI = re.compile(rb"\x1b\[([0-9;?]*)([ -/]*)([@-~])")


def kind_of_csi(final, params):
    if final == b"m":
        return "sgr"
    if final in b"HfdGABCDeaE`F":
        return "move"
    if final in b"KXJ":
        return "erase"
    return "other"


def decode(data):
    """Yields (row, kind, bytes) for every piece of the stream. Until the
    first absolute move the row is not known (the cursor sits where the
    previous frame left it): -1, shown as "?"."""
    row, col = -1, 0
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b == 0x1B:
            m = CSI.match(data, i)
            if m:
                params, _, final = m.group(1), m.group(2), m.group(3)
                kind = kind_of_csi(final, params)
                nums = [int(p) if p.isdigit() else 0 for p in params.split(b";")] if params else []
                if final in b"Hf":
                    row = (nums[0] if nums and nums[0] else 1) - 1
                    col = (nums[1] if len(nums) > 1 and nums[1] else 1) - 1
                elif final == b"d":
                    row = (nums[0] if nums and nums[0] else 1) - 1
                elif final in b"G`":
                    col = (nums[0] if nums and nums[0] else 1) - 1
                elif final == b"A" and row >= 0:
                    row -= nums[0] if nums and nums[0] else 1
                elif final in b"Be" and row >= 0:
                    row += nums[0] if nums and nums[0] else 1
                elif final in b"Ca":
                    col += nums[0] if nums and nums[0] else 1
                elif final == b"D":
                    col -= nums[0] if nums and nums[0] else 1
                yield row, kind, m.group(0)
                i = m.end()
                continue
            # ESC ( B and other two- or three-byte escapes: charset selection.
            if i + 2 < n and data[i + 1] in b"()*+":
                yield row, "sgr", data[i:i + 3]
                i += 3
                continue
            yield row, "other", data[i:i + 2]
            i += 2
            continue
        if b == 0x0D:
            col = 0
            yield row, "move", data[i:i + 1]
            i += 1
            continue
        if b == 0x0A:
            row = row + 1 if row >= 0 else row
            yield row, "move", data[i:i + 1]
            i += 1
            continue
        if b == 0x08:
            col -= 1
            yield row, "move", data[i:i + 1]
            i += 1
            continue
        if b < 0x20:
            yield row, "other", data[i:i + 1]
            i += 1
            continue
        # Printable text up to the next control byte.
        j = i
        while j < n and data[j] >= 0x20 and data[j] != 0x7F:
            j += 1
        if j == i:
            j = i + 1
        text = data[i:j]
        col += len(text.decode("utf-8", "replace"))
        yield row, "text", text
        i = j


def main(argv):
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    path = argv[0]
    moves = 1
    trace = "--trace" in argv
    if "--moves" in argv:
        moves = int(argv[argv.index("--moves") + 1])
    data = open(path, "rb").read()
    offsets_path = path[:-len(".bytes")] + ".offsets" if path.endswith(".bytes") else None
    try:
        offsets = [int(x) for x in open(offsets_path).read().split()] if offsets_path else []
    except OSError:
        offsets = []
    if offsets:
        base = offsets[0]
        bounds = [o - base for o in offsets] + [len(data)]
        sizes = [bounds[k + 1] - bounds[k] for k in range(len(offsets))]
        print("bytes per move: " + " ".join(str(x) for x in sizes))
        if "--move" in argv:
            k = int(argv[argv.index("--move") + 1]) - 1
            data = data[bounds[k]:bounds[k + 1]]
            moves = 1
    kinds = ["text", "sgr", "move", "erase", "other"]
    per_row = defaultdict(lambda: defaultdict(int))
    totals = defaultdict(int)
    for row, kind, piece in decode(data):
        per_row[row][kind] += len(piece)
        totals[kind] += len(piece)
        if trace:
            shown = piece.decode("utf-8", "replace").replace("\x1b", "ESC").replace("\r", "CR").replace("\n", "LF")
            print(f"row {row + 1 if row >= 0 else '?':>2} {kind:5} {len(piece):3} {shown}")
    div = max(1, moves)
    print(f"{path}: {len(data)} bytes, {len(data) / div:.1f} per move ({moves} moves)")
    print(f"{'row':>4} " + " ".join(f"{k:>7}" for k in kinds) + f" {'all':>7}")
    for row in sorted(per_row):
        counts = per_row[row]
        print(f"{row + 1 if row >= 0 else '?':>4} " + " ".join(f"{counts[k] / div:7.1f}" for k in kinds)
              + f" {sum(counts.values()) / div:7.1f}")
    print(f"{'all':>4} " + " ".join(f"{totals[k] / div:7.1f}" for k in kinds) + f" {len(data) / div:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Pack data/ (corpus + word lists) into compressed, capped files that travel to a GPU machine (64 MiB limit).

  /usr/bin/python3 models/training/pack_data.py --data data --out .carry/data --cap-mb 12 --words 300000
"""
import argparse
import lzma
import random
from pathlib import Path


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--out", type=Path, default=Path(".carry/data"))
    ap.add_argument("--cap-mb", type=float, default=12.0)
    ap.add_argument("--words", type=int, default=300000)
    a = ap.parse_args()
    for sub in ("corpus", "words"):
        (a.out / sub).mkdir(parents=True, exist_ok=True)
    total = 0
    for src in sorted((a.data / "corpus").glob("*.txt")) + sorted((a.data / "words").glob("*.txt")):
        lines = src.read_text(encoding="utf-8").splitlines()
        if src.parent.name == "words" and len(lines) > a.words:
            # frequency-ranked head kept whole; the (alphabetical) dictionary forms after it sampled evenly
            head, tail = lines[:60000], lines[60000:]
            lines = head + random.Random(0).sample(tail, a.words - len(head))
        elif src.name.endswith(".train.txt"):
            random.Random(0).shuffle(lines)
            keep, size = [], 0
            for line in lines:
                size += len(line.encode()) + 1
                if size > a.cap_mb * 1e6:
                    break
                keep.append(line)
            lines = keep
        dst = a.out / src.parent.name / (src.name + ".xz")
        with lzma.open(dst, "wt", encoding="utf-8", preset=6) as f:
            f.write("\n".join(lines) + "\n")
        total += dst.stat().st_size
        print(f"{dst} {len(lines)} lines {dst.stat().st_size / 1e6:.2f} MB")
    print(f"total {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

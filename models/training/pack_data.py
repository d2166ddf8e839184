"""Pack data/ (corpus + word lists) into compressed, capped files that travel to a GPU machine (64 MiB limit).

  /usr/bin/python3 models/training/pack_data.py --data data --out .carry/data --cap-mb 10 --words 200000 \
      --cap-other-mb 2 --words-other 50000
The 13 languages of the ByT5 paper (the accuracy targets) get the larger caps; the others the smaller ones.
"""
import argparse
import lzma
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from languages import PAPER_LANGUAGES  # noqa: E402  (models/languages.json)

MAIN_LANGS = set(PAPER_LANGUAGES)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--out", type=Path, default=Path(".carry/data"))
    ap.add_argument("--cap-mb", type=float, default=12.0)
    ap.add_argument("--words", type=int, default=200000)
    ap.add_argument("--cap-other-mb", type=float, default=2.0, help="cap for languages outside MAIN_LANGS")
    ap.add_argument("--words-other", type=int, default=50000, help="word-list size outside MAIN_LANGS")
    a = ap.parse_args()
    for sub in ("corpus", "words"):
        (a.out / sub).mkdir(parents=True, exist_ok=True)
    total = 0
    for src in sorted((a.data / "corpus").glob("*.txt")) + sorted((a.data / "words").glob("*.txt")):
        lines = src.read_text(encoding="utf-8").splitlines()
        main_lang = src.name.split(".")[0] in MAIN_LANGS
        n_words = a.words if main_lang else a.words_other
        cap_mb = a.cap_mb if main_lang else a.cap_other_mb
        if src.parent.name == "words" and len(lines) > n_words:
            # frequency-ranked head kept whole; the (alphabetical) dictionary forms after it sampled evenly
            head, tail = lines[:min(60000, n_words)], lines[min(60000, n_words):]
            lines = head + random.Random(0).sample(tail, n_words - len(head))
        elif src.parent.name == "corpus" and not src.name.endswith(".dev.txt"):
            # train, more and laws each capped (a sample of each: the statutes' share stays min(1/2, theirs))
            random.Random(0).shuffle(lines)
            keep, size = [], 0
            for line in lines:
                size += len(line.encode()) + 1
                if size > cap_mb * 1e6:
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

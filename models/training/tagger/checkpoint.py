"""Keep a training checkpoint in git so that every later run, CPU or GPU, continues from it (`train.py --resume`).

  /usr/bin/python3 models/training/tagger/checkpoint.py RUN/ckpt.pt models/training/checkpoints/tagger.pt

Weights are stored as fp16 (the shipped int8 graph is made from them, so nothing is lost that ships), the AdamW
state as fp32 (its second moments underflow in fp16); about 10 MB for the 1.04 M-parameter tagger.
"""
from __future__ import annotations

import sys
from pathlib import Path

import torch


def fp16_weights(ck: dict) -> dict:
    """The checkpoint with its weights as fp16 (in place)."""
    ck['model'] = {k: v.half() if v.is_floating_point() else v for k, v in ck['model'].items()}
    return ck


def compact(src: Path, dst: Path) -> int:
    ck = fp16_weights(torch.load(src, map_location='cpu'))
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_suffix('.tmp')
    torch.save(ck, tmp)
    tmp.replace(dst)
    return dst.stat().st_size


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(compact(Path(sys.argv[1]), Path(sys.argv[2])), 'bytes')

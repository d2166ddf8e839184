"""Keep a training checkpoint in git so that every later run, CPU or GPU, continues from it (`train.py --resume`).

  /usr/bin/python3 models/training/tagger/checkpoint.py RUN/ckpt.pt models/training/checkpoints/tagger.<langs>.pt [--weights-only]

One file per shipped tagger, named like it (tagger.lt-lv-...-vi.pt for models/tagger.lt-lv-...-vi.int8.onnx).
Weights are stored as fp16 (the shipped int8 graph is made from them, so nothing is lost that ships), the AdamW
moments as bf16 (fp32's range, so the second moments do not underflow as they do in fp16; the optimizer casts them
back to fp32 when it loads them): about 6 MB for a 1.04 M-parameter tagger instead of 10.4 with fp32 moments, so
that checkpoints stay within the 40 MB the repository keeps for them. --weights-only drops the optimizer state
(a later --resume starts AdamW afresh) where even that would not fit: the shipped 5.45 M-parameter tagger's is its
fp16 weights alone (10.4 MB; the GPU job returns no optimizer state over 45 MiB).
"""
from __future__ import annotations

import sys
from pathlib import Path

import torch


def fp16_weights(ck: dict) -> dict:
    """The checkpoint with its weights as fp16 (in place)."""
    ck['model'] = {k: v.half() if v.is_floating_point() else v for k, v in ck['model'].items()}
    return ck


def bf16_moments(ck: dict) -> dict:
    """The checkpoint with its optimizer's floating state (AdamW's moments) as bf16 (in place); `step` stays."""
    for state in ck.get('optimizer', {}).get('state', {}).values():
        for key, value in state.items():
            if torch.is_tensor(value) and value.is_floating_point() and key != 'step':
                state[key] = value.to(torch.bfloat16)
    return ck


def compact(src: Path, dst: Path, weights_only: bool = False) -> int:
    ck = bf16_moments(fp16_weights(torch.load(src, map_location='cpu')))
    if weights_only:
        ck.pop('optimizer', None)
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_suffix('.tmp')
    torch.save(ck, tmp)
    tmp.replace(dst)
    return dst.stat().st_size


if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if a != '--weights-only']
    if len(args) != 2:
        sys.exit(__doc__)
    print(compact(Path(args[0]), Path(args[1]), '--weights-only' in sys.argv), 'bytes')

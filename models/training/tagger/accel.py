"""What the tagger's training needs to use a GPU (train.py's --device/--bf16/--compile/--fused/--workers options).

- `BatchStream`: fixed-shape batches [batch, length] (make_batch) made in worker processes (torch DataLoader over
  an IterableDataset; each worker its own random stream, forked after the text is loaded so it is shared), pinned
  for the copy to the GPU. With workers=0 the batches are made in the training process from the caller's random
  stream, exactly as the CPU recipe always made them.
- `autocast`: bf16 autocast on CUDA (and on the CPU when asked, for the dry run); nothing otherwise.
- `make_optimizer`: AdamW, fused where this torch has it (2.x) and asked for.
- `maybe_compile`: torch.compile where this torch has it (2.x) and asked for; the module itself otherwise.
- `source_bytes`: UTF-8 bytes of the characters of a batch (for throughput in source MB/s) from their input ids.
Runs on torch 1.13 (CPU, Debian) and 2.x (CUDA).
"""
from __future__ import annotations

import contextlib
import inspect
import random

import torch

from alphabet import N_INPUT_IDS, _HASH_BUCKETS, _LATIN_END, _VI_END, _VI_START
from windows import make_batch


def _utf8_lengths() -> torch.Tensor:
    n = torch.zeros(N_INPUT_IDS, dtype=torch.long)
    for i in range(1, _LATIN_END):
        n[i] = len(chr(i).encode('utf-8'))
    n[_LATIN_END:_LATIN_END + _VI_END - _VI_START] = 3
    n[N_INPUT_IDS - _HASH_BUCKETS:] = 3  # other scripts: mostly 3-byte characters (an estimate)
    return n


UTF8_LEN = _utf8_lengths()


def source_bytes(ids: torch.Tensor) -> int:
    return int(UTF8_LEN[ids.cpu()].sum())


class _Batches(torch.utils.data.IterableDataset):
    def __init__(self, texts, weights, seed: int, batch: int, length: int):
        super().__init__()
        self.texts, self.weights, self.seed, self.batch, self.length = texts, weights, seed, batch, length

    def __iter__(self):
        info = torch.utils.data.get_worker_info()
        wid = info.id if info else 0
        torch.set_num_threads(1)
        rng = random.Random(self.seed * 1_000_003 + wid)
        while True:
            yield make_batch(self.texts, self.weights, rng, self.batch, self.length)


class BatchStream:
    """Endless (ids, lang, targets) batches; with workers > 0 made by that many processes."""

    def __init__(self, texts, weights, rng: random.Random, batch: int, length: int, workers: int, seed: int,
                 pin: bool = False):
        self.args = (texts, weights, rng, batch, length)
        self.it = None
        if workers > 0:
            loader = torch.utils.data.DataLoader(
                _Batches(texts, weights, seed, batch, length), batch_size=None, num_workers=workers,
                pin_memory=pin, prefetch_factor=4, persistent_workers=True,
                multiprocessing_context='fork')
            self.it = iter(loader)

    def __next__(self):
        if self.it is None:
            return make_batch(*self.args)
        return next(self.it)


def exact_cpu_gradients() -> None:
    """Turns oneDNN (mkldnn) off for CPU training: in Debian's torch 1.13 its conv1d backward returns wrong weight
    gradients (the tagger's width-7 convolution on a lv batch: norm 2.8e6 where float64 and the plain kernel give
    0.334; sometimes inf; the loss itself identical). Every CPU run until 2026-12-01 learnt from them: runs stalled at
    "keep every letter" or turned every weight into NaN at random steps. The plain kernel costs the same per step
    (1.40-1.55 s with oneDNN, 1.50-1.60 without, batch 24 x 192 on the 2 cores)."""
    torch.backends.mkldnn.enabled = False


def autocast(device: str, bf16: bool):
    if not bf16:
        return contextlib.nullcontext()
    return torch.autocast(device_type='cuda' if device.startswith('cuda') else 'cpu', dtype=torch.bfloat16)


def make_optimizer(params, lr: float, fused: bool):
    kwargs = dict(lr=lr, betas=(0.9, 0.98), weight_decay=0.01)
    if fused and 'fused' in inspect.signature(torch.optim.AdamW).parameters:
        kwargs['fused'] = True
    return torch.optim.AdamW(params, **kwargs), kwargs.get('fused', False)


def maybe_compile(model, wanted: bool):
    if wanted and hasattr(torch, 'compile'):
        return torch.compile(model), True
    return model, False

"""Quick dev-set accuracy for training logs: greedy decoding of fully stripped dev sentences.

The official metric lives in the TypeScript harness (`npx ogonek eval`); this is its cheap approximation
(word alignment by difflib) for model selection during training.
"""
from __future__ import annotations

import difflib

import torch

from model import autocast

import noise
from vocab import PAD, decode_ids, encode_source


def word_accuracy(gold: str, out: str) -> tuple[int, int]:
    g, o = gold.split(), out.split()
    good = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=g, b=o, autojunk=False).get_opcodes():
        if tag == "equal":
            good += i2 - i1
    return good, len(g)


def correct_batch(model, texts: list[str], langs: list[str | None], device: str, batch: int = 128,
                  amp: bool = True) -> list[str]:
    order = sorted(range(len(texts)), key=lambda i: len(texts[i].encode()))
    out = [""] * len(texts)
    for s in range(0, len(order), batch):
        idx = order[s:s + batch]
        seqs = [encode_source(texts[i], langs[i]) for i in idx]
        width = max(len(x) for x in seqs)
        src = torch.full((len(seqs), width), PAD, dtype=torch.long)
        for r, x in enumerate(seqs):
            src[r, :len(x)] = torch.tensor(x)
        src = src.to(device)
        with autocast(device if amp else "cpu"):
            ids = model.greedy(src, src != PAD, 2 * width + 16)
        for r, i in enumerate(idx):
            out[i] = decode_ids(ids[r].tolist())
    return out


def evaluate_dev(model, dev, device: str, limit: int) -> dict:
    """Per-language word accuracy (%) on stripped dev sentences, plus the clean-text copy rate."""
    res = {}
    for lang, sents in dev.sentences.items():
        sents = [s for s in sents[:limit] if len(s.encode()) <= 300]
        if not sents:
            continue
        outs = correct_batch(model, [noise.strip_diacritics(s, lang) for s in sents], [lang] * len(sents), device)
        good = total = 0
        for g, o in zip(sents, outs):
            a, b = word_accuracy(g, o)
            good, total = good + a, total + b
        res[lang] = round(100.0 * good / max(1, total), 2)
    langs = [l for l in res if l != "en"]
    res["mean"] = round(sum(res[l] for l in langs) / max(1, len(langs)), 2)
    return res

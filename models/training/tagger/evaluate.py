"""The tagger alone on stripped text: restore each letter with the most likely allowed class, count words right.

  /usr/bin/python3 models/training/tagger/evaluate.py --checkpoint CKPT [--data data] [--split dev] [--limit 300]

Words: letter runs of the gold line, as the eval harness counts them; a word is right when every letter is.
This is the training-time check on the dev split; the figures that count come from `ogonek eval` (system `model`).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import noise  # noqa: E402

from alphabet import LANGUAGES, apply_class, char_id  # noqa: E402
from windows import _read, allowed_masks, tagged_languages  # noqa: E402
from network import MAX_POSITIONS, Tagger, load  # noqa: E402

WORD = re.compile(r'[^\W\d_]+')


@torch.no_grad()
def restore(model: Tagger, masks: torch.Tensor, lines: list[str], lang: str, batch: int = 32) -> list[str]:
    device = next(model.parameters()).device
    return restore_with(lambda ids, lang_ids: model(ids.to(device), lang_ids.to(device)).float().cpu(),
                        masks, lines, lang, batch)


@torch.no_grad()
def restore_with(logits_of, masks: torch.Tensor, lines: list[str], lang: str, batch: int = 32) -> list[str]:
    """`restore` with any runner of the network: logits_of(ids [B,T] long, lang [B] long) -> logits [B,T,C]
    (PyTorch, or an exported graph through onnxruntime: check.py)."""
    li = LANGUAGES.index(lang)
    out = []
    for at in range(0, len(lines), batch):
        chunk = [s[:MAX_POSITIONS] for s in lines[at:at + batch]]
        t = max(len(s) for s in chunk)
        ids = torch.zeros(len(chunk), t, dtype=torch.long)
        for b, s in enumerate(chunk):
            ids[b, :len(s)] = torch.tensor([char_id(c) for c in s])
        logits = logits_of(ids, torch.full((len(chunk),), li, dtype=torch.long))
        logits = logits.masked_fill(~masks[li][ids], float('-inf'))
        best = logits.argmax(-1)
        for b, s in enumerate(chunk):
            tail = lines[at + b][len(s):]  # past the position table: left as typed
            out.append(''.join(apply_class(c, int(k)) for c, k in zip(s, best[b, :len(s)].tolist())) + tail)
    return out


def word_accuracy(gold_lines: list[str], out_lines: list[str]) -> tuple[int, int]:
    right = total = 0
    for g, o in zip(gold_lines, out_lines):
        gw, ow = WORD.findall(g), WORD.findall(o)
        if len(gw) != len(ow):
            total += len(gw)
            continue
        total += len(gw)
        right += sum(a == b for a, b in zip(gw, ow))
    return right, total


def evaluate_lines(model: Tagger, masks: torch.Tensor, lines_by_lang: dict[str, list[str]]) -> dict:
    """Per language: word accuracy on the stripped lines (diacritics), and on the gold lines left as they are
    (clean: how much correct text the tagger keeps)."""
    device = next(model.parameters()).device
    return evaluate_with(lambda ids, lang: model(ids.to(device), lang.to(device)).float().cpu(), masks, lines_by_lang)


def evaluate_with(logits_of, masks: torch.Tensor, lines_by_lang: dict[str, list[str]], outputs: dict | None = None) -> dict:
    """evaluate_lines with any runner of the network (restore_with); `outputs`, when given, receives the restored
    stripped lines per language."""
    report = {}
    for lang, gold in lines_by_lang.items():
        stripped = [noise.strip_diacritics(s, lang) for s in gold]
        restored = restore_with(logits_of, masks, stripped, lang)
        if outputs is not None:
            outputs[lang] = restored
        r, n = word_accuracy(gold, restored)
        rc, nc = word_accuracy(gold, restore_with(logits_of, masks, gold, lang))
        report[lang] = {'diacritics': round(100 * r / max(1, n), 2), 'clean': round(100 * rc / max(1, nc), 2),
                        'words': n}
    return report


def dev_lines(data: Path, split: str, limit: int, langs: list[str]) -> dict[str, list[str]]:
    out = {}
    for lang in langs:
        lines = _read(data / 'corpus' / f'{lang}.{split}.txt')  # or its packed .xz
        if lines:
            out[lang] = lines[:limit]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--checkpoint', required=True)
    ap.add_argument('--data', type=Path, default=Path('data'))
    ap.add_argument('--split', default='dev')
    ap.add_argument('--limit', type=int, default=300)
    ap.add_argument('--langs', nargs='+', default=None)
    args = ap.parse_args()
    torch.set_num_threads(2)
    model, _ = load(args.checkpoint)
    t0 = time.time()
    lines = dev_lines(args.data, args.split, args.limit, args.langs or tagged_languages())
    rep = evaluate_lines(model, allowed_masks(), lines)
    print(json.dumps(rep, indent=1))
    vals = [v['diacritics'] for v in rep.values()]
    print('mean diacritics %.2f over %d languages, %.0f s' % (sum(vals) / max(1, len(vals)), len(vals), time.time() - t0))


if __name__ == '__main__':
    main()

"""Train the diacritics tagger within a wall-time budget; resumable; logs loss, throughput and dev accuracy.

  /usr/bin/python3 models/training/tagger/train.py --out models/training/runs/tagger --minutes 60 [--resume]

Every run continues from --resume (a checkpoint with weights and optimizer state) when given, so CPU and GPU runs
add up. The learning rate follows warm-up then cosine decay over the run's own budget.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from pathlib import Path

# Waiting OpenMP threads sleep instead of spinning: on a shared 2-core machine a spinning thread steals the core
# its partner needs (measured: 580 -> 3,600 characters/s with two test suites running beside the training).
os.environ.setdefault('OMP_WAIT_POLICY', 'PASSIVE')
import torch  # noqa: E402
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from alphabet import classes  # noqa: E402
from windows import IGNORE, allowed_masks, corpus_dir, language_weights, load_texts, make_batch, tagged_languages  # noqa: E402
from evaluate import dev_lines, evaluate_lines  # noqa: E402
from network import Tagger, TaggerConfig, flops_per_char  # noqa: E402


def lr_at(frac: float, peak: float, warmup: float) -> float:
    if frac < warmup:
        return peak * frac / warmup
    t = (frac - warmup) / max(1e-9, 1 - warmup)
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, t))))


def save(path: Path, model: Tagger, opt, step: int, chars: int, extra: dict):
    tmp = path.with_suffix('.tmp')
    torch.save({'config': model.cfg.to_dict(), 'model': model.state_dict(), 'optimizer': opt.state_dict(),
                'step': step, 'chars': chars, 'classes': classes(), **extra}, tmp)
    tmp.replace(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', type=Path, default=Path('data'))
    ap.add_argument('--out', type=Path, required=True)
    ap.add_argument('--minutes', type=float, default=60.0)
    ap.add_argument('--resume', type=Path, default=None, help='checkpoint to continue from')
    ap.add_argument('--batch', type=int, default=24)
    ap.add_argument('--length', type=int, default=192)
    ap.add_argument('--lr', type=float, default=1.5e-3)
    ap.add_argument('--langs', nargs='+', default=None)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--dev-limit', type=int, default=100)
    ap.add_argument('--seed', type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    log_f = open(args.out / 'log.jsonl', 'a', encoding='utf-8')

    def log(rec: dict):
        print(json.dumps(rec), flush=True)
        log_f.write(json.dumps(rec) + '\n')
        log_f.flush()

    langs = args.langs or tagged_languages()
    texts = load_texts(corpus_dir(args.data), langs)
    weights = language_weights(texts)
    log({'event': 'data', 'languages': {t.lang: {'MB': round(t.bytes / 1e6, 1), 'laws_share': round(t.laws_share, 2)}
                                        for t in texts}})
    model = Tagger(TaggerConfig())
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.98), weight_decay=0.01)
    step, chars = 0, 0
    if args.resume:
        ck = torch.load(args.resume, map_location='cpu')
        model.load_state_dict({k: v.float() for k, v in ck['model'].items()})
        if 'optimizer' in ck:
            opt.load_state_dict(ck['optimizer'])
        step, chars = ck['step'], ck['chars']
    masks = allowed_masks()
    rng = random.Random(args.seed * 7919 + step)
    log({'event': 'start', 'parameters': model.num_parameters(), 'step': step, 'chars': chars,
         'flops_per_char': flops_per_char(model.cfg), 'langs': [t.lang for t in texts]})
    budget = args.minutes * 60
    t0 = time.time()
    last_save = t0
    run_chars = 0
    ema = None
    while True:
        elapsed = time.time() - t0
        if elapsed >= budget:
            break
        for g in opt.param_groups:
            g['lr'] = lr_at(elapsed / budget, args.lr, 0.03 if not args.resume else 0.0)
        ids, lang, tg = make_batch(texts, weights, rng, args.batch, args.length)
        logits = model(ids, lang)
        logits = logits.masked_fill(~masks[lang[:, None], ids], -1e4)
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), tg.reshape(-1), ignore_index=IGNORE)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        n = int((ids != 0).sum())
        chars += n
        run_chars += n
        ema = loss.item() if ema is None else 0.98 * ema + 0.02 * loss.item()
        if step % 20 == 0:
            el = time.time() - t0
            log({'step': step, 'loss': round(ema, 4), 'chars': chars, 'chars_per_s': round(run_chars / el),
                 'minutes': round(el / 60, 2), 'lr': round(opt.param_groups[0]['lr'], 6)})
        if time.time() - last_save > 300:
            save(args.out / 'ckpt.pt', model, opt, step, chars, {})
            last_save = time.time()
    el = time.time() - t0
    save(args.out / 'ckpt.pt', model, opt, step, chars, {})
    model.eval()
    dev = evaluate_lines(model, masks, dev_lines(args.data, 'dev', args.dev_limit, [t.lang for t in texts]))
    mean = sum(v['diacritics'] for v in dev.values()) / max(1, len(dev))
    log({'event': 'end', 'step': step, 'chars': chars, 'run_chars': run_chars, 'seconds': round(el),
         'chars_per_s': round(run_chars / el), 'dev': dev, 'dev_mean': round(mean, 2)})


if __name__ == '__main__':
    main()

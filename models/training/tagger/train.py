"""Train the diacritics tagger within a wall-time budget; resumable; logs loss, throughput and dev accuracy.

  /usr/bin/python3 models/training/tagger/train.py --out models/training/runs/tagger --minutes 60 [--resume]

Every run continues from --resume (a checkpoint with weights and optimizer state) when given, so CPU and GPU runs
add up. The learning rate follows warm-up then cosine decay over the run's own budget.

On a GPU (the prepared job: `python3 -m models.training tagger-gpu-job`, models/training/README.md):
  --device cuda --bf16 --fused --compile --workers 14 --batch 256
bf16 autocast, fused AdamW, torch.compile (torch 2.x), fixed-shape batches from worker processes (accel.py). The
defaults are the CPU recipe, unchanged. Logs give throughput as characters/s, source MB/s (UTF-8 bytes of the
characters seen) and model TFLOP/s (3 x forward FLOPs of every position computed, padding included).
"""
from __future__ import annotations

import argparse
import copy
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
from accel import BatchStream, autocast, exact_cpu_gradients, make_optimizer, maybe_compile, source_bytes  # noqa: E402


def lr_at(frac: float, peak: float, warmup: float) -> float:
    if frac < warmup:
        return peak * frac / warmup
    t = (frac - warmup) / max(1e-9, 1 - warmup)
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, t))))


def snapshot(model: Tagger, opt, step: int) -> dict:
    """A copy of the weights and the optimizer's state in memory, to come back to when a step goes non-finite."""
    return {'model': copy.deepcopy(model.state_dict()), 'opt': copy.deepcopy(opt.state_dict()), 'step': step}


def save(path: Path, model: Tagger, opt, step: int, chars: int, extra: dict):
    tmp = path.with_suffix('.tmp')
    torch.save({'config': model.cfg.to_dict(), 'model': model.state_dict(), 'optimizer': opt.state_dict(),
                'langs': extra.pop('langs', None),
                'step': step, 'chars': chars, 'classes': classes(), **extra}, tmp)
    tmp.replace(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', type=Path, default=Path('data'))
    ap.add_argument('--out', type=Path, required=True)
    ap.add_argument('--minutes', type=float, default=60.0)
    ap.add_argument('--resume', type=Path, default=None, help='checkpoint to continue from')
    ap.add_argument('--init', type=Path, default=None,
                    help="start from another tagger's weights (a new language: fresh optimizer, only --langs tagged)")
    ap.add_argument('--batch', type=int, default=24)
    ap.add_argument('--length', type=int, default=192)
    ap.add_argument('--lr', type=float, default=1.5e-3)
    ap.add_argument('--langs', nargs='+', default=None)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--dev-limit', type=int, default=100)
    ap.add_argument('--seed', type=int, default=1)
    g = ap.add_argument_group('accelerator and size (defaults: the CPU recipe)')
    g.add_argument('--device', default='cpu', help="cpu, cuda, or auto (cuda when there is one)")
    g.add_argument('--bf16', action='store_true', help='bf16 autocast (CUDA; also on the CPU for a dry run)')
    g.add_argument('--fused', action='store_true', help='fused AdamW where this torch has it')
    g.add_argument('--compile', action='store_true', help='torch.compile where this torch has it (2.x)')
    g.add_argument('--workers', type=int, default=0, help='processes making batches (0: in this process)')
    g.add_argument('--warmup', type=float, default=None,
                   help='warm-up share of the budget (default 0.03, none when resuming)')
    g.add_argument('--log-every', type=int, default=20, help='steps between log lines')
    g.add_argument('--save-minutes', type=float, default=5.0, help='minutes between checkpoints')
    for name, default in TaggerConfig().to_dict().items():
        g.add_argument('--' + name.replace('_', '-'), type=int, default=None,
                       help=f'network size for a fresh run (default {default}; a resumed run keeps its own)')
    args = ap.parse_args()
    device = ('cuda' if torch.cuda.is_available() else 'cpu') if args.device == 'auto' else args.device
    if device.startswith('cuda'):
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    torch.set_num_threads(args.threads)
    exact_cpu_gradients()
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
    if args.resume and args.init:
        ap.error('--resume continues a run, --init starts a new one from its weights: one of them')
    ck = torch.load(args.resume or args.init, map_location='cpu') if args.resume or args.init else None
    if args.init:  # the weights only: the languages and the optimizer's state belong to the other tagger's run
        ck = {'config': ck['config'], 'model': ck['model'], 'step': 0, 'chars': 0}
    sizes = {k: v for k, v in vars(args).items() if k in TaggerConfig().to_dict() and v is not None}
    model = Tagger(TaggerConfig(**ck['config']) if ck else TaggerConfig(**sizes)).to(device)
    opt, fused = make_optimizer(model.parameters(), args.lr, args.fused)
    step, chars = 0, 0
    # The languages the network has been trained on, over every run it continues (tagger.json offers only them).
    trained = sorted(set((ck.get('langs') or []) if ck else []) | {t.lang for t in texts})
    if ck:
        model.load_state_dict({k: v.float() for k, v in ck['model'].items()})
        if 'optimizer' in ck:
            opt.load_state_dict(ck['optimizer'])
        step, chars = ck['step'], ck['chars']
        del ck
    masks = allowed_masks(device)
    rng = random.Random(args.seed * 7919 + step)
    stream = BatchStream(texts, weights, rng, args.batch, args.length, args.workers, args.seed * 7919 + step,
                         pin=device.startswith('cuda'))
    train_model, compiled = maybe_compile(model, args.compile)
    warmup = args.warmup if args.warmup is not None else (0.03 if not args.resume else 0.0)
    fpc = flops_per_char(model.cfg)
    log({'event': 'start', 'parameters': model.num_parameters(), 'step': step, 'chars': chars,
         'flops_per_char': fpc, 'langs': [t.lang for t in texts], 'device': device,
         'gpu': torch.cuda.get_device_name(0) if device.startswith('cuda') else None, 'torch': torch.__version__,
         'bf16': args.bf16, 'fused': fused, 'compiled': compiled, 'workers': args.workers, 'batch': args.batch,
         'length': args.length})
    budget = args.minutes * 60
    run_bytes = run_positions = skipped = 0
    t0 = time.time()
    last_save = t0
    run_chars = 0
    ema = None
    good, in_a_row = snapshot(model, opt, step), 0
    while True:
        elapsed = time.time() - t0
        if elapsed >= budget:
            break
        for g in opt.param_groups:
            g['lr'] = lr_at(elapsed / budget, args.lr, warmup)
        ids, lang, tg = next(stream)
        n = int((ids != 0).sum())
        run_bytes += source_bytes(ids)
        run_positions += ids.numel()
        if device != 'cpu':
            ids, lang, tg = (x.to(device, non_blocking=True) for x in (ids, lang, tg))
        try:
            with autocast(device, args.bf16):
                logits = train_model(ids, lang)
        except Exception as e:  # noqa: BLE001
            # A compiler that fails on this machine must not cost the lease: the same step runs eagerly instead.
            if train_model is model:
                raise
            log({'event': 'compile_failed', 'error': f'{type(e).__name__}: {e}'[:800]})
            train_model, compiled = model, False
            with autocast(device, args.bf16):
                logits = train_model(ids, lang)
        logits = logits.float().masked_fill(~masks[lang[:, None], ids], -1e4)
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), tg.reshape(-1), ignore_index=IGNORE)
        opt.zero_grad(set_to_none=True)
        value = loss.item()
        grad_norm = float('nan')
        if math.isfinite(value):
            loss.backward()
            grad_norm = float(torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0))
        # A non-finite loss or gradient is skipped, not learnt from: one such step used to turn every weight into
        # NaN (two CPU runs, at steps 7 and 16, from oneDNN's conv gradients: exact_cpu_gradients). Should the
        # weights go bad anyway (every loss non-finite), the last good copy comes back.
        if not (math.isfinite(value) and math.isfinite(grad_norm)):
            skipped += 1
            in_a_row += 1
            restore = in_a_row >= 3
            if restore:
                model.load_state_dict(good['model'])
                opt.load_state_dict(good['opt'])
                in_a_row = 0
            log({'event': 'skip_nonfinite', 'step': step, 'skipped': skipped, 'loss_finite': math.isfinite(value),
                 'restored_step': good['step'] if restore else None})
            continue
        in_a_row = 0
        opt.step()
        step += 1
        chars += n
        run_chars += n
        ema = value if ema is None else 0.98 * ema + 0.02 * value
        if step % 50 == 0:
            good = snapshot(model, opt, step)
        if step % args.log_every == 0:
            el = time.time() - t0
            log({'step': step, 'loss': round(ema, 4), 'chars': chars, 'chars_per_s': round(run_chars / el),
                 'minutes': round(el / 60, 2), 'lr': round(opt.param_groups[0]['lr'], 6),
                 'source_MB_per_s': round(run_bytes / el / 1e6, 4),
                 'model_TFLOP_per_s': round(3 * fpc * run_positions / el / 1e12, 3)})
        if time.time() - last_save > args.save_minutes * 60:
            save(args.out / 'ckpt.pt', model, opt, step, chars, {'langs': trained})
            last_save = time.time()
    el = time.time() - t0
    save(args.out / 'ckpt.pt', model, opt, step, chars, {'langs': trained})
    model.eval()
    dev = evaluate_lines(model, masks.cpu(), dev_lines(args.data, 'dev', args.dev_limit, [t.lang for t in texts]))
    mean = sum(v['diacritics'] for v in dev.values()) / max(1, len(dev))
    log({'event': 'end', 'step': step, 'chars': chars, 'run_chars': run_chars, 'seconds': round(el),
         'chars_per_s': round(run_chars / el), 'source_MB': round(run_bytes / 1e6, 2),
         'source_MB_per_s': round(run_bytes / el / 1e6, 4),
         'model_TFLOP_per_s': round(3 * fpc * run_positions / el / 1e12, 3), 'skipped_nonfinite': skipped,
         'dev': dev, 'dev_mean': round(mean, 2)})


if __name__ == '__main__':
    main()

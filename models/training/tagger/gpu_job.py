"""The tagger's whole GPU job in one command: train (continuing from the carried checkpoint), export, int8, check,
and put the results in $OUT as files the device tool returns (at most 8 files of under 16 MiB).

  python3 -m models.training tagger-gpu-job --data .carry/tagger --resume .carry/tagger/resume.pt --minutes 6 --out $OUT
The exact device call is in models/training/README.md. The same command runs on a CPU (the dry run): --device auto
takes the GPU when there is one; the GPU options (bf16, fused AdamW, torch.compile, worker processes) are used where
this torch has them. Each stage is guarded: a failed export or check still returns the trained checkpoint.
$OUT: job.log (everything printed), log.jsonl (training log: loss, characters/s, source MB/s, model TFLOP/s, dev),
check.json (parity and int8 gate), tagger.int8.onnx, tagger.json, ckpt.pt (or ckpt.pt.part0.. when over 15 MiB;
weights fp16 without optimizer state when even 3 parts would not hold it).
"""
from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PART = 15 * 2**20


class Tee:
    def __init__(self, path: Path):
        self.f = open(path, 'a', encoding='utf-8')

    def __call__(self, *parts):
        line = ' '.join(str(p) for p in parts)
        print(line, flush=True)
        self.f.write(line + '\n')
        self.f.flush()


def run(cmd: list[str], say: Tee) -> int:
    say('$', ' '.join(cmd))
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
                         env={**os.environ, 'PYTHONUNBUFFERED': '1'})
    for line in p.stdout:
        if 'Warning' not in line and 'warnings.warn' not in line:
            say(line.rstrip('\n'))
    return p.wait()


def save_checkpoint(ckpt: Path, out: Path, say: Tee):
    """ckpt.pt as it is when it fits one file; in up to 3 parts; else fp16 weights without the optimizer."""
    size = ckpt.stat().st_size
    if size > 3 * PART:
        import torch
        from checkpoint import fp16_weights
        ck = fp16_weights(torch.load(ckpt, map_location='cpu'))
        ck.pop('optimizer', None)
        buf = io.BytesIO()
        torch.save(ck, buf)
        data = buf.getvalue()
        say(f'checkpoint {size / 2**20:.1f} MiB: returned as fp16 weights without optimizer state, {len(data) / 2**20:.1f} MiB')
    else:
        data = ckpt.read_bytes()
    if len(data) <= PART:
        (out / 'ckpt.pt').write_bytes(data)
        return
    for i in range(0, len(data), PART):
        (out / f'ckpt.pt.part{i // PART}').write_bytes(data[i:i + PART])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', type=Path, default=Path('.carry/tagger'))
    ap.add_argument('--resume', type=Path, default=None)
    ap.add_argument('--out', type=Path, default=Path(os.environ.get('OUT', '/tmp/tagger-out')))
    ap.add_argument('--work', type=Path, default=Path('/tmp/tagger-gpu-run'))
    ap.add_argument('--minutes', type=float, default=6.0, help='training minutes')
    ap.add_argument('--batch', type=int, default=256)
    ap.add_argument('--lr', type=float, default=1.5e-3)
    ap.add_argument('--workers', type=int, default=max(1, (os.cpu_count() or 2) - 2))
    ap.add_argument('--dev-limit', type=int, default=150)
    ap.add_argument('--check-limit', type=int, default=150, help='dev lines per language for parity and the gate')
    ap.add_argument('--threads', type=int, default=max(1, min(8, os.cpu_count() or 2)))
    ap.add_argument('--device', default='auto')
    ap.add_argument('--no-compile', action='store_true')
    ap.add_argument('--no-bf16', action='store_true')
    ap.add_argument('--langs', nargs='+', default=None)
    ap.add_argument('--extra', default='', help='more train.py arguments, e.g. "--d-model 256 --layers 8"')
    a = ap.parse_args(argv)
    t0 = time.time()
    a.out.mkdir(parents=True, exist_ok=True)
    a.work.mkdir(parents=True, exist_ok=True)
    say = Tee(a.out / 'job.log')
    py = sys.executable
    run(['nvidia-smi', '-L'], say) if shutil.which('nvidia-smi') else say('no nvidia-smi: CPU dry run')
    run([py, '-c', 'import torch, onnx; print("torch", torch.__version__, "cuda", torch.cuda.is_available(), '
                   '"onnx", onnx.__version__)'], say)
    train = [py, str(HERE / 'train.py'), '--data', str(a.data), '--out', str(a.work), '--minutes', str(a.minutes),
             '--device', a.device, '--fused', '--workers', str(a.workers), '--batch', str(a.batch), '--lr', str(a.lr),
             '--dev-limit', str(a.dev_limit), '--threads', str(a.threads), '--log-every', '50', '--save-minutes', '2']
    train += [] if a.no_bf16 else ['--bf16']
    train += [] if a.no_compile else ['--compile']
    train += ['--resume', str(a.resume)] if a.resume else []
    train += ['--langs', *a.langs] if a.langs else []
    train += a.extra.split()
    rc = run(train, say)
    say(f'train exit {rc}, {time.time() - t0:.0f} s')
    if (a.work / 'log.jsonl').exists():
        shutil.copy(a.work / 'log.jsonl', a.out / 'log.jsonl')
    ckpt = a.work / 'ckpt.pt'
    if not ckpt.exists():
        say('no checkpoint: nothing to export')
        return 1
    save_checkpoint(ckpt, a.out, say)
    export_dir = a.work / 'export'
    check = [py, str(HERE / 'check.py'), '--checkpoint', str(ckpt), '--out', str(export_dir), '--data', str(a.data),
             '--limit', str(a.check_limit), '--threads', str(a.threads)]
    check += ['--langs', *a.langs] if a.langs else []
    rc_check = run(check, say)
    for name in ('tagger.int8.onnx', 'tagger.json', 'check.json'):
        if (export_dir / name).exists():
            shutil.copy(export_dir / name, a.out / name)
    files = {p.name: p.stat().st_size for p in sorted(a.out.iterdir())}
    say(json.dumps({'train_exit': rc, 'check_exit': rc_check, 'seconds': round(time.time() - t0), 'files': files}))
    return rc or rc_check


if __name__ == '__main__':
    sys.exit(main())

"""The tagger's export checks, one path for every run: export the float graph, quantize it to int8 (quantize_int8.py,
the one quantizer), then on dev lines (diacritics stripped, as evaluate.py):
  parity  PyTorch vs the float graph through onnxruntime: restored lines identical (target >= 99%);
  gate    int8 graph vs float graph, mean over languages of dev word accuracy: the int8 graph may lose at most
          0.2 points (GATE_POINTS), or the check fails and install.py will not install it.
onnxruntime: its Python package where there is one (GPU machine), onnxruntime-node otherwise (ort_exec.py).

  python3 -m models.training tagger-export --checkpoint CKPT --out DIR [--data data] [--limit 150]
Writes DIR/tagger.onnx (float), DIR/tagger.int8.onnx, DIR/tagger.json and DIR/check.json; exit status 1 when the
gate or parity fails.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np
import onnx
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tagger/ first (train.py)
from evaluate import dev_lines, evaluate_with  # noqa: E402
from export import export  # noqa: E402
from network import load  # noqa: E402
from ort_exec import OrtGraph  # noqa: E402
from quantize_int8 import quantize_model  # noqa: E402
from windows import allowed_masks, tagged_languages  # noqa: E402

GATE_POINTS = 0.2
PARITY_MIN = 0.99


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def quantize(float_path: Path, int8_path: Path) -> int:
    graph = onnx.load(str(float_path))
    n = quantize_model(graph)
    onnx.checker.check_model(graph)
    onnx.save(graph, str(int8_path))
    return n


def graph_runner(session: OrtGraph):
    def logits_of(ids: torch.Tensor, lang: torch.Tensor) -> torch.Tensor:
        out, = session.run({'ids': ids.to(torch.int32).numpy(), 'lang': lang.to(torch.int32).numpy()})
        return torch.from_numpy(np.array(out, dtype=np.float32))
    return logits_of


def mean(report: dict, key: str = 'diacritics') -> float:
    return round(sum(v[key] for v in report.values()) / max(1, len(report)), 3)


def check(checkpoint: Path, out: Path, data: Path, limit: int, langs: list[str] | None = None,
          threads: int = 2) -> dict:
    t0 = time.time()
    torch.set_num_threads(threads)
    model, ck = load(checkpoint)
    langs = langs or ck.get('langs')
    float_path = export(model, out, int8=False, tagged=langs)
    int8_path = out / 'tagger.int8.onnx'
    n_q = quantize(float_path, int8_path)
    masks = allowed_masks()
    lines = dev_lines(data, 'dev', limit, langs or tagged_languages())
    outs = {'torch': {}, 'float': {}, 'int8': {}}
    rep = {'torch': evaluate_with(lambda i, l: model(i, l), masks, lines, outs['torch'])}
    for name, path in (('float', float_path), ('int8', int8_path)):
        with OrtGraph(path, threads) as session:
            rep[name] = evaluate_with(graph_runner(session), masks, lines, outs[name])
            backend = session.backend
    same = sum(a == b for lang in lines for a, b in zip(outs['torch'][lang], outs['float'][lang]))
    total = sum(len(v) for v in lines.values())
    drop = round(mean(rep['float']) - mean(rep['int8']), 3)
    result = {
        'checkpoint': str(checkpoint), 'step': ck.get('step'), 'chars': ck.get('chars'),
        'onnxruntime': backend, 'dev_lines': total, 'languages': len(lines), 'matmuls_quantized': n_q,
        'parity': {'identical_lines': same, 'of': total, 'share': round(same / max(1, total), 4),
                   'min_share': PARITY_MIN},
        'dev_mean': {k: mean(v) for k, v in rep.items()},
        'clean_mean': {k: mean(v, 'clean') for k, v in rep.items()},
        'int8_drop_points': drop, 'gate_points': GATE_POINTS,
        'per_language': {lang: {k: rep[k][lang]['diacritics'] for k in rep} for lang in lines},
        'files': {p.name: {'bytes': p.stat().st_size, 'sha256': sha256(p)}
                  for p in (float_path, int8_path, out / 'tagger.json')},
        'seconds': round(time.time() - t0, 1),
    }
    result['parity_ok'] = total > 0 and same / total >= PARITY_MIN
    result['gate_ok'] = total > 0 and drop <= GATE_POINTS
    result['pass'] = result['parity_ok'] and result['gate_ok']
    (out / 'check.json').write_text(json.dumps(result, indent=1, ensure_ascii=False) + '\n', encoding='utf-8')
    return result


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--checkpoint', type=Path, required=True)
    ap.add_argument('--out', type=Path, required=True)
    ap.add_argument('--data', type=Path, default=Path('data'))
    ap.add_argument('--limit', type=int, default=150, help='dev lines per language')
    ap.add_argument('--langs', nargs='+', default=None)
    ap.add_argument('--threads', type=int, default=2)
    a = ap.parse_args(argv)
    r = check(a.checkpoint, a.out, a.data, a.limit, a.langs, a.threads)
    print(json.dumps({k: r[k] for k in ('dev_mean', 'int8_drop_points', 'parity', 'pass', 'seconds')}))
    if not r['pass']:
        print(f"tagger check FAILED: parity {r['parity']['share']} (min {PARITY_MIN}), int8 drop "
              f"{r['int8_drop_points']} points (max {GATE_POINTS})", file=sys.stderr)
    return 0 if r['pass'] else 1


if __name__ == '__main__':
    sys.exit(main())

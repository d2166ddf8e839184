"""Parity and the int8 gate of the byte model (encoder-decoder), through onnxruntime-node, the app's runtime:
torch_greedy.py writes PyTorch's greedy outputs and the float graphs, bench/onnx-parity/parity.ts decodes the same
inputs with the float graphs and with the int8 model folder. Fails (exit 1) when the float graphs agree with
PyTorch on fewer than 99% of the sentences or the int8 folder loses more than 0.2 points of word hits.

  python3 -m models.training parity --checkpoint CKPT --data DATA --model-dir DIR [--n 200] [--work DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GATE_POINTS = 0.2
PARITY_MIN = 0.99


def npx() -> str:
    local = Path('/opt/ogonek-node/node_modules/.bin')
    env_path = os.environ.get('PATH', '')
    if local.exists() and str(local) not in env_path:
        os.environ['PATH'] = f'{local}:{env_path}'
    return 'npx'


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--checkpoint', type=Path, required=True)
    ap.add_argument('--data', type=Path, required=True)
    ap.add_argument('--model-dir', type=Path, required=True, help='the int8 model folder (install_model.py)')
    ap.add_argument('--n', type=int, default=200)
    ap.add_argument('--work', type=Path, default=None, help='default: the checkpoint folder')
    a = ap.parse_args(argv)
    work = a.work or a.checkpoint.parent
    torch_json, float_dir = work / 'torch-greedy.json', work / 'float-model'
    subprocess.run([sys.executable, str(HERE / 'torch_greedy.py'), '--checkpoint', str(a.checkpoint), '--data',
                    str(a.data), '--n', str(a.n), '--out', str(torch_json), '--float-dir', str(float_dir)], check=True)
    out = subprocess.run([npx(), 'tsx', 'bench/onnx-parity/parity.ts', str(torch_json), str(float_dir),
                          str(a.model_dir)], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    f, q = [json.loads(line) for line in out.splitlines() if line.startswith('{')][-2:]
    report = {'float': f, 'int8': q, 'parity_share': round(f['identical_to_torch'] / max(1, f['sentences']), 4),
              'int8_drop_points': round(f['word_hits_pct'] - q['word_hits_pct'], 2),
              'gate_points': GATE_POINTS, 'min_parity': PARITY_MIN}
    report['pass'] = report['parity_share'] >= PARITY_MIN and report['int8_drop_points'] <= GATE_POINTS
    (work / 'parity.json').write_text(json.dumps(report, indent=1, ensure_ascii=False) + '\n')
    print(json.dumps({k: v for k, v in report.items() if k not in ('float', 'int8')}))
    return 0 if report['pass'] else 1


if __name__ == '__main__':
    sys.exit(main())

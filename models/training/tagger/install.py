"""Install the tagger that passed its checks: tagger.int8.onnx + tagger.json into a model folder as
tagger.<name>.int8.onnx + tagger.<name>.json (name: its languages joined by '-'), listed in its manifest.json
(export.register); the folder's other taggers stay. Refuses when check.json (check.py) is missing, says the parity or
the int8 gate failed, or names other bytes than the graph beside it.

  python3 -m models.training tagger-install --from DIR [--models models]
DIR: check.py's output folder, or the files a GPU job returned ($OUT).
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check import sha256  # noqa: E402
from export import installed_files, register, tagger_name  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]


def install(src: Path, models: Path) -> Path:
    report_path = src / 'check.json'
    if not report_path.exists():
        raise SystemExit(f'{report_path}: no check report; run tagger-export (check.py) first')
    report = json.loads(report_path.read_text(encoding='utf-8'))
    if not report.get('pass'):
        raise SystemExit(f"not installed: parity {report['parity']['share']} (min {report['parity']['min_share']}), "
                         f"int8 drop {report['int8_drop_points']} points (max {report['gate_points']})")
    for name in ('tagger.int8.onnx', 'tagger.json'):
        want = report['files'][name]['sha256']
        if sha256(src / name) != want:
            raise SystemExit(f'not installed: {src / name} is not the file check.json checked')
    alphabet = json.loads((src / 'tagger.json').read_text(encoding='utf-8'))
    name = tagger_name([lang for lang in alphabet['languages'] if alphabet['allowed'].get(lang)])
    models.mkdir(parents=True, exist_ok=True)
    graph, table = installed_files(models, name)
    shutil.copy(src / 'tagger.int8.onnx', graph)
    shutil.copy(src / 'tagger.json', table)
    register(models, name)
    return graph


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--from', dest='src', type=Path, required=True)
    ap.add_argument('--models', type=Path, default=ROOT / 'models')
    a = ap.parse_args(argv)
    print('installed', install(a.src, a.models))


if __name__ == '__main__':
    main()

"""Export the tagger for the engine: tagger.int8.onnx (or float with --float) and tagger.json (its alphabet).

  /usr/bin/python3 models/training/tagger/export.py --checkpoint CKPT --out models/ [--float]

When --out holds a manifest.json, the files are named after the languages trained (tagger.<name>.int8.onnx,
tagger.<name>.json, name: the languages joined by '-') and listed in it (roles `tagger.<name>`,
`tagger_alphabet.<name>`, with size and sha256), which is what makes the engine load them; a folder holds one
tagger per name (electron/engine/tagger/load-tagger.ts). tagger-install does the same for a checked export.

Graph: ids [B,T] int32 (alphabet.char_id, 0 = padding), lang [B] int32 (index in tagger.json's languages)
-> logits [B,T,classes] float32. The engine masks the classes a letter cannot take (tagger.json `allowed`).
"""
from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import sys
from pathlib import Path

import onnx
import torch
import torch.nn as nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from alphabet import tables_json  # noqa: E402
from network import Tagger, load  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from quantize_int8 import quantize_model  # noqa: E402

OPSET = 17


class TaggerGraph(nn.Module):
    def __init__(self, model: Tagger):
        super().__init__()
        self.model = model

    def forward(self, ids, lang):
        return self.model(ids.long(), lang.long(), use_sdpa=False)


def export(model: Tagger, out_dir: Path, int8: bool = True, tagged: list[str] | None = None,
           stem: str = 'tagger') -> Path:
    """tagged: the languages the network was trained on (the checkpoint's `langs`); tagger.json offers only them.
    Writes out_dir/<stem>.int8.onnx (or <stem>.onnx) and <stem>.json."""
    out_dir.mkdir(parents=True, exist_ok=True)
    float_path = out_dir / f'{stem}.onnx'
    ids = torch.tensor([[72, 101, 108, 108, 111]], dtype=torch.int32)
    lang = torch.tensor([0], dtype=torch.int32)
    kwargs = dict(input_names=['ids', 'lang'], output_names=['logits'],
                  dynamic_axes={'ids': {0: 'batch', 1: 'chars'}, 'lang': {0: 'batch'},
                                'logits': {0: 'batch', 1: 'chars'}},
                  opset_version=OPSET, do_constant_folding=True)
    if 'dynamo' in inspect.signature(torch.onnx.export).parameters:
        kwargs['dynamo'] = False
    torch.onnx.export(TaggerGraph(model.float().eval()), (ids, lang), str(float_path), **kwargs)
    (out_dir / f'{stem}.json').write_text(tables_json(tagged) + '\n', encoding='utf-8')
    if not int8:
        return float_path
    graph = onnx.load(str(float_path))
    quantize_model(graph)
    path = out_dir / f'{stem}.int8.onnx'
    onnx.save(graph, str(path))
    float_path.unlink()
    return path


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tagger_name(tagged: list[str]) -> str:
    """The name a tagger is installed under: the languages it was trained on, joined by '-' ('lt', 'lt-pl')."""
    return '-'.join(tagged)


def installed_files(model_dir: Path, name: str) -> tuple[Path, Path]:
    """The graph and the alphabet of the tagger `name` in a model folder."""
    return model_dir / f'tagger.{name}.int8.onnx', model_dir / f'tagger.{name}.json'


def register(model_dir: Path, name: str) -> bool:
    """Lists the files of the tagger `name` (installed_files) in model_dir/manifest.json (when there is one). A tagger
    whose languages it all covers (lt, once lt-lv is installed) is superseded: unlisted and its files deleted; the
    other entries stay as they are."""
    manifest_path = model_dir / 'manifest.json'
    if not manifest_path.exists():
        return False
    manifest = json.loads(manifest_path.read_text(encoding='utf-8'))
    covered = set(name.split('-'))
    for role in [r for r in manifest['files'] if r.startswith('tagger.') and r != f'tagger.{name}']:
        old = role[len('tagger.'):]
        if set(old.split('-')) <= covered:
            for stale in (f'tagger.{old}', f'tagger_alphabet.{old}'):
                entry = manifest['files'].pop(stale, None)
                if entry:
                    (model_dir / entry['path']).unlink(missing_ok=True)
    graph, alphabet = installed_files(model_dir, name)
    for role, path in ((f'tagger.{name}', graph), (f'tagger_alphabet.{name}', alphabet)):
        manifest['files'][role] = {'path': path.name, 'bytes': path.stat().st_size, 'sha256': _sha256(path)}
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + '\n', encoding='utf-8')
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--checkpoint', required=True)
    ap.add_argument('--out', type=Path, required=True)
    ap.add_argument('--float', action='store_true', help='keep the float graph (no int8)')
    ap.add_argument('--langs', nargs='+', default=None, help="the languages trained (default: the checkpoint's)")
    args = ap.parse_args()
    model, ck = load(args.checkpoint)
    tagged = args.langs or ck.get('langs')
    into_models = (args.out / 'manifest.json').exists() and not args.float
    stem = f'tagger.{tagger_name(tagged)}' if into_models else 'tagger'
    graph = export(model, args.out, int8=not args.float, tagged=tagged, stem=stem)
    print(graph, '(listed in manifest.json)' if into_models and register(args.out, tagger_name(tagged)) else '')


if __name__ == '__main__':
    main()

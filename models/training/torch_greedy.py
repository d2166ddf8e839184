"""PyTorch greedy outputs of a checkpoint on stripped dev sentences, for the ONNX parity check in Node.

  /usr/bin/python3 models/training/torch_greedy.py --checkpoint models/training/runs/0.1.0-h200/model.fp16.pt \
      --data .carry/data --n 300 --out /tmp/torch-greedy.json --float-dir models/training/runs/0.1.0-h200/float
Picks the dev sentences as post_train.py does (first n / languages of each language but English, <= 300
bytes). With --float-dir, exports the float32 graphs there with a manifest, so the engine can load them.
bench/onnx-parity/parity.ts then decodes the same inputs through onnxruntime-node and compares.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import noise  # noqa: E402
from data import load_corpus  # noqa: E402
from dev_eval import correct_batch  # noqa: E402
from export_onnx import export, load_checkpoint  # noqa: E402
from manifest import write_manifest  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--checkpoint", type=Path, required=True)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--float-dir", type=Path)
    a = ap.parse_args()
    model = load_checkpoint(a.checkpoint)
    if a.float_dir:
        export(model, a.float_dir)
        write_manifest(a.float_dir, model.cfg, {"encoder": "encoder.onnx", "decoder": "decoder.onnx"},
                       version=f"{a.checkpoint.parent.name}-float", notes="float32 graphs for the parity check")
    dev = load_corpus(a.data, "dev")
    langs = [l for l in dev.sentences if l != "en" and dev.sentences[l]]
    per = max(1, -(-a.n // len(langs)))
    rows = []
    for l in langs:
        for s in [s for s in dev.sentences[l] if len(s.encode()) <= 300][:per]:
            rows.append({"lang": l, "gold": s, "input": noise.strip_diacritics(s, l)})
    outs = correct_batch(model.float(), [r["input"] for r in rows], [r["lang"] for r in rows], "cpu", amp=False)
    for r, o in zip(rows, outs):
        r["torch"] = o
    a.out.write_text(json.dumps(rows, ensure_ascii=False, indent=0))
    print(f"{len(rows)} sentences -> {a.out}")


if __name__ == "__main__":
    main()

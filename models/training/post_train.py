"""After training: export ONNX, quantize to int8, check parity and the int8 accuracy gate, write a report.

  python3 models/training/post_train.py --run RUN_DIR --data DATA_DIR --out OUT_DIR [--n 300] [--workers 14]
Writes OUT_DIR/encoder.int8.onnx (quantize_int8.py: the one int8 quantizer, the same graph here and on a CPU
install), OUT_DIR/float/*.onnx and post_report.json. Parity and the gate here use onnxruntime's Python package (the
GPU machine has it); the check that decides an install is `python3 -m models.training parity` (onnxruntime-node). Only the encoder is quantized: ORT's dynamic int8 computes one activation scale over all query
rows, so an int8 decoder would score a byte differently in a one-byte pass and in a draft pass, and speculative
decoding would no longer equal greedy decoding. Each step is guarded: a failure is
reported and the rest still runs, so a GPU session never loses the trained weights.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
import noise  # noqa: E402
from data import load_corpus  # noqa: E402
from dev_eval import correct_batch, word_accuracy  # noqa: E402
from export_onnx import export, load_checkpoint  # noqa: E402


def quantize(src: Path, dst: Path) -> Path:
    """Dynamic int8 of the weight MatMuls (quantize_int8.py); the output projection ([d, vocab]) stays float."""
    import onnx
    from quantize_int8 import quantize_model
    m = onnx.load(str(src))
    quantize_model(m)
    onnx.save(m, str(dst))
    return dst


def accuracy(golds, outs) -> float:
    good = total = 0
    for g, o in zip(golds, outs):
        a, b = word_accuracy(g, o)
        good, total = good + a, total + b
    return round(100.0 * good / max(1, total), 3)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--run", type=Path, required=True)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--n", type=int, default=300, help="dev sentences for parity and the int8 gate")
    ap.add_argument("--workers", type=int, default=max(1, (os.cpu_count() or 2) - 2))
    ap.add_argument("--deadline", type=float, default=1e12, help="unix time after which optional steps are skipped")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    report: dict = {}
    t0 = time.time()

    def step(name, fn):
        try:
            t = time.time()
            report[name] = fn()
            print(name, "ok", round(time.time() - t, 1), "s", flush=True)
        except Exception:  # keep going: the weights are safe, later steps may still work
            report[name] = {"error": traceback.format_exc()}
            print(name, "FAILED\n", report[name]["error"], flush=True)

    model = load_checkpoint(a.run / "model.fp16.pt")
    fdir = a.out / "float"
    step("export", lambda: [str(p) for p in export(model, fdir)])
    step("quantize", lambda: str(quantize(fdir / "encoder.onnx", a.out / "encoder.int8.onnx")))

    dev = load_corpus(a.data, "dev")
    langs = [l for l in dev.sentences if l != "en" and dev.sentences[l]]
    per = max(1, a.n // len(langs))
    golds, lang_of = [], []
    for l in langs:
        for s in dev.sentences[l][:per]:
            if len(s.encode()) <= 300:
                golds.append(s)
                lang_of.append(l)
    inputs = [noise.strip_diacritics(g, l) for g, l in zip(golds, lang_of)]
    report["dev_sentences"] = len(golds)

    from ort_check import greedy_many
    device = "cuda" if torch.cuda.is_available() else "cpu"

    def parity():
        torch_out = correct_batch(model.float().to(device), inputs, lang_of, device, amp=False)
        onnx_out = greedy_many(str(fdir / "encoder.onnx"), str(fdir / "decoder.onnx"), inputs, lang_of, a.workers)
        same = sum(x == y for x, y in zip(torch_out, onnx_out))
        return {"torch_vs_onnx_float_identical": same, "of": len(golds), "torch_acc": accuracy(golds, torch_out),
                "onnx_float_acc": accuracy(golds, onnx_out), "_onnx_out": onnx_out}

    step("parity", parity)
    float_out = report.get("parity", {}).pop("_onnx_out", None)

    def gate():
        if time.time() > a.deadline:
            return {"skipped": "deadline"}
        q_out = greedy_many(str(a.out / "encoder.int8.onnx"), str(fdir / "decoder.onnx"),
                            inputs, lang_of, a.workers)
        res = {"int8_acc": accuracy(golds, q_out)}
        if float_out:
            res["agreement_with_float"] = round(sum(x == y for x, y in zip(q_out, float_out)) / len(golds), 4)
            res["float_acc"] = accuracy(golds, float_out)
            res["drop_points"] = round(res["float_acc"] - res["int8_acc"], 3)
        return res

    step("int8_gate", gate)
    report["int8_gate_ok"] = report.get("int8_gate", {}).get("drop_points", 1e9) <= 0.2
    def references():
        cases = [("Siandien labai grazus oras", "lt"), ("Prilis zlutoucky kun upel dabelske ody", "cs"),
                 ("Zazolc gesla jazn", "pl"), ("Tieng Viet co dau", "vi"), ("Ca va tres bien, merci", "fr"),
                 ("Sir Stefan si Tara Romaneasca", "ro"), ("Bugun hava cok guzel", "tr")]
        outs = greedy_many(str(a.out / "encoder.int8.onnx"), str(fdir / "decoder.onnx"),
                           [c[0] for c in cases], [c[1] for c in cases], 1)
        return [{"input": c[0], "lang": c[1], "output": o} for c, o in zip(cases, outs)]

    step("reference", references)
    for p in (a.out / "float").glob("*.onnx"):
        report.setdefault("float_sizes", {})[p.name] = p.stat().st_size
    report["seconds"] = round(time.time() - t0, 1)
    (a.out / "post_report.json").write_text(json.dumps(report, indent=1))
    print(json.dumps(report, indent=1)[:4000])


if __name__ == "__main__":
    main()

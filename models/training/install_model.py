"""Install a trained model into models/: the int8 encoder, the float decoder, manifest.json (sizes, sha256, references).

  /usr/bin/python3 models/training/install_model.py --from /work/.device/.../files --version 0.1.0
  /usr/bin/python3 models/training/install_model.py --checkpoint runs/cpu/model.fp16.pt --version 0.2.0-cpu --models DIR
The second form exports the graphs here and quantizes the encoder with quantize_int8.py (the same int8 graph
onnxruntime's quantize_dynamic writes; onnxruntime has no Python package on this machine).
The fp16 checkpoint parts are joined into models/training/runs/<version>/model.fp16.pt (ignored by git) so the
float graphs can be re-exported here with export_onnx.py.
"""
import argparse
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from export_onnx import load_checkpoint  # noqa: E402
from manifest import write_manifest  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--from", dest="src", type=Path)
    ap.add_argument("--checkpoint", type=Path, help="install float32 graphs exported from this checkpoint")
    ap.add_argument("--version", required=True)
    ap.add_argument("--models", type=Path, default=ROOT / "models")
    a = ap.parse_args()
    if a.checkpoint:
        return install_checkpoint(a)
    run = ROOT / "models/training/runs" / a.version
    run.mkdir(parents=True, exist_ok=True)
    parts = sorted(a.src.glob("model.fp16.pt.part*"), key=lambda p: int(p.name.rsplit("part", 1)[1]))
    with open(run / "model.fp16.pt", "wb") as f:
        for p in parts:
            f.write(p.read_bytes())
    for name in ("train.log", "post_report.json"):
        if (a.src / name).exists():
            shutil.copy(a.src / name, run / name)
    model = load_checkpoint(run / "model.fp16.pt")
    install_decoder(model, run / "float", a.models)
    shutil.copy(a.src / "encoder.int8.onnx", a.models / "encoder.int8.onnx")
    report = json.loads((a.src / "post_report.json").read_text()) if (a.src / "post_report.json").exists() else {}
    ref = report.get("reference")
    write_install_manifest(a.models, model, run / "model.fp16.pt", a.version,
                           "encoder: int8 dynamic quantization of the weight MatMuls; "
                           "decoder: float32 (keeps speculative decoding identical to greedy)",
                           ref if isinstance(ref, list) else [])


def install_checkpoint(a):
    import onnx
    from quantize_int8 import quantize_model
    model = load_checkpoint(a.checkpoint)
    enc = install_decoder(model, a.checkpoint.parent / "float", a.models)
    encoder = onnx.load(str(enc))
    quantize_model(encoder)
    onnx.save(encoder, str(a.models / "encoder.int8.onnx"))
    write_install_manifest(a.models, model, a.checkpoint, a.version,
                           "encoder: int8 dynamic quantization of the weight MatMuls (quantize_int8.py); "
                           "decoder: float32, weights stored as fp16")


def install_decoder(model, float_dir: Path, models: Path) -> Path:
    """Exports the float graphs into float_dir and installs the decoder; returns the float encoder's path.

    The decoder stays float32 (see post_train.py), its weights stored as fp16 (exact: the checkpoints are fp16)
    so that the file stays under 16 MB. Files of earlier layouts are removed so the folder holds one model.
    """
    from export_onnx import export, store_weights_as_fp16
    models.mkdir(parents=True, exist_ok=True)
    enc, dec = export(model, float_dir)
    store_weights_as_fp16(dec)
    for old in ("encoder.onnx", "decoder.int8.onnx"):
        (models / old).unlink(missing_ok=True)
    shutil.copy(dec, models / "decoder.onnx")
    return enc


def write_install_manifest(models: Path, model, checkpoint: Path, version: str, notes: str, reference=()):
    """manifest.json for encoder.int8.onnx + decoder.onnx, with the checkpoint's training figures."""
    ck = __import__("torch").load(str(checkpoint), map_location="cpu")
    path = write_manifest(models, model.cfg, {"encoder": "encoder.int8.onnx", "decoder": "decoder.onnx"},
                          version=version, notes=notes, reference=list(reference),
                          extra={"parameters": model.num_parameters(), "quantization": "int8-dynamic-encoder",
                                 "training": {"steps": ck.get("step"), "seconds": round(ck.get("elapsed", 0)),
                                              "source_bytes_seen": ck.get("bytes")}})
    print("wrote", path)


if __name__ == "__main__":
    main()

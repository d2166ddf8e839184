"""Write a tiny random-weight model with the real ONNX contract and a manifest, for fast engine unit tests.

Usage: /usr/bin/python3 models/training/make_tiny_model.py test/fixtures/tiny-model
Its output is noise (random weights): tests use it for plumbing, never for quality.
"""
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from export_onnx import export  # noqa: E402
from manifest import write_manifest  # noqa: E402
from model import ByteT5, ModelConfig  # noqa: E402

if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "test/fixtures/tiny-model")
    torch.manual_seed(7)
    cfg = ModelConfig(d_model=32, n_heads=2, d_ff=64, enc_layers=1, dec_layers=1, max_positions=768)
    model = ByteT5(cfg)
    with torch.no_grad():  # bias the output toward copying so drafts get accepted sometimes
        model.lm_head.weight.copy_(model.embed.weight * 4.0)
    export(model, out)
    write_manifest(out, cfg, {"encoder": "encoder.onnx", "decoder": "decoder.onnx"}, version="tiny-random-0",
                   notes="random weights for plumbing tests only")
    print("wrote", out)

"""Export a trained ByteT5 to the two ONNX graphs of models/ONNX-CONTRACT.md (int32 ids, opset 17)."""
from __future__ import annotations

import argparse
import inspect
from pathlib import Path

import torch
import torch.nn as nn

from model import ByteT5, ModelConfig

OPSET = 17


class EncoderGraph(nn.Module):
    """input_ids [1,S] int32 -> cross_k, cross_v [L,H,S,D]."""

    def __init__(self, model: ByteT5):
        super().__init__()
        self.model = model

    def forward(self, input_ids):
        memory = self.model.encode(input_ids.long(), None, use_sdpa=False)
        ks, vs = self.model.cross_kv(memory)
        return torch.cat(ks, 0), torch.cat(vs, 0)


class DecoderGraph(nn.Module):
    """One decoder pass over a query of any length with a rollback-free cache (see ONNX-CONTRACT.md)."""

    def __init__(self, model: ByteT5):
        super().__init__()
        self.model = model

    def forward(self, input_ids, past_len, self_k, self_v, cross_k, cross_v):
        pl = past_len[0].long()
        n = self.model.cfg.dec_layers
        past_ks = [self_k[i:i + 1, :, :pl] for i in range(n)]
        past_vs = [self_v[i:i + 1, :, :pl] for i in range(n)]
        cks = [cross_k[i:i + 1] for i in range(n)]
        cvs = [cross_v[i:i + 1] for i in range(n)]
        logits, ks, vs = self.model.decode(input_ids.long(), pl, past_ks, past_vs, cks, cvs, None, use_sdpa=False)
        log_probs = torch.log_softmax(logits.float(), dim=-1)
        best, ids = log_probs.max(dim=-1)
        return ids.int(), best.exp(), log_probs, torch.cat(ks, 0), torch.cat(vs, 0)


def _export(module, args, path, input_names, output_names, dynamic_axes):
    kwargs = dict(input_names=input_names, output_names=output_names, dynamic_axes=dynamic_axes,
                  opset_version=OPSET, do_constant_folding=True)
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:
        kwargs["dynamo"] = False  # the TorchScript exporter: same graphs on torch 1.13 and 2.x
    torch.onnx.export(module, args, str(path), **kwargs)


def export(model: ByteT5, out_dir: Path, prefix: str = "") -> tuple[Path, Path]:
    """Write <prefix>encoder.onnx and <prefix>decoder.onnx (float32) into out_dir."""
    model = model.float().eval().cpu()
    cfg = model.cfg
    out_dir.mkdir(parents=True, exist_ok=True)
    enc_path, dec_path = out_dir / f"{prefix}encoder.onnx", out_dir / f"{prefix}decoder.onnx"
    ids = torch.randint(3, 259, (1, 12), dtype=torch.int32)
    with torch.no_grad():
        _export(EncoderGraph(model), (ids,), enc_path, ["input_ids"], ["cross_k", "cross_v"],
                {"input_ids": {1: "S"}, "cross_k": {2: "S"}, "cross_v": {2: "S"}})
        ck, cv = EncoderGraph(model)(ids)
        shape = (cfg.dec_layers, cfg.n_heads, 5, cfg.head_dim)
        args = (torch.randint(3, 259, (1, 3), dtype=torch.int32), torch.tensor([4], dtype=torch.int32),
                torch.randn(shape), torch.randn(shape), ck, cv)
        _export(DecoderGraph(model), args, dec_path,
                ["input_ids", "past_len", "self_k", "self_v", "cross_k", "cross_v"],
                ["next_ids", "next_probs", "log_probs", "new_self_k", "new_self_v"],
                {"input_ids": {1: "Q"}, "self_k": {2: "P"}, "self_v": {2: "P"}, "cross_k": {2: "S"},
                 "cross_v": {2: "S"}, "next_ids": {1: "Q"}, "next_probs": {1: "Q"}, "log_probs": {1: "Q"},
                 "new_self_k": {2: "T"}, "new_self_v": {2: "T"}})
    return enc_path, dec_path


def store_weights_as_fp16(path: Path, min_elements: int = 1024) -> int:
    """Stores the float32 weights of an ONNX file that fp16 holds exactly as fp16, each followed by a Cast back.

    The checkpoints are fp16, so every weight survives the round trip bit for bit: the graph computes exactly
    what it did, in float32, from a file half the size (onnxruntime folds the Casts when it loads). Returns the
    number of weights converted.
    """
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    m = onnx.load(str(path))
    inputs = {i.name for i in m.graph.input}
    casts, converted = [], 0
    for init in m.graph.initializer:
        if init.data_type != TensorProto.FLOAT or init.name in inputs:
            continue
        a = numpy_helper.to_array(init)
        if a.size < min_elements or not np.array_equal(a.astype(np.float16).astype(np.float32), a):
            continue
        name = init.name
        init.CopyFrom(numpy_helper.from_array(a.astype(np.float16), name + "_fp16"))
        casts.append(helper.make_node("Cast", [name + "_fp16"], [name], to=TensorProto.FLOAT, name=name + "_cast"))
        converted += 1
    save_with_nodes_first(m, casts, path)
    return converted


def save_with_nodes_first(m, nodes: list, path: Path) -> None:
    """Puts `nodes` (the casts that restore stored weights) before the graph's own nodes, checks and saves it."""
    import onnx
    all_nodes = nodes + list(m.graph.node)
    del m.graph.node[:]
    m.graph.node.extend(all_nodes)
    onnx.checker.check_model(m)
    onnx.save(m, str(path))


def load_checkpoint(path: Path) -> ByteT5:
    """A ByteT5 from a checkpoint written by train.py (full or fp16 weights-only)."""
    ckpt = torch.load(str(path), map_location="cpu")
    model = ByteT5(ModelConfig(**ckpt["config"]))
    model.load_state_dict({k: v.float() for k, v in ckpt["model"].items()})
    return model.eval()


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("checkpoint", type=Path)
    ap.add_argument("out_dir", type=Path)
    a = ap.parse_args()
    print(export(load_checkpoint(a.checkpoint), a.out_dir))

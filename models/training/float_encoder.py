"""The GPU encoder: a float, batched twin of the shipped int8 encoder, built from that encoder alone.

  cd models/training && /usr/bin/python3 float_encoder.py ../           # writes ../encoder.float.onnx + manifest

Why: the int8 encoder's MatMulInteger/DynamicQuantizeLinear have poor or no kernels in the GPU providers
(WebGPU, DirectML, CoreML): ORT would run them on the CPU and copy tensors back and forth. The float checkpoint
is not kept, so the weights come from the int8 graph, dequantized exactly ((q - zero_point) * scale): the float
encoder computes what the int8 one approximates, without the per-call activation quantization.

The graph (models/ONNX-CONTRACT.md, "encoder.float.onnx") takes a batch: input_ids [B, S] int32, right-padded
with PAD (0), and masks the padding in self-attention, so a document's sentences go to a GPU in a few calls.
Outputs cross_k / cross_v [B, L, H, S, D]: sentence b's block is contiguous and its first S_b positions are what
the one-sentence graph gives for it. Weights are stored as the int8 values and their scale, Cast and Mul back to
float32 (onnxruntime folds both when it loads): the file stays as small as the int8 encoder's.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy as np
import onnx
import torch
import torch.nn as nn
from onnx import TensorProto, helper, numpy_helper

from export_onnx import _export, save_with_nodes_first
from manifest import sha256
from model import ByteT5, ModelConfig

FILE_NAME = "encoder.float.onnx"


class BatchedEncoderGraph(nn.Module):
    """input_ids [B,S] int32 (right-padded with 0) -> cross_k, cross_v [B,L,H,S,D]."""

    def __init__(self, model: ByteT5):
        super().__init__()
        self.model = model

    def forward(self, input_ids):
        ids = input_ids.long()
        memory = self.model.encode(ids, ids != 0, use_sdpa=False)
        ks, vs = self.model.cross_kv(memory)
        return torch.stack(ks, 1), torch.stack(vs, 1)


def dequantized_weights(int8_graph: onnx.ModelProto, dec_layers: int) -> dict[str, np.ndarray]:
    """State-dict entries (torch names) of the int8 encoder: float initializers as they are, and each
    MatMulInteger's weight dequantized and transposed back to a Linear weight. The quantizer
    (quantize_int8.py) names a MatMul's output after its module path: /encoder.{i}/{q,k,v,o}/MatMul,
    /encoder.{i}/ff/{wi,wo}/MatMul, and the decoder layers' cross-attention /k/, /v/ (then /k_1/, ...)."""
    inits = {i.name: numpy_helper.to_array(i) for i in int8_graph.graph.initializer}
    state = {name[len("model."):]: a for name, a in inits.items() if name.startswith("model.")}
    cross: dict[str, list[np.ndarray]] = {"k": [], "v": []}
    for node in int8_graph.graph.node:
        if node.op_type != "MatMulInteger":
            continue
        base = node.input[1][: -len("_quantized")]
        w = (inits[node.input[1]].astype(np.float32) - inits[base + "_zero_point"].astype(np.float32)) \
            * inits[base + "_scale"].astype(np.float32)
        path = node.output[0].split("/")[1:-1]
        if len(path) == 2 and re.fullmatch(r"encoder\.\d+", path[0]) and path[1] in "qkvo":
            state[f"{path[0]}.att.{path[1]}.weight"] = w.T
        elif len(path) == 3 and path[1] == "ff":
            state[f"{path[0]}.ff.{path[2]}.weight"] = w.T
        elif len(path) == 1 and re.fullmatch(r"[kv](_\d+)?", path[0]):
            cross[path[0][0]].append(w.T)
        else:
            raise ValueError(f"unexpected quantized MatMul {node.output[0]} in the int8 encoder")
    if len(cross["k"]) != dec_layers or len(cross["v"]) != dec_layers:
        raise ValueError(f"expected {dec_layers} cross-attention k/v pairs, found {len(cross['k'])}/{len(cross['v'])}")
    for i in range(dec_layers):
        state[f"decoder.{i}.cross_att.k.weight"] = cross["k"][i]
        state[f"decoder.{i}.cross_att.v.weight"] = cross["v"][i]
    return state


def store_weights_as_int8(path: Path, quantized: dict[bytes, tuple[np.ndarray, np.float32]]) -> int:
    """Replaces each float initializer whose value is a dequantized int8 matrix by its int8 values, a Cast and
    a Mul by its scale (exactly the same float32 values once onnxruntime folds them). Returns how many."""
    m = onnx.load(str(path))
    nodes, converted = [], 0
    for init in m.graph.initializer:
        if init.data_type != TensorProto.FLOAT:
            continue
        a = numpy_helper.to_array(init)
        hit = quantized.get(a.tobytes())
        if hit is None:
            continue
        q, scale = hit
        name = init.name
        init.CopyFrom(numpy_helper.from_array(q, name + "_int8"))
        m.graph.initializer.append(numpy_helper.from_array(np.array(scale, dtype=np.float32), name + "_scale"))
        nodes.append(helper.make_node("Cast", [name + "_int8"], [name + "_f"], to=TensorProto.FLOAT, name=name + "_cast"))
        nodes.append(helper.make_node("Mul", [name + "_f", name + "_scale"], [name], name=name + "_dequant"))
        converted += 1
    save_with_nodes_first(m, nodes, path)
    return converted


def build(model_dir: Path) -> Path:
    """Writes <model_dir>/encoder.float.onnx from the manifest's int8 encoder and lists it in the manifest."""
    manifest_path = model_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    dims = manifest["dims"]
    cfg = ModelConfig(d_model=dims["d_model"], n_heads=dims["heads"], d_ff=dims["d_ff"], enc_layers=dims["enc_layers"],
                      dec_layers=dims["dec_layers"], max_positions=manifest["max_positions"],
                      vocab_size=manifest["vocab"]["size"])
    int8_graph = onnx.load(str(model_dir / manifest["files"]["encoder"]["path"]))
    state = dequantized_weights(int8_graph, cfg.dec_layers)
    model = ByteT5(cfg).eval()
    own = model.state_dict()
    for name, a in state.items():
        if name not in own or tuple(own[name].shape) != a.shape:
            raise ValueError(f"{name}: no such weight of shape {a.shape} in the model")
        own[name] = torch.from_numpy(np.array(a, dtype=np.float32))
    model.load_state_dict(own)
    # The exported MatMul weights are the transposed Linear weights, i.e. the int8 graph's dequantized matrices.
    inits = {i.name: numpy_helper.to_array(i) for i in int8_graph.graph.initializer}
    quantized = {}
    for name, q in inits.items():
        if name.endswith("_quantized"):
            base = name[: -len("_quantized")]
            assert not inits[base + "_zero_point"].any(), "the quantizer is symmetric"
            scale = np.float32(inits[base + "_scale"])
            quantized[np.ascontiguousarray((q.astype(np.float32) * scale)).tobytes()] = (q, scale)
    out = model_dir / FILE_NAME
    ids = torch.tensor([[259, 70, 71, 72, 1], [260, 70, 1, 0, 0]], dtype=torch.int32)
    with torch.no_grad():
        _export(BatchedEncoderGraph(model), (ids,), out, ["input_ids"], ["cross_k", "cross_v"],
                {"input_ids": {0: "B", 1: "S"}, "cross_k": {0: "B", 3: "S"}, "cross_v": {0: "B", 3: "S"}})
    converted = store_weights_as_int8(out, quantized)
    expected = sum(1 for n in int8_graph.graph.node if n.op_type == "MatMulInteger")
    if converted != expected:
        raise ValueError(f"stored {converted} of {expected} weight matrices as int8: the export changed a weight")
    manifest["files"]["encoder_float"] = {"path": FILE_NAME, "bytes": out.stat().st_size, "sha256": sha256(out)}
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model_dir", type=Path, help="folder of manifest.json and the int8 encoder (e.g. ../)")
    path = build(ap.parse_args().model_dir)
    print(f"{path}: {path.stat().st_size} bytes")

"""Dynamic int8 quantization of an ONNX graph's weight MatMuls with the onnx package alone.

  /usr/bin/python3 models/training/quantize_int8.py encoder.onnx encoder.int8.onnx

The project's one int8 quantizer (both networks, every machine: tagger/check.py, install_model.py, post_train.py).
Writes the graph onnxruntime's `quantize_dynamic(weight_type=QInt8, per_channel=False)` writes:
each MatMul whose second input is a weight matrix becomes DynamicQuantizeLinear (uint8 activations, one per
distinct activation) -> MatMulInteger with symmetric per-tensor int8 weights -> Cast -> Mul by the two scales.
Activation x activation products (attention) and the output projection (vocabulary columns) stay float.
onnxruntime has no Python package on Debian, so the quantizer needs only the onnx package.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

VOCAB_SIZE = 288


def quantize_weight(w: np.ndarray) -> tuple[np.ndarray, np.float32]:
    """Symmetric int8 in [-127, 127] with one scale, rounded half to even (onnxruntime's rule)."""
    rmax = float(np.abs(w).max()) if w.size else 0.0
    scale = np.float32(rmax / 127.0) if rmax > 0 else np.float32(1.0)
    q = np.clip(np.rint(w / scale), -127, 127).astype(np.int8)
    return q, scale


def quantize_model(model: onnx.ModelProto) -> int:
    """Rewrites `model` in place; returns the number of MatMuls quantized."""
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    activation_q: dict[str, tuple[str, str, str]] = {}
    weight_q: dict[str, tuple[str, str, str]] = {}
    new_nodes, new_inits, count = [], [], 0
    for node in graph.node:
        weight = node.input[1] if node.op_type == "MatMul" and len(node.input) == 2 else None
        if (weight not in inits or len(inits[weight].dims) != 2 or inits[weight].dims[-1] == VOCAB_SIZE
                or inits[weight].data_type != TensorProto.FLOAT or node.input[0] in inits):
            new_nodes.append(node)
            continue
        a = node.input[0]
        if a not in activation_q:
            activation_q[a] = (f"{a}_quantized", f"{a}_scale", f"{a}_zero_point")
            new_nodes.append(helper.make_node("DynamicQuantizeLinear", [a], list(activation_q[a]),
                                              name=f"{a}_QuantizeLinear"))
        if weight not in weight_q:
            q, scale = quantize_weight(numpy_helper.to_array(inits[weight]))
            names = (f"{weight}_quantized", f"{weight}_scale", f"{weight}_zero_point")
            new_inits += [numpy_helper.from_array(q, names[0]), numpy_helper.from_array(np.array(scale), names[1]),
                          numpy_helper.from_array(np.array(0, dtype=np.int8), names[2])]
            weight_q[weight] = names
        aq, ascale, azp = activation_q[a]
        wq, wscale, wzp = weight_q[weight]
        base, out = node.name or weight, node.output[0]
        new_nodes += [
            helper.make_node("Mul", [ascale, wscale], [f"{base}_quant_scales_mul:0"], name=f"{base}_quant_scales_mul"),
            helper.make_node("MatMulInteger", [aq, wq, azp, wzp], [f"{out}_output_quantized"], name=f"{base}_quant"),
            helper.make_node("Cast", [f"{out}_output_quantized"], [f"{out}_output_quantized_cast_output"],
                             to=TensorProto.FLOAT, name=f"{out}_output_quantized_cast"),
            helper.make_node("Mul", [f"{out}_output_quantized_cast_output", f"{base}_quant_scales_mul:0"], [out],
                             name=f"{base}_quant_output_scale_mul"),
        ]
        count += 1
    used = {name for node in new_nodes for name in node.input}
    kept = [i for i in graph.initializer if i.name in used]
    del graph.node[:]
    graph.node.extend(new_nodes)
    del graph.initializer[:]
    graph.initializer.extend(kept + new_inits)
    if not any(o.domain in ("", "ai.onnx") and o.version >= 10 for o in model.opset_import):
        raise ValueError("MatMulInteger needs opset 10 or later")
    return count


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src", type=Path)
    ap.add_argument("dst", type=Path)
    a = ap.parse_args()
    model = onnx.load(str(a.src))
    n = quantize_model(model)
    onnx.checker.check_model(model)
    onnx.save(model, str(a.dst))
    print(f"{a.dst}: {n} MatMuls quantized")


if __name__ == "__main__":
    main()

"""The byte model's training checkpoint, rebuilt from the shipped graphs (its own was lost; issue 12, item 3).

  /usr/bin/python3 -m models.training decoder-recover --model-dir models --out models/training/checkpoints/decoder.pt

The shipped encoder is int8 (symmetric, one scale per matrix) and the decoder float32 stored as fp16, so every
weight the app computes with is in models/: the int8 matrices dequantized exactly (float_encoder.py's
dequantized_weights, which also gives the decoder's cross-attention k and v), the decoder's fp16 matrices cast
back. The result is train.py's weights-only checkpoint format (fp16 weights, config, no optimizer state; the
dequantized encoder matrices rounded to fp16, which re-quantize to the same int8 values): the network the app runs,
which `decoder-train --resume` continues (AdamW starts afresh) and `parity` checks against
the graphs it came from (PyTorch greedy vs onnxruntime-node, >= 99 % identical).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import numpy_helper

sys.path.insert(0, str(Path(__file__).parent))
from float_encoder import dequantized_weights  # noqa: E402
from model import ByteT5, ModelConfig  # noqa: E402

# The decoder graph names a weight MatMul's output after its module path (torch.onnx): self-attention first
# (/decoder.{i}/q/, k, v, o), then cross-attention's (/decoder.{i}/q_1/, o_1; its k and v are in the encoder).
DECODER_MATMUL = {'q': 'self_att.q', 'k': 'self_att.k', 'v': 'self_att.v', 'o': 'self_att.o',
                  'q_1': 'cross_att.q', 'o_1': 'cross_att.o'}


def manifest_config(manifest: dict) -> ModelConfig:
    """The ModelConfig the manifest's graphs were exported from (tied embeddings: one table in the graphs)."""
    dims = manifest['dims']
    return ModelConfig(d_model=dims['d_model'], n_heads=dims['heads'], d_ff=dims['d_ff'], enc_layers=dims['enc_layers'],
                       dec_layers=dims['dec_layers'], max_positions=manifest['max_positions'],
                       vocab_size=manifest['vocab']['size'], tie=True)


def decoder_weights(graph: onnx.ModelProto) -> dict[str, np.ndarray]:
    """State-dict entries of the float decoder graph: norms as they are, each weight MatMul transposed back to
    its Linear weight (fp16-stored matrices are read through their Cast)."""
    inits = {i.name: numpy_helper.to_array(i) for i in graph.graph.initializer}
    for node in graph.graph.node:  # the fp16 -> float32 Casts that store_weights_as_fp16 added
        if node.op_type == 'Cast' and node.input[0] in inits:
            inits[node.output[0]] = inits[node.input[0]].astype(np.float32)
    # Float tables and norms, the fp16-stored ones under their Cast's (original) name.
    state = {name[len('model.'):]: a.astype(np.float32) for name, a in inits.items()
             if name.startswith('model.') and not name.endswith('_fp16')}
    for node in graph.graph.node:
        if node.op_type != 'MatMul' or node.input[1] not in inits:
            continue
        w = inits[node.input[1]].T
        path = node.output[0].split('/')[1:-1]
        if path == ['lm_head']:
            state['lm_head.weight'] = w
        elif len(path) == 2 and re.fullmatch(r'decoder\.\d+', path[0]) and path[1] in DECODER_MATMUL:
            state[f'{path[0]}.{DECODER_MATMUL[path[1]]}.weight'] = w
        elif len(path) == 3 and path[1] == 'ff' and path[2] in ('wi', 'wo'):
            state[f'{path[0]}.ff.{path[2]}.weight'] = w
        else:
            raise ValueError(f'unexpected weight MatMul {node.output[0]} in the decoder')
    return state


def recover(model_dir: Path) -> tuple[ByteT5, dict]:
    """The shipped byte model as a ByteT5 (float32), and the manifest it came from."""
    manifest = json.loads((model_dir / 'manifest.json').read_text())
    cfg = manifest_config(manifest)
    encoder = onnx.load(str(model_dir / manifest['files']['encoder']['path']))
    decoder = onnx.load(str(model_dir / manifest['files']['decoder']['path']))
    # The decoder's embedding tables are fp16 copies of the encoder's float32 ones: the encoder's win.
    state = {**decoder_weights(decoder), **dequantized_weights(encoder, cfg.dec_layers)}
    model = ByteT5(cfg).eval()
    own = model.state_dict()
    # Tied tables appear twice in a state dict; the graphs hold one of each.
    aliases = {'dec_pos.weight': 'enc_pos.weight', 'lm_head.weight': 'embed.weight'}
    missing = [k for k in own if k not in state and aliases.get(k) not in state]
    if missing:
        raise ValueError(f'the graphs lack {missing}')
    for name in own:
        a = state.get(name, state.get(aliases.get(name, '')))
        if tuple(a.shape) != tuple(own[name].shape):
            raise ValueError(f'{name}: shape {a.shape} in the graphs, {tuple(own[name].shape)} in the model')
        own[name] = torch.tensor(np.asarray(a, dtype=np.float32))
    for name in aliases.values():
        own[name] = torch.tensor(np.asarray(state[name], dtype=np.float32))
    model.load_state_dict(own)
    return model, manifest


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--model-dir', type=Path, default=Path('models'))
    ap.add_argument('--out', type=Path, required=True)
    a = ap.parse_args(argv)
    model, manifest = recover(a.model_dir)
    # The training figures the manifest kept (install_model.py), so that a resumed run counts on from them.
    trained = manifest.get('training') or {}
    state = {'config': model.cfg.to_dict(), 'step': trained.get('steps') or 0,
             'elapsed': float(trained.get('seconds') or 0), 'bytes': trained.get('source_bytes_seen') or 0,
             'recovered_from': manifest['version'],
             'model': {k: v.detach().half() for k, v in model.state_dict().items()}}
    a.out.parent.mkdir(parents=True, exist_ok=True)
    torch.save(state, str(a.out))
    print(json.dumps({'out': str(a.out), 'bytes': a.out.stat().st_size, 'parameters': model.num_parameters(),
                      'version': manifest['version']}))
    return 0


if __name__ == '__main__':
    sys.exit(main())

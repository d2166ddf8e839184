"""One way for the training code to run an exported ONNX graph: onnxruntime's Python package where there is one
(the GPU machine), else onnxruntime-node (ort_run.mjs: the runtime the app ships; Debian has no Python package).

  sess = OrtGraph('tagger.onnx'); logits, = sess.run({'ids': ids_int32, 'lang': lang_int32})
  sess.named(feeds) gives the outputs by name.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
_TYPES = {np.dtype('int32'): 'int32', np.dtype('float32'): 'float32', np.dtype('int64'): 'int64'}
_DTYPES = {v: k for k, v in _TYPES.items()}


def node_binary() -> str | None:
    """$OGONEK_NODE, node on PATH, or the project's Node 22 prefix."""
    for cand in (os.environ.get('OGONEK_NODE'), shutil.which('node'), '/opt/ogonek-node/node_modules/.bin/node'):
        if cand and Path(cand).exists():
            return cand
    return None


class OrtGraph:
    def __init__(self, path: str | os.PathLike, threads: int = 2, backend: str = 'auto'):
        self.path = str(path)
        self.backend = backend
        if backend == 'auto':
            try:
                import onnxruntime  # noqa: F401
                self.backend = 'python'
            except ImportError:
                self.backend = 'node'
        if self.backend == 'python':
            import onnxruntime as ort
            so = ort.SessionOptions()
            so.intra_op_num_threads, so.inter_op_num_threads = threads, 1
            so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            self.session = ort.InferenceSession(self.path, so, providers=['CPUExecutionProvider'])
            self.output_names = [o.name for o in self.session.get_outputs()]
        else:
            node = node_binary()
            if node is None:
                raise RuntimeError('neither onnxruntime (Python) nor node is available to run ' + self.path)
            root = HERE.parents[1]
            self.proc = subprocess.Popen([node, str(HERE / 'ort_run.mjs'), self.path, str(threads)], cwd=root,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def run(self, feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
        """Every output of the graph, in its order."""
        return list(self.named(feeds).values())

    def named(self, feeds: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Every output of the graph by name, in its order."""
        if self.backend == 'python':
            return dict(zip(self.output_names, self.session.run(None, feeds)))
        arrays = [(k, np.ascontiguousarray(v)) for k, v in feeds.items()]
        head = [{'name': k, 'type': _TYPES[v.dtype], 'dims': list(v.shape)} for k, v in arrays]
        self.proc.stdin.write((json.dumps(head) + '\n').encode())
        for _, v in arrays:
            self.proc.stdin.write(v.tobytes())
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f'ort_run.mjs ended without an answer for {self.path} (exit {self.proc.wait()})')
        out = {}
        for spec in json.loads(line):
            raw = self.proc.stdout.read(spec['bytes'])
            out[spec['name']] = np.frombuffer(raw, dtype=_DTYPES[spec['type']]).reshape(spec['dims'])
        return out

    def close(self):
        if self.backend == 'node' and self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
            self.proc.stdout.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

"""Greedy decoding through the exported ONNX graphs with onnxruntime (Python), for parity and quantization checks.

Mirrors the engine's reference (greedy) decoder: Q = 1 per step, cache passed back with past_len.
"""
from __future__ import annotations

import multiprocessing as mp

import numpy as np

from vocab import BOS, EOS, decode_ids, encode_source

_SESSIONS = {}


def _session(path: str):
    import onnxruntime as ort
    if path not in _SESSIONS:
        so = ort.SessionOptions()
        so.intra_op_num_threads = 1
        so.inter_op_num_threads = 1
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        _SESSIONS[path] = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
    return _SESSIONS[path]


def greedy(enc_path: str, dec_path: str, text: str, lang: str | None) -> str:
    enc, dec = _session(enc_path), _session(dec_path)
    ids = np.array([encode_source(text, lang)], dtype=np.int32)
    ck, cv = enc.run(["cross_k", "cross_v"], {"input_ids": ids})
    L, H, _, D = ck.shape
    k = np.zeros((L, H, 0, D), np.float32)
    v = k
    cur, out = BOS, []
    for step in range(2 * ids.shape[1] + 16):
        nxt, k, v = dec.run(["next_ids", "new_self_k", "new_self_v"], {
            "input_ids": np.array([[cur]], np.int32), "past_len": np.array([step], np.int32),
            "self_k": k, "self_v": v, "cross_k": ck, "cross_v": cv})
        cur = int(nxt[0, 0])
        if cur == EOS:
            break
        out.append(cur)
    return decode_ids(out)


def _job(args):
    return greedy(*args)


def greedy_many(enc_path: str, dec_path: str, texts: list[str], langs: list[str | None], workers: int) -> list[str]:
    jobs = [(enc_path, dec_path, t, l) for t, l in zip(texts, langs)]
    if workers <= 1:
        return [_job(j) for j in jobs]
    with mp.get_context("fork").Pool(workers) as pool:
        return pool.map(_job, jobs, chunksize=4)

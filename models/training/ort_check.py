"""Greedy decoding through the exported ONNX graphs, for the GPU job's parity and quantization checks (post_train.py),
through ort_exec.OrtGraph: onnxruntime's Python package where there is one (the GPU machine), onnxruntime-node
otherwise (here, so the job's dry run checks too).

Mirrors the engine's reference (greedy) decoder: Q = 1 per step, cache passed back with past_len.
"""
from __future__ import annotations

import multiprocessing as mp

import numpy as np

from ort_exec import OrtGraph
from vocab import BOS, EOS, decode_ids, encode_source

_SESSIONS: dict[str, OrtGraph] = {}


def _session(path: str) -> OrtGraph:
    """One single-threaded graph per path and process (the pool's workers each open their own)."""
    if path not in _SESSIONS:
        _SESSIONS[path] = OrtGraph(path, threads=1)
    return _SESSIONS[path]


def greedy(enc_path: str, dec_path: str, text: str, lang: str | None) -> str:
    enc, dec = _session(enc_path), _session(dec_path)
    ids = np.array([encode_source(text, lang)], dtype=np.int32)
    cross = enc.named({"input_ids": ids})
    ck, cv = cross["cross_k"], cross["cross_v"]
    L, H, _, D = ck.shape
    k = np.zeros((L, H, 0, D), np.float32)
    v = k
    cur, out = BOS, []
    for step in range(2 * ids.shape[1] + 16):
        out_step = dec.named({
            "input_ids": np.array([[cur]], np.int32), "past_len": np.array([step], np.int32),
            "self_k": k, "self_v": v, "cross_k": ck, "cross_v": cv})
        nxt, k, v = out_step["next_ids"], out_step["new_self_k"], out_step["new_self_v"]
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
        try:
            return [_job(j) for j in jobs]
        finally:  # the graphs opened in this process (a node process each where onnxruntime-node runs them)
            for session in _SESSIONS.values():
                session.close()
            _SESSIONS.clear()
    with mp.get_context("fork").Pool(workers) as pool:
        return pool.map(_job, jobs, chunksize=4)

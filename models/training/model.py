"""A small T5-style byte-level encoder-decoder (deep encoder, shallow decoder).

Runs on PyTorch 1.13 (CPU, Debian) and 2.x (GPU). Learned absolute positions keep the ONNX graphs simple:
the decoder takes its position offset (past_len) as an input, so one graph serves greedy steps and drafts.
"""
from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass, asdict

import torch
import torch.nn as nn
import torch.nn.functional as F

from vocab import VOCAB_SIZE, PAD

HAS_SDPA = hasattr(F, "scaled_dot_product_attention")


def autocast(device: str):
    """bf16 autocast on CUDA; nothing on the CPU (torch 1.13 asserts on a CUDA autocast without CUDA)."""
    if device == "cuda":
        return torch.autocast(device_type="cuda", dtype=torch.bfloat16)
    return contextlib.nullcontext()


@dataclass
class ModelConfig:
    d_model: int = 384
    n_heads: int = 6
    d_ff: int = 1536
    enc_layers: int = 6
    dec_layers: int = 2
    max_positions: int = 768
    vocab_size: int = VOCAB_SIZE
    dropout: float = 0.0
    tie: bool = False
    # "sinusoidal": position embeddings start as scaled sinusoids (still trained), so that "attend to the same
    # position of the source" is expressible from step one; "normal": random like every other weight.
    pos_init: str = "normal"

    @property
    def head_dim(self) -> int:
        return self.d_model // self.n_heads

    def to_dict(self) -> dict:
        return asdict(self)


class RMSNorm(nn.Module):
    def __init__(self, d: int, eps: float = 1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.eps = eps

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def attend(q, k, v, mask, use_sdpa: bool):
    """q [B,H,Q,D], k/v [B,H,K,D], mask bool broadcastable to [B,H,Q,K] (True = may attend) or None."""
    if use_sdpa and HAS_SDPA:
        return F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(~mask, -1e9)
    return torch.matmul(torch.softmax(scores, dim=-1), v)


class Attention(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.h, self.d = cfg.n_heads, cfg.head_dim
        self.q = nn.Linear(cfg.d_model, cfg.d_model, bias=False)
        self.k = nn.Linear(cfg.d_model, cfg.d_model, bias=False)
        self.v = nn.Linear(cfg.d_model, cfg.d_model, bias=False)
        self.o = nn.Linear(cfg.d_model, cfg.d_model, bias=False)

    def split(self, x):  # [B,T,C] -> [B,H,T,D]
        b, t, _ = x.shape
        return x.view(b, t, self.h, self.d).transpose(1, 2)

    def merge(self, x):  # [B,H,T,D] -> [B,T,C]
        b, _, t, _ = x.shape
        return x.transpose(1, 2).reshape(b, t, self.h * self.d)

    def kv(self, x):
        return self.split(self.k(x)), self.split(self.v(x))


class FeedForward(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.wi = nn.Linear(cfg.d_model, cfg.d_ff, bias=False)
        self.wo = nn.Linear(cfg.d_ff, cfg.d_model, bias=False)

    def forward(self, x):
        return self.wo(F.gelu(self.wi(x)))


class EncoderLayer(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.n1, self.att, self.n2, self.ff = RMSNorm(cfg.d_model), Attention(cfg), RMSNorm(cfg.d_model), FeedForward(cfg)

    def forward(self, x, mask, use_sdpa):
        h = self.n1(x)
        k, v = self.att.kv(h)
        x = x + self.att.o(self.att.merge(attend(self.att.split(self.att.q(h)), k, v, mask, use_sdpa)))
        return x + self.ff(self.n2(x))


class DecoderLayer(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.n1, self.self_att = RMSNorm(cfg.d_model), Attention(cfg)
        self.n2, self.cross_att = RMSNorm(cfg.d_model), Attention(cfg)
        self.n3, self.ff = RMSNorm(cfg.d_model), FeedForward(cfg)

    def forward(self, x, past_k, past_v, self_mask, cross_k, cross_v, cross_mask, use_sdpa):
        """past_k/v: cached keys/values [B,H,P,D] (P may be 0). Returns x and this query's keys/values."""
        h = self.n1(x)
        k_new, v_new = self.self_att.kv(h)
        k = torch.cat([past_k, k_new], dim=2)
        v = torch.cat([past_v, v_new], dim=2)
        a = attend(self.self_att.split(self.self_att.q(h)), k, v, self_mask, use_sdpa)
        x = x + self.self_att.o(self.self_att.merge(a))
        a = attend(self.cross_att.split(self.cross_att.q(self.n2(x))), cross_k, cross_v, cross_mask, use_sdpa)
        x = x + self.cross_att.o(self.cross_att.merge(a))
        return x + self.ff(self.n3(x)), k, v


def sinusoids(n: int, d: int) -> torch.Tensor:
    """The Transformer's sinusoidal position table [n, d] (entries in [-1, 1])."""
    pos = torch.arange(n, dtype=torch.float32)[:, None]
    freq = torch.exp(torch.arange(0, d, 2, dtype=torch.float32) * (-math.log(10000.0) / d))
    table = torch.zeros(n, d)
    table[:, 0::2] = torch.sin(pos * freq)
    table[:, 1::2] = torch.cos(pos * freq)
    return table


class ByteT5(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        self.embed = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.enc_pos = nn.Embedding(cfg.max_positions, cfg.d_model)
        self.dec_pos = nn.Embedding(cfg.max_positions, cfg.d_model)
        self.encoder = nn.ModuleList([EncoderLayer(cfg) for _ in range(cfg.enc_layers)])
        self.enc_norm = RMSNorm(cfg.d_model)
        self.decoder = nn.ModuleList([DecoderLayer(cfg) for _ in range(cfg.dec_layers)])
        self.dec_norm = RMSNorm(cfg.d_model)
        self.lm_head = nn.Linear(cfg.d_model, cfg.vocab_size, bias=False)
        self.apply(self._init)
        self.train_sdpa = True  # fused attention in training; train.py turns it off if steps go non-finite
        if cfg.tie:
            # A corrector mostly copies: shared byte and position embeddings make "emit the byte at the aligned
            # source position" directly expressible, which a small model otherwise takes long to discover.
            self.dec_pos.weight = self.enc_pos.weight
            self.lm_head.weight = self.embed.weight
        if cfg.pos_init == "sinusoidal":
            with torch.no_grad():
                for table in {self.enc_pos.weight, self.dec_pos.weight}:  # one table when tied
                    table.copy_(sinusoids(cfg.max_positions, cfg.d_model) * (0.02 * math.sqrt(2)))
        elif cfg.pos_init != "normal":
            raise ValueError(f"pos_init must be normal or sinusoidal, not {cfg.pos_init!r}")

    @staticmethod
    def _init(m):
        if isinstance(m, (nn.Linear, nn.Embedding)):
            nn.init.normal_(m.weight, std=0.02)

    def num_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def encode(self, src, src_mask=None, use_sdpa=True):
        """src [B,S] ids -> memory [B,S,C]. src_mask [B,S] bool (True = real token) or None."""
        pos = torch.arange(src.shape[1], device=src.device)
        x = self.embed(src) + self.enc_pos(pos)[None]
        mask = None if src_mask is None else src_mask[:, None, None, :]
        for layer in self.encoder:
            x = layer(x, mask, use_sdpa)
        return self.enc_norm(x)

    def cross_kv(self, memory):
        """Per decoder layer cross-attention keys and values: lists of [B,H,S,D]."""
        ks, vs = [], []
        for layer in self.decoder:
            k, v = layer.cross_att.kv(memory)
            ks.append(k)
            vs.append(v)
        return ks, vs

    def decode(self, ids, past_len, past_ks, past_vs, cross_ks, cross_vs, cross_mask=None, use_sdpa=True):
        """ids [B,Q] at positions past_len..past_len+Q-1 (past_len: 0-d long tensor or int).

        past_ks/vs: per layer [B,H,past_len,D]. Returns logits [B,Q,V] and the per-layer caches with Q more positions.
        """
        q_len = ids.shape[1]
        q_pos = torch.arange(q_len, device=ids.device) + past_len
        x = self.embed(ids) + self.dec_pos(q_pos)[None]
        k_pos = torch.arange(q_len + past_ks[0].shape[2], device=ids.device)
        self_mask = (k_pos[None, :] <= q_pos[:, None])[None, None]
        cmask = None if cross_mask is None else cross_mask[:, None, None, :]
        new_ks, new_vs = [], []
        for i, layer in enumerate(self.decoder):
            x, k, v = layer(x, past_ks[i], past_vs[i], self_mask, cross_ks[i], cross_vs[i], cmask, use_sdpa)
            new_ks.append(k)
            new_vs.append(v)
        return self.lm_head(self.dec_norm(x)), new_ks, new_vs

    def forward(self, src, src_mask, dec_in):
        """Teacher-forced logits [B,T,V] for training."""
        memory = self.encode(src, src_mask, self.train_sdpa)
        cross_ks, cross_vs = self.cross_kv(memory)
        b = src.shape[0]
        empty = memory.new_zeros(b, self.cfg.n_heads, 0, self.cfg.head_dim)
        empties = [empty] * self.cfg.dec_layers
        logits, _, _ = self.decode(dec_in, 0, empties, empties, cross_ks, cross_vs, src_mask, self.train_sdpa)
        return logits

    @torch.no_grad()
    def greedy(self, src, src_mask, max_len: int):
        """Batched greedy decoding with a KV cache. Returns ids [B, <=max_len] (EOS then PAD after the end)."""
        from vocab import BOS, EOS
        memory = self.encode(src, src_mask)
        cross_ks, cross_vs = self.cross_kv(memory)
        b = src.shape[0]
        empty = memory.new_zeros(b, self.cfg.n_heads, 0, self.cfg.head_dim)
        ks, vs = [empty] * self.cfg.dec_layers, [empty] * self.cfg.dec_layers
        cur = torch.full((b, 1), BOS, dtype=torch.long, device=src.device)
        done = torch.zeros(b, dtype=torch.bool, device=src.device)
        out = []
        for step in range(max_len):
            logits, ks, vs = self.decode(cur, step, ks, vs, cross_ks, cross_vs, src_mask)
            nxt = logits[:, -1].argmax(-1)
            nxt = torch.where(done, torch.full_like(nxt, PAD), nxt)
            out.append(nxt)
            done = done | (nxt == EOS)
            cur = nxt[:, None]
            if bool(done.all()):
                break
        return torch.stack(out, 1)

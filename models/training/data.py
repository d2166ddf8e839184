"""Training pairs made on the fly from clean text with the shared noise definitions, batched in worker processes.

Each worker returns ready, padded, length-bucketed batches (numpy int16), so the training process only copies
arrays to the device: Python-side batching was the bottleneck of an earlier GPU run (0.2 MB/s).
"""
from __future__ import annotations

import lzma
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

import noise
from vocab import BOS, LANGUAGES, PAD, encode_source, encode_target

MAX_BYTES = 300
# Statutes are one register of long formulaic sentences: at most this share of what a network sees (issue 12).
MAX_LAWS_SHARE = 0.5


@dataclass
class Mixture:
    """Shares of the kinds of training pairs (the rest of the unit interval is clean copies)."""
    strip_all: float = 0.42
    strip_part: float = 0.15
    strip_typos: float = 0.25
    typos_only: float = 0.06
    word_share: float = 0.25   # examples built from word lists instead of sentences
    auto_tag: float = 0.2      # examples whose language tag is AUTO
    typo_rates: tuple = (0.01, 0.02, 0.03, 0.05, 0.08)


class TextTable(Sequence):
    """Lines kept as one UTF-8 buffer and their offsets; reading one makes a new str in the reader's own memory.

    A plain list of str would do, but not in forked workers: reading a list's line writes that line's reference count,
    so each worker copies the corpus page by page (here, a fresh worker's batch tasks took 23,000, then 10,000, then
    5,000-8,000 page faults each; session 29), and on a machine whose memory is backed lazily that may cost more than
    the batches themselves. Here the workers touch only the two buffers' headers.
    """

    def __init__(self, lines: list[str]):
        encoded = [line.encode("utf-8") for line in lines]
        self._offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(e) for e in encoded], out=self._offsets[1:])
        self._text = b"".join(encoded)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._text[self._offsets[i]:self._offsets[i + 1]].decode("utf-8")


@dataclass
class Corpus:
    sentences: dict[str, TextTable]
    words: dict[str, TextTable]
    weights: dict[str, float] = field(default_factory=dict)
    # Statutes, drawn instead of `sentences` with probability laws_share[lang] (at most MAX_LAWS_SHARE).
    laws: dict[str, TextTable] = field(default_factory=dict)
    laws_share: dict[str, float] = field(default_factory=dict)


def _read_lines(path: Path, limit_bytes: int | None) -> list[str]:
    opener = lzma.open if path.suffix == ".xz" else open
    out, total = [], 0
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            out.append(line)
            total += len(line)
            if limit_bytes and total >= limit_bytes:
                break
    return out


def _find(base: Path, stem: str) -> Path | None:
    for p in (base / stem, base / (stem + ".xz")):
        if p.exists():
            return p
    return None


def load_corpus(root: Path, split: str = "train", limit_bytes: int | None = None, words_limit: int | None = None,
                langs=LANGUAGES, temperature: float = 0.3) -> Corpus:
    """root/corpus/<lang>.<split>.txt[.xz] and root/words/<lang>.txt[.xz]; language weights ~ size^temperature.
    The train split adds <lang>.more.txt (everyday, news, fiction) to the sentences and <lang>.laws.txt as the
    statutes, drawn with probability min(MAX_LAWS_SHARE, their share of the bytes), as the tagger draws them."""
    sentences, words, weights, laws, laws_share = {}, {}, {}, {}, {}
    for lang in langs:
        sp = _find(root / "corpus", f"{lang}.{split}.txt")
        wp = _find(root / "words", f"{lang}.txt")
        sentences[lang] = _read_lines(sp, limit_bytes) if sp else []
        if split == "train":
            more, statutes = (_find(root / "corpus", f"{lang}.{pool}.txt") for pool in ("more", "laws"))
            sentences[lang] += _read_lines(more, limit_bytes) if more else []
            laws[lang] = _read_lines(statutes, limit_bytes) if statutes else []
        main_bytes, laws_bytes = sum(map(len, sentences[lang])), sum(map(len, laws.get(lang, [])))
        laws_share[lang] = min(MAX_LAWS_SHARE, laws_bytes / max(1, main_bytes + laws_bytes)) if sentences[lang] else 1.0
        words[lang] = [w for w in _read_lines(wp, None)[:words_limit]] if wp else []
        size = main_bytes + laws_bytes + 8 * len(words[lang])
        if size:
            weights[lang] = float(size) ** temperature * (0.5 if lang == "en" else 1.0)
    return Corpus(_tables(sentences), _tables(words), weights, _tables(laws), laws_share)


def _tables(pools: dict[str, list[str]]) -> dict[str, TextTable]:
    return {lang: TextTable(lines) for lang, lines in pools.items()}


def _truncate(text: str, max_bytes: int = MAX_BYTES) -> str:
    if len(text.encode("utf-8")) <= max_bytes:
        return text
    cut = text.encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore")
    space = cut.rfind(" ")
    return cut[:space] if space > max_bytes // 3 else cut


def _word_example(rng: random.Random, words: TextTable) -> str:
    n = len(words)
    picked = []
    for _ in range(rng.randint(1, 8)):
        i = int(n ** rng.random()) - 1 if rng.random() < 0.6 else rng.randrange(n)
        picked.append(words[min(i, n - 1)])
    if rng.random() < 0.25:
        picked[0] = picked[0][:1].upper() + picked[0][1:]
    return " ".join(picked)


def make_pair(rng: random.Random, corpus: Corpus, lang: str, mix: Mixture) -> tuple[str, str, str | None]:
    """(source, target, tag language or None for AUTO)."""
    statutes = corpus.laws.get(lang)
    if corpus.words[lang] and (rng.random() < mix.word_share or not (corpus.sentences[lang] or statutes)):
        text = _word_example(rng, corpus.words[lang])
    elif statutes and rng.random() < corpus.laws_share[lang]:
        text = rng.choice(statutes)
    else:
        text = rng.choice(corpus.sentences[lang])
    text = _truncate(text)
    r = rng.random()
    seed = rng.getrandbits(32)
    if r < mix.strip_all:
        src = noise.strip_diacritics(text, lang)
    elif r < mix.strip_all + mix.strip_part:
        src = noise.strip_partially(text, lang, rng.uniform(0.2, 0.9), rng)
    elif r < mix.strip_all + mix.strip_part + mix.strip_typos:
        src = noise.add_typos(noise.strip_diacritics(text, lang), lang, rng.choice(mix.typo_rates), seed)
    elif r < mix.strip_all + mix.strip_part + mix.strip_typos + mix.typos_only:
        src = noise.add_typos(text, lang, rng.choice(mix.typo_rates), seed)
    else:
        src = text
    return _truncate(src), text, (None if rng.random() < mix.auto_tag else lang)


def pad_batch(seqs: list[list[int]]) -> np.ndarray:
    arr = np.full((len(seqs), max(len(s) for s in seqs)), PAD, dtype=np.int16)
    for i, s in enumerate(seqs):
        arr[i, :len(s)] = s
    return arr


def make_batches(corpus: Corpus, seed: int, n_examples: int, token_budget: int, mix: Mixture = Mixture()):
    """n_examples pairs -> list of (src [B,S] int16, tgt [B,T] int16) batches of at most token_budget padded ids."""
    rng = random.Random(seed)
    langs = list(corpus.weights)
    w = [corpus.weights[l] for l in langs]
    pairs = []
    for lang in rng.choices(langs, weights=w, k=n_examples):
        src, tgt, tag = make_pair(rng, corpus, lang, mix)
        pairs.append((encode_source(src, tag), encode_target(tgt)))
    pairs.sort(key=lambda p: (len(p[0]), len(p[1])))
    batches, cur, longest = [], [], 0
    for p in pairs:
        longest_new = max(longest, len(p[0]), len(p[1]))
        if cur and longest_new * (len(cur) + 1) > token_budget:
            batches.append(cur)
            cur, longest_new = [], max(len(p[0]), len(p[1]))
        cur.append(p)
        longest = longest_new
    if cur:
        batches.append(cur)
    rng.shuffle(batches)
    return [(pad_batch([p[0] for p in b]), pad_batch([p[1] for p in b])) for b in batches]


def decoder_input(tgt):
    """Teacher forcing input: BOS + targets shifted right (works on numpy or torch int arrays)."""
    out = tgt.clone() if hasattr(tgt, "clone") else tgt.copy()
    out[:, 1:] = tgt[:, :-1]
    out[:, 0] = BOS
    return out

"""Training windows for the tagger: text of one language, diacritics stripped, a class per character.

Text per language: data/corpus/<lang>.train.txt and <lang>.more.txt (everyday, news, fiction, technical) and
<lang>.laws.txt (statutes), written by `python3 -m models.training.corpus.build`. Statutes are one register with
long formulaic sentences: a window is drawn from them with probability min(MAX_LAWS_SHARE, their share of the
language's bytes), so they are at most half of what the model sees. Languages are drawn with weight bytes^0.3,
so small languages are not drowned.
A packed sample (pack.py: `<lang>.<pool>.txt.xz` and a pack.json of the full corpus's sizes) is read the same way,
with each language's weight and statute share those of the full corpus.
"""
from __future__ import annotations

import json
import lzma
import os
import random
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import noise  # noqa: E402
from data import MAX_LAWS_SHARE, TextTable  # noqa: E402  (the byte model's data reads the same share, the same way)

from alphabet import LANGUAGES, N_INPUT_IDS, allowed, char_id, classes, target_class  # noqa: E402

IGNORE = -100


def _read(path: Path) -> list[str]:
    """The lines of `path`, or of `path`.xz (a packed sample) when only that exists."""
    xz = path.with_name(path.name + '.xz')
    if not path.exists() and not xz.exists():
        return []
    with (open(path, encoding='utf-8') if path.exists() else lzma.open(xz, 'rt', encoding='utf-8')) as f:
        return [ln.rstrip('\n') for ln in f if ln.strip()]


def _full_sizes(corpus: Path) -> dict:
    """pack.json's record of the full corpus (language -> {'bytes', 'laws_share'}), or {} for a full corpus."""
    p = corpus / 'pack.json'
    return json.loads(p.read_text(encoding='utf-8'))['full'] if p.exists() else {}


class LanguageText:
    def __init__(self, lang: str, corpus: Path):
        self.lang = lang
        self.main = _read(corpus / f'{lang}.train.txt') + _read(corpus / f'{lang}.more.txt')
        self.laws = _read(corpus / f'{lang}.laws.txt')
        # Characters of each pool (pack.py splits its cap by them), counted once before the lines become TextTables.
        self.main_chars = sum(len(s) for s in self.main)
        self.laws_chars = sum(len(s) for s in self.laws)
        self.bytes = self.main_chars + self.laws_chars
        self.laws_share = min(MAX_LAWS_SHARE, self.laws_chars / max(1, self.bytes)) if self.main else 1.0
        self.main, self.laws = TextTable(self.main), TextTable(self.laws)  # read by forked workers: see TextTable
        full = _full_sizes(corpus).get(lang)
        if full:  # a packed sample: draw as from the full corpus
            self.bytes, self.laws_share = full['bytes'], full['laws_share']

    def window(self, rng: random.Random, length: int) -> str:
        """Consecutive random lines of one pool joined by spaces, cut at `length` characters from a random start."""
        pool = self.laws if self.laws and rng.random() < self.laws_share else self.main
        parts, n = [], 0
        while n < length:
            s = pool[rng.randrange(len(pool))]
            parts.append(s)
            n += len(s) + 1
        text = ' '.join(parts)
        start = rng.randrange(max(1, len(text) - length + 1)) if len(parts) == 1 else 0
        return text[start:start + length]


def tagged_languages() -> list[str]:
    """Languages whose alphabets have letters with diacritics (English has none: nothing to tag)."""
    return [lang for lang in LANGUAGES if allowed(lang)]


def load_texts(corpus: Path, langs: list[str]) -> list[LanguageText]:
    texts = [LanguageText(lang, corpus) for lang in langs]
    return [t for t in texts if t.main or t.laws]


def allowed_masks(device: str = 'cpu') -> torch.Tensor:
    """[languages, input ids, classes] bool: the classes an input character may take (KEEP always)."""
    m = torch.zeros(len(LANGUAGES), N_INPUT_IDS, len(classes()), dtype=torch.bool)
    m[:, :, 0] = True
    for li, lang in enumerate(LANGUAGES):
        for cid, cls in allowed(lang).items():
            m[li, cid, cls] = True
    return m.to(device)


def noisy_input(gold: str, lang: str, rng: random.Random) -> str:
    """Mostly all diacritics stripped; sometimes only some (the writer typed a few), sometimes none."""
    r = rng.random()
    if r < 0.8:
        out = noise.strip_diacritics(gold, lang)
    elif r < 0.95:
        out = noise.strip_partially(gold, lang, rng.uniform(0.2, 0.9), rng)
    else:
        out = gold
    return out if len(out) == len(gold) else gold  # combining marks dropped: alignment lost, keep as is


def encode_example(gold: str, typed: str, lang: str) -> tuple[list[int], list[int]]:
    """Input ids and per-character targets (IGNORE where the letter has no choice or the gold letter is foreign)."""
    ok = allowed(lang)
    ids, targets = [], []
    for t, g in zip(typed, gold):
        cid = char_id(t)
        ids.append(cid)
        choices = ok.get(cid)
        if not choices:
            targets.append(IGNORE)
            continue
        cls = target_class(t, g)
        targets.append(cls if cls is not None and (cls == 0 or cls in choices) else IGNORE)
    return ids, targets


def make_batch(texts: list[LanguageText], weights: list[float], rng: random.Random, batch: int, length: int):
    """(ids [B,T], lang [B], targets [B,T]) as tensors; windows shorter than `length` are padded."""
    ids = torch.zeros(batch, length, dtype=torch.long)
    tg = torch.full((batch, length), IGNORE, dtype=torch.long)
    lang = torch.zeros(batch, dtype=torch.long)
    for b in range(batch):
        text = rng.choices(texts, weights)[0]
        gold = text.window(rng, length)
        i, t = encode_example(gold, noisy_input(gold, text.lang, rng), text.lang)
        ids[b, :len(i)] = torch.tensor(i)
        tg[b, :len(t)] = torch.tensor(t)
        lang[b] = LANGUAGES.index(text.lang)
    return ids, lang, tg


def language_weights(texts: list[LanguageText]) -> list[float]:
    return [max(1, t.bytes) ** 0.3 for t in texts]


def corpus_dir(data: str | os.PathLike) -> Path:
    return Path(data) / 'corpus'

"""The noise the model learns to undo, defined once: diacritics stripping and keyboard typos.

The data (per-language letter tables, the generic Latin table, keyboard layouts) lives in ONE file,
electron/engine/noise/noise-tables.json, read by this module and by the TypeScript twin in
electron/engine/noise/. `strip_diacritics` and `add_typos` give identical results in both (checked by the
shared vectors in test/fixtures/noise-vectors.json); `strip_partially` exists only here (training).
Decisions (ß, æ, œ, þ kept; ð -> d; which characters get typos) are documented in
electron/engine/noise/README.md.

CLI: `python3 models/training/noise.py regen-generic` rewrites the generated `strip.generic` table from
this Python's Unicode data; `bench FILE` prints throughput; `apply` (JSON jobs on stdin) serves the
TypeScript parity test.
"""
from __future__ import annotations

import json
import operator
import random
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

TABLES_PATH = Path(__file__).resolve().parents[2] / "electron" / "engine" / "noise" / "noise-tables.json"
TABLES = json.loads(TABLES_PATH.read_text(encoding="utf-8"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from languages import LANGUAGES as _LANGUAGES  # noqa: E402  (models/languages.json)

LANGUAGES = tuple(_LANGUAGES)
if tuple(TABLES["strip"]["languages"]) != LANGUAGES:
    raise ValueError(f"{TABLES_PATH}: strip.languages must list models/languages.json's languages in its order")

_M32 = 0xFFFFFFFF
_TWO32 = 4294967296.0


def _char_class(ranges: list[list[int]]) -> str:
    return "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in ranges)


_LATIN = _char_class(TABLES["strip"]["latinRanges"])
_MARKS = _char_class(TABLES["strip"]["markRanges"])
# A run of combining marks that follows a Latin letter (marks after other scripts, e.g. Japanese dakuten or
# Cyrillic stress marks, are not diacritics of our languages and stay).
_LATIN_MARKS_RE = re.compile(f"([{_LATIN}])[{_MARKS}]+")
_ANY_MARK_RE = re.compile(f"[{_MARKS}]")
_MARK_RUN_RE = re.compile(f"[{_MARKS}]*")


def _check_lang(lang: str) -> None:
    if lang not in TABLES["strip"]["languages"]:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")


@lru_cache(maxsize=None)
def strip_map(lang: str) -> dict[str, str]:
    """Letter -> base letter for `lang`: the generic Latin table, overridden by the language's own table."""
    _check_lang(lang)
    return {**TABLES["strip"]["generic"], **TABLES["strip"]["languages"][lang]}


@lru_cache(maxsize=None)
def _translate_table(lang: str) -> dict[int, str]:
    return {ord(k): v for k, v in strip_map(lang).items()}


def strip_diacritics(text: str, lang: str) -> str:
    """Remove all diacritics from `text` (NFC in, NFC out, case kept, one code point per letter).

    Precomposed letters go through the table; combining marks that remain after a Latin letter (sequences
    NFC cannot compose, e.g. Lithuanian accented ą + U+0301) are dropped.
    """
    table = _translate_table(lang)
    if text.isascii():
        return text
    out = unicodedata.normalize("NFC", text).translate(table)
    if _ANY_MARK_RE.search(out):
        out = _LATIN_MARKS_RE.sub(r"\1", out)
    return out


@lru_cache(maxsize=None)
def _partial_re(lang: str) -> re.Pattern[str]:
    keys = "".join(sorted(strip_map(lang)))
    return re.compile(f"[{re.escape(keys)}][{_MARKS}]*|[{_LATIN}][{_MARKS}]+")


def strip_partially(text: str, lang: str, keep_prob: float, rng: random.Random) -> str:
    """Strip each diacritic letter independently with probability 1 - keep_prob (one rng.random() per
    letter that carries a diacritic, in text order; a letter with extra combining marks counts once)."""
    if not 0.0 <= keep_prob <= 1.0:
        raise ValueError(f"keep_prob must be in [0, 1], got {keep_prob}")
    table = _translate_table(lang)
    text = unicodedata.normalize("NFC", text)

    def one(m: re.Match[str]) -> str:
        s = m.group(0)
        if rng.random() < keep_prob:
            return s
        return _LATIN_MARKS_RE.sub(r"\1", s.translate(table))

    return _partial_re(lang).sub(one, text)


def layout_neighbours(rows: list[str], offsets: list[float], base_of) -> dict[str, list[str]]:
    """Base letter -> sorted neighbour base letters on a staggered keyboard (see README.md)."""
    keys = []  # (row, x, base letter or None)
    for r, row in enumerate(rows):
        for i, ch in enumerate(row):
            b = None if ch == "_" else base_of(ch)
            keys.append((r, offsets[r] + i, b.lower() if b else None))
    out: dict[str, set[str]] = {}
    for r, x, b in keys:
        if b is None:
            continue
        near = out.setdefault(b, set())
        for r2, x2, b2 in keys:
            if b2 is None or b2 == b:
                continue
            if (r2 == r and abs(x2 - x) == 1) or (abs(r2 - r) == 1 and abs(x2 - x) < 1):
                near.add(b2)
    return {b: sorted(n) for b, n in out.items()}


@lru_cache(maxsize=None)
def neighbours(lang: str) -> dict[str, list[str]]:
    """Keyboard neighbours (base letters, lower case) of each base letter of `lang`'s layout."""
    smap = strip_map(lang)
    typos = TABLES["typos"]
    layout = typos["layouts"][typos["languageLayout"][lang]]
    return layout_neighbours(layout, typos["rowOffsets"], lambda c: smap.get(c, c))


@lru_cache(maxsize=None)
def _eligible(lang: str) -> dict[str, tuple[str, ...]]:
    """Every character that gets typos -> its neighbours in its own case."""
    nb = neighbours(lang)
    cased: dict[str, tuple[str, ...]] = {}
    for b, near in nb.items():
        cased[b] = tuple(near)
        cased[b.upper()] = tuple(n.upper() for n in near)
    out = dict(cased)
    for letter, base in strip_map(lang).items():
        if base in cased:
            out[letter] = cased[base]
    return out


def add_typos(text: str, lang: str, p: float, seed: int) -> str:
    """Keyboard typos: each eligible letter, with probability p, is deleted, followed by an inserted
    neighbour, replaced by a neighbour, or swapped with the next letter (1/4 each; a swap with no letter
    right after becomes a replacement). Combining marks after a letter go with it (dropped when it is deleted
    or replaced). Digits, punctuation, spaces, other scripts and emoji are copied unchanged.

    Deterministic in (text, lang, p, seed) and identical to the TypeScript addTypos: mulberry32 seeded with
    seed mod 2**32, one draw per eligible letter, one more per typo, and a third for the neighbour.
    """
    _check_lang(lang)
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p must be in [0, 1], got {p}")
    if isinstance(seed, bool) or not isinstance(seed, int):
        seed = operator.index(seed)  # accepts numpy integers, rejects floats
    if p == 0.0 or not text:
        return text
    eligible = _eligible(lang)
    get = eligible.get
    marks_end = _MARK_RUN_RE.match
    threshold = p * _TWO32
    a = seed & _M32
    out: list[str] = []
    last = 0  # text[last:i] is not yet copied to out
    n = len(text)
    for i, c in enumerate(text):
        if i < last:  # already consumed by a transposition
            continue
        near = get(c)
        if near is None:
            continue
        # mulberry32, inlined: this loop runs over hundreds of MB
        a = (a + 0x6D2B79F5) & _M32
        t = ((a ^ (a >> 15)) * (a | 1)) & _M32
        t ^= (t + ((t ^ (t >> 7)) * (t | 61))) & _M32
        if (t ^ (t >> 14)) >= threshold:
            continue
        a = (a + 0x6D2B79F5) & _M32
        t = ((a ^ (a >> 15)) * (a | 1)) & _M32
        t ^= (t + ((t ^ (t >> 7)) * (t | 61))) & _M32
        op = (t ^ (t >> 14)) >> 30
        out.append(text[last:i])
        end = marks_end(text, i + 1).end()  # the letter and its combining marks
        last = end
        if op == 0:  # deletion
            continue
        if op == 3 and end < n and text[end] in eligible:  # transposition
            last = marks_end(text, end + 1).end()
            out.append(text[end:last])
            out.append(text[i:end])
            continue
        # insertion (op 1) after the letter, substitution (op 2, or op 3 without a next letter)
        a = (a + 0x6D2B79F5) & _M32
        t = ((a ^ (a >> 15)) * (a | 1)) & _M32
        t ^= (t + ((t ^ (t >> 7)) * (t | 61))) & _M32
        pick = near[((t ^ (t >> 14)) * len(near)) >> 32]
        out.append(text[i:end] + pick if op == 1 else pick)
    out.append(text[last:])
    return "".join(out)


def build_generic() -> dict[str, str]:
    """The generated part of the table: every precomposed Latin letter -> its base letter (first code point of
    the canonical decomposition, then the hand-written `extra` table), plus `extra` itself."""
    extra: dict[str, str] = TABLES["strip"]["extra"]
    out: dict[str, str] = {}
    for lo, hi in TABLES["strip"]["latinRanges"]:
        for cp in range(lo, hi + 1):
            c = chr(cp)
            if c in extra:
                out[c] = extra[c]
                continue
            d = unicodedata.normalize("NFD", c)
            if len(d) > 1 and all(unicodedata.category(m) == "Mn" for m in d[1:]) and d[0].isalpha():
                out[c] = extra.get(d[0], d[0])
    return dict(sorted(out.items()))


def format_tables(obj: dict) -> str:
    """Stable, diff-friendly JSON: string->string maps and lists of strings/numbers on few lines."""

    def fmt(v, ind: str) -> str:
        j = lambda x: json.dumps(x, ensure_ascii=False)  # noqa: E731
        if isinstance(v, dict) and v and all(isinstance(x, str) for x in v.values()) and all(
            len(x) <= 2 for x in v.values()
        ):
            items = [f"{j(k)}: {j(x)}" for k, x in v.items()]
            lines = [", ".join(items[i : i + 12]) for i in range(0, len(items), 12)]
            return "{" + f",\n{ind}  ".join(lines) + "}" if len(lines) > 1 else "{" + lines[0] + "}"
        if isinstance(v, dict) and v:
            inner = ",\n".join(f"{ind}  {j(k)}: {fmt(x, ind + '  ')}" for k, x in v.items())
            return "{\n" + inner + "\n" + ind + "}"
        if isinstance(v, list) and all(not isinstance(x, (dict, list)) or isinstance(x, list) for x in v):
            return "[" + ", ".join(j(x) for x in v) + "]"
        return j(v)

    return fmt(obj, "") + "\n"


def _bench(path: str) -> None:
    import time

    text = Path(path).read_bytes().decode("utf-8", errors="ignore")  # `head -c` may cut a character
    mb = len(text.encode("utf-8")) / 1e6
    lines = text.splitlines()
    for name, fn in [
        ("strip_diacritics (one call)", lambda: strip_diacritics(text, "cs")),
        ("strip_diacritics (per line)", lambda: [strip_diacritics(s, "cs") for s in lines]),
        ("add_typos p=0.05 (one call)", lambda: add_typos(text, "cs", 0.05, 1)),
        ("add_typos p=0.05 (per line)", lambda: [add_typos(s, "cs", 0.05, i) for i, s in enumerate(lines)]),
        ("strip_partially (per line)", lambda: [strip_partially(s, "cs", 0.5, random.Random(i)) for i, s in enumerate(lines)]),
    ]:
        t0 = time.perf_counter()
        fn()
        dt = time.perf_counter() - t0
        print(f"{name:32s} {mb / dt:7.2f} MB/s  ({mb:.2f} MB in {dt:.2f} s)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["regen-generic"]:
        TABLES["strip"]["generic"] = build_generic()
        TABLES_PATH.write_text(format_tables(TABLES), encoding="utf-8")
        print(f"wrote {len(TABLES['strip']['generic'])} generic entries to {TABLES_PATH}")
    elif sys.argv[1:2] == ["bench"] and len(sys.argv) == 3:
        _bench(sys.argv[2])
    elif sys.argv[1:2] == ["apply"]:
        # Parity checks from the TypeScript tests: a JSON list of {text, lang, p, seed} on stdin.
        jobs = json.load(sys.stdin)
        json.dump(
            [
                {"stripped": strip_diacritics(j["text"], j["lang"]), "typos": add_typos(j["text"], j["lang"], j["p"], j["seed"])}
                for j in jobs
            ],
            sys.stdout,
            ensure_ascii=True,  # lone surrogates survive the round trip only as escapes
        )
    else:
        sys.exit("usage: noise.py regen-generic | noise.py bench FILE | noise.py apply < jobs.json")

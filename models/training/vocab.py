"""Vocabulary of the byte-level model: the Python side of models/ONNX-CONTRACT.md."""

PAD, EOS, BOS = 0, 1, 2
BYTE_OFFSET = 3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from languages import LANGUAGES  # noqa: E402  (models/languages.json)

LANG_TAG = {lang: 259 + i for i, lang in enumerate(LANGUAGES)}
AUTO_TAG = 279
VOCAB_SIZE = 288


def encode_source(text: str, lang: str | None) -> list[int]:
    """Encoder ids: language tag (or AUTO), the UTF-8 bytes, EOS."""
    tag = LANG_TAG.get(lang, AUTO_TAG) if lang else AUTO_TAG
    return [tag] + [b + BYTE_OFFSET for b in text.encode("utf-8")] + [EOS]


def encode_target(text: str) -> list[int]:
    """Decoder targets: the UTF-8 bytes, EOS."""
    return [b + BYTE_OFFSET for b in text.encode("utf-8")] + [EOS]


def decode_ids(ids) -> str:
    """Bytes of a generated id sequence (stops at EOS; specials dropped), decoded leniently."""
    out = bytearray()
    for i in ids:
        i = int(i)
        if i == EOS:
            break
        if BYTE_OFFSET <= i < BYTE_OFFSET + 256:
            out.append(i - BYTE_OFFSET)
    return out.decode("utf-8", errors="replace")

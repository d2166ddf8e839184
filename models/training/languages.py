"""The languages, read from models/languages.json, the one list every training step uses.

  LANGUAGES        all languages, in the order the networks index them (byte model tag 259 + i, tagger embedding i)
  PAPER_LANGUAGES  the 13 languages of the ByT5 paper (lt + Náplava et al.'s 12): the accuracy targets
Standard library only (noise.py and vocab.py import it).
"""
from __future__ import annotations

import json
from pathlib import Path

PATH = Path(__file__).resolve().parents[1] / 'languages.json'
_DATA = json.loads(PATH.read_text(encoding='utf-8'))
LANGUAGES: list[str] = list(_DATA['languages'])
PAPER_LANGUAGES: list[str] = list(_DATA['paper'])
assert set(PAPER_LANGUAGES) <= set(LANGUAGES) and len(set(LANGUAGES)) == len(LANGUAGES), PATH

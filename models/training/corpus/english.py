"""Detect English leftovers in translated material (untranslated strings, quoted English)."""
import re

_TOKEN = re.compile(r"[A-Za-z']+")
# Function words frequent in English and rare as words of the target languages (not 'to', 'in', 'is', 'by',
# 'are', 'be', 'was', 'file': those are Czech, Slovene, Hungarian, Romanian, German or Italian words).
ENGLISH = frozenset('the and of with for this that you your from which when have has not it or if there their '
                    'been would should these those what into only also'.split())


def looks_english(line: str) -> bool:
    """True when at least 25% of the words (and at least 2) are English function words, or the line is pure ASCII
    and has 2+ of them."""
    toks = [t.lower() for t in _TOKEN.findall(line)]
    words = line.split()
    if not words:
        return False
    hits = sum(1 for t in toks if t in ENGLISH)
    if hits >= 2 and hits >= 0.25 * len(words):
        return True
    return False

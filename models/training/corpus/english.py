"""Detect English leftovers in translated material (untranslated strings, quoted English)."""
import re

_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Words frequent in English and not words of any target language. Not here on purpose: 'do' (pl), 'has' (es),
# 'use' (es, pt), 'can' (tr), 'to' (cs, sk, pl), 'in' (sl, it, de), 'is' (hu), 'are' (ro), 'by' (cs), 'be' (hu).
STRONG = frozenset('the and of with for this that you your from which when have not or if there their been would '
                   'should these those what into only also its it such other must may using used following default '
                   'does cannot will'.split())
# Ambiguous across languages: counted only in lines without any non-ASCII letter that already have a strong word.
WEAK = frozenset('is are was be by an to in on as at a has use can do no'.split())


def looks_english(line: str) -> bool:
    """True when English words make up 25%+ of the words (at least 2, at least one of them in STRONG)."""
    toks = [t.lower() for t in _TOKEN.findall(line)]
    if len(toks) < 2:
        return False
    strong = sum(1 for t in toks if t in STRONG)
    if strong == 0:
        return False
    score = strong
    if all(ord(c) < 128 for c in line):
        score += sum(1 for t in toks if t in WEAK)
    return score >= 2 and score >= 0.25 * len(toks)

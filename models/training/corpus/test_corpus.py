"""Unit tests: /usr/bin/python3 -m unittest models.training.corpus.test_corpus"""
import unittest
from collections import Counter

from .benchmarks import is_benchmark, loose_key
from .english import looks_english
from .markup import ftl_strings, html_paragraphs, mallard_paragraphs, strip_format
from .informal_dev import dialog_lines, informal_lines
from .news_dev import news_lines
from .text import clean_lines
from .words import build_word_list


def _strip(word, lang):
    return word.translate(str.maketrans('áéíóúůýčďěňřšťžł', 'aeiouuycdenrstzl'))


class CleanLines(unittest.TestCase):
    cases = [
        ('Dobrý  den,\u00ad jak se\tmáte?', ['Dobrý den, jak se máte?']),
        ('Ahoj světe', []),                       # 2 words
        ('1 2 3 4', []),                          # no letter
        ('e\u0301te\u0301 est là', ['été est là']),  # NFC
    ]

    def test_table(self):
        for raw, want in self.cases:
            self.assertEqual(clean_lines(raw), want, raw)

    def test_romanian_cedillas_become_commas_below(self):
        self.assertEqual(clean_lines('Aşa ţară, Şi Ţepeş au spus.', 'ro'), ['Așa țară, Și Țepeș au spus.'])
        self.assertEqual(clean_lines('Kuş ve ağaç burada.', 'tr'), ['Kuş ve ağaç burada.'])  # Turkish ş is right

    def test_long_line_is_split_at_sentence_ends(self):
        s = ' '.join('Toto je věta číslo %d, která má několik slov.' % i for i in range(20))
        out = clean_lines(s)
        self.assertGreater(len(out), 1)
        self.assertTrue(all(len(x.encode()) <= 400 for x in out))
        self.assertEqual(' '.join(out), s)


class Benchmarks(unittest.TestCase):
    def test_matching(self):
        exact = {'Trả lời , ông Lộc nói : không .', 'trả lời , ông lộc nói : không .'}
        loose = {loose_key('Trả lời , ông Lộc nói : không .'), loose_key('Mám rád českou kuchyni.')}
        table = [
            ('Trả lời , ông Lộc nói : không .', True),
            ('Trả lời, ông Lộc nói: không.', True),   # tokenised differently
            ('Mam rad ceskou kuchyni', True),           # accent-less
            ('MÁM RÁD ČESKOU KUCHYNI.', True),
            ('Mám rád polskou kuchyni.', False),
        ]
        for line, want in table:
            self.assertEqual(is_benchmark(line, exact, loose), want, line)


class English(unittest.TestCase):
    def test_table(self):
        table = [
            ('PureOS is a Debian-based distribution focused on privacy and security.', True),
            ('Select the file that you want to open.', True),
            ('To je to, co jsem chtěl.', False),
            ('Do tego domu nie ma wstępu.', False),
            ('Si tu has visto el coche, dime.', False),
            ('Questo è il file di configurazione in uso.', False),
        ]
        for line, want in table:
            self.assertEqual(looks_english(line), want, line)


class Markup(unittest.TestCase):
    def test_strip_format(self):
        self.assertEqual(strip_format('Soubor %s nebyl nalezen v {path}'), 'Soubor nebyl nalezen v')
        self.assertEqual(strip_format('_Otevřít &Uložit <b>hned</b>'), 'Otevřít Uložit hned')
        self.assertEqual(strip_format('$unit.name| řekl: %1 mečů'), 'řekl: mečů')

    def test_html_keeps_ids_and_skips_pre(self):
        out = html_paragraphs('<p id="par_1">Jedna <b>dva</b> tři</p><pre>kód</pre><li>Čtyři</li>')
        self.assertEqual(out, [('par_1', 'Jedna dva tři'), (None, 'Čtyři')])

    def test_mallard(self):
        page = ('<page xmlns="http://projectmallard.org/1.0/"><info><desc>x</desc></info><title>Titul</title>'
                '<p>Spusťte <cmd>ls</cmd> hned.</p><screen>ls -l</screen></page>')
        self.assertEqual(mallard_paragraphs(page), ['Titul', 'Spusťte ls hned.'])

    def test_ftl(self):
        ftl = '# comment\nmsg-a = Otevřít soubor\n    .label = Zavřít\nmsg-b = { $n ->\n'
        self.assertEqual(ftl_strings(ftl), ['Otevřít soubor', 'Zavřít'])


class WordList(unittest.TestCase):
    def test_order_and_case(self):
        words = build_word_list([('že', 9.0), ('je', 8.0)], Counter({'Praha': 3, 'kůň': 2, 'Kůň': 2, 'je': 4}),
                                ['žluťoučký', 'je', '123'])
        self.assertEqual(words, ['že', 'je', 'kůň', 'Praha', 'žluťoučký'])


class NewsDev(unittest.TestCase):
    def test_every_stride_th_of_the_tail(self):
        lines = ['bible %d' % i for i in range(10)] + ['news %d' % i for i in range(9)] + ['']
        # The last 10 lines (news 0-8 and a blank one), every 3rd: news 0, 3, 6; the blank one is dropped.
        self.assertEqual(news_lines(lines, tail=10, stride=3), ['news 0', 'news 3', 'news 6'])

    def test_a_short_file_gives_what_it_has(self):
        self.assertEqual(news_lines(['a', 'b', 'c'], tail=10, stride=2), ['a', 'c'])



class InformalDev(unittest.TestCase):
    LUA = (
        'dialogId("a", "font_small", "Look.")\n'
        'dialogStr("Podívej, to je   krabice.")\n\n'
        'dialogId("b", "font_big", "A long one.")\n'
        'dialogStr(\n"Tohle není fér, \\"řekl\\" jsem\nti to.")\n'
        'dialogStr("Ne!")\n')

    def test_the_spoken_lines_of_a_dialogue_file(self):
        # English originals in dialogId are not lines; the string may start on the next line; escapes undone.
        self.assertEqual(dialog_lines(self.LUA), ['Podívej, to je krabice.', 'Tohle není fér, "řekl" jsem ti to.', 'Ne!'])

    def test_the_english_originals(self):
        # The game's own lines: dialogId's third string, the id sometimes built with `..i`.
        original = 'dialogId("a", "font_small", "Look.")\ndialogId("b"..i, "", "A \\"long\\"\n one.")\n'
        self.assertEqual(dialog_lines(original, original=True), ['Look.', 'A "long" one.'])
        self.assertEqual(dialog_lines(self.LUA, original=True), ['Look.', 'A long one.'])

    def test_distinct_lines_of_four_words_or_more(self):
        lines = informal_lines([self.LUA, self.LUA])
        self.assertEqual(sorted(lines), ['Podívej, to je krabice.', 'Tohle není fér, "řekl" jsem ti to.'])
        self.assertEqual(lines, informal_lines([self.LUA]))


if __name__ == '__main__':
    unittest.main()

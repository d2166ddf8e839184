"""Unit tests of the lexicon builder's pure steps: /usr/bin/python3 -m unittest models.training.lexicon.test_build
(run by test/unit/training/lexicon-build.test.ts)."""
import os
import tempfile
import unittest
import zipfile
from collections import Counter

from models.training.noise import strip_diacritics

from .abbreviations import abbreviation_table, autocorrect_entries, dictionary_entries
from .build import good_form, in_sorted_file, keep_forms, lower
from .elisions import MIN_PAIR, elision_table
from .names import dictionary_names, text_names


class KeepForms(unittest.TestCase):
    def test_table(self):
        # form: count; listed = accepted by the dictionary
        counts = Counter({'čtyřměsíční': 200, 'čtyrměsíční': 3, 'praha': 500, 'kočka': 40, 'kocka': 5,
                          'xyzzy': 1, 'wiki': 30})
        listed = {'čtyřměsíční', 'praha', 'kočka'}
        kept, misspelt, rare = keep_forms(counts, listed, True, strip_diacritics, 'cs')
        # 200 >= 10 x 3 and 40 >= 10 x 5 is false for 'kocka' (40 < 50): it stays; 'xyzzy' is seen once
        self.assertEqual(kept, {'čtyřměsíční': 200, 'praha': 500, 'kočka': 40, 'kocka': 5, 'wiki': 30})
        self.assertEqual((misspelt, rare), (1, 1))

    def test_without_dictionary_everything_attested_stays(self):
        kept, misspelt, rare = keep_forms(Counter({'ma': 3, 'mà': 1}), set(), False, strip_diacritics, 'vi')
        self.assertEqual((kept, misspelt, rare), ({'ma': 3, 'mà': 1}, 0, 0))


class Forms(unittest.TestCase):
    def test_good_form(self):
        for w, ok in [('žmonės', True), ("l'été", False), ('rusko-český', False), ('', False), ('a1', False),
                      ('a b', False), ('ą́', False)]:
            self.assertEqual(good_form(w), ok, w)

    def test_turkish_lower(self):
        self.assertEqual(lower('IŞIK İzmir', 'tr'), 'ışık izmir')

    def test_merge_join_with_a_sorted_file(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, 'dict')
            with open(path, 'w', encoding='utf-8') as f:
                f.write('abc\nkočka\nkůň\nžába\n')
            self.assertEqual(in_sorted_file(sorted(['kočka', 'kun', 'žába', 'zzz']), path), {'kočka', 'žába'})



class Abbreviations(unittest.TestCase):
    def test_dictionary_entries_are_letters_and_one_stop(self):
        dic = '\n'.join(['9', 'č.', 'čl./X', 'odst.', 'Úř.', 'márc.\tmárc.-t', 'pág.', 'pag.', 'tūkst.t.', 'kočka/A']) + '\n'
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, 'index.dic')
            with open(path, 'w', encoding='utf-8') as f:
                f.write(dic)
            # "tūkst.t." is two stops; "kočka" has none.
            self.assertEqual(dictionary_entries(path), {'č', 'čl', 'odst', 'Úř', 'márc', 'pág', 'pag'})

    def test_table_restores_diacritics_and_keeps_plain_abbreviations(self):
        entries = {'č', 'čl', 'odst', 'Úř', 'márc', 'pág', 'pag', 'št', 'st', 's'}
        # "pág." beside "pag." and "št." beside "st.": either may be meant, so both stay as typed; "odst" is kept as
        # typed; a single plain letter ("s") is no entry.
        self.assertEqual(abbreviation_table(entries, 'cs'), {'c': 'č', 'cl': 'čl', 'odst': 'odst', 'Ur': 'Úř',
                                                             'marc': 'márc'})

    def test_autocorrect_list_of_the_language_unless_it_is_the_english_one(self):
        def dat(path, names):
            xml = ('<block-list:block-list xmlns:block-list="http://openoffice.org/2001/block-list">'
                   + ''.join('<block-list:block block-list:abbreviated-name="%s"/>' % n for n in names)
                   + '</block-list:block-list>')
            with zipfile.ZipFile(path, 'w') as z:
                z.writestr('SentenceExceptList.xml', xml)
        with tempfile.TemporaryDirectory() as d:
            dat(os.path.join(d, 'acor_en-US.dat'), ['etc.', 'approx.', 'dept.', 'e.g.'])
            dat(os.path.join(d, 'acor_lt-LT.dat'), ['psl.', '&#x17E;r.', 'a. k.', 'jūr'])
            dat(os.path.join(d, 'acor_ro-RO.dat'), ['etc.', 'approx.', 'dept.'])
            # Entities decoded; "a. k." is two words, "jūr" has no stop.
            self.assertEqual(autocorrect_entries(d, 'lt'), {'psl', 'žr'})
            self.assertEqual(autocorrect_entries(d, 'ro'), set())
            self.assertEqual(autocorrect_entries(d, 'pl'), set())


class FlagAliases(unittest.TestCase):
    def test_af_lines_are_expanded(self):
        from .build import expand_flag_aliases
        with tempfile.TemporaryDirectory() as d:
            aff, dic, out = (os.path.join(d, n) for n in ('x.aff', 'x.dic', 'y.dic'))
            with open(aff, 'w', encoding='utf-8') as f:
                f.write('SET UTF-8\nFLAG long\nAF 2\nAF AaBb # 1\nAF Cc\n')
            with open(dic, 'w', encoding='utf-8') as f:
                f.write('3\nkuća/1\nstol/2\nbez\n')
            self.assertEqual(expand_flag_aliases(dic, aff, out), out)
            with open(out, encoding='utf-8') as f:
                self.assertEqual(f.read(), '3\nkuća/AaBb\nstol/Cc\nbez\n')

    def test_without_af_the_dic_is_used_as_it_is(self):
        from .build import expand_flag_aliases
        with tempfile.TemporaryDirectory() as d:
            aff, dic = os.path.join(d, 'x.aff'), os.path.join(d, 'x.dic')
            for p, t in ((aff, 'SET UTF-8\n'), (dic, '1\nkot/A\n')):
                with open(p, 'w', encoding='utf-8') as f:
                    f.write(t)
            self.assertEqual(expand_flag_aliases(dic, aff, os.path.join(d, 'y')), dic)


class Elisions(unittest.TestCase):
    def test_share_of_each_word_after_each_elided_word(self):
        lines = ["J'ai dit qu'il ai.", "j'ai vu l'homme", "J’ai", "l'homme et l'homme", "Un homme d'accord"] * MIN_PAIR
        # "ai": 3 of its 4 occurrences per copy follow "j'" (a curly apostrophe too), none "qu'": "qu'il" follows.
        self.assertEqual(elision_table(lines, 'fr'), {'j': {'ai': 0.75}, 'qu': {'il': 1.0}, 'l': {'homme': 0.75},
                                                      'd': {'accord': 1.0}})

    def test_pairs_seen_fewer_than_min_pair_times_are_left_out(self):
        self.assertEqual(elision_table(["c'est"] * (MIN_PAIR - 1) + ['est'], 'fr'), {})
        # The longest elided word: "dell'acqua" is "dell" and "acqua", not "l" and "acqua".
        self.assertEqual(elision_table(["dell'acqua"] * MIN_PAIR, 'it'), {'dell': {'acqua': 1.0}})

    def test_pairs_whose_letters_are_a_dictionary_word_are_left_out(self):
        lines = ["d'une dune, d'un"] * MIN_PAIR
        self.assertEqual(elision_table(lines, 'fr', frozenset({'dune'})), {'d': {'un': 1.0}})


if __name__ == '__main__':
    unittest.main()


class NameForms(unittest.TestCase):
    def test_text_names(self):
        lines = [
            'Jedu do Číny. Čína je daleko a v Číně žije Jan.\n',  # "Čína" starts a sentence: not counted
            'Byl jsem v Číně, Jan taky; Praha je hezká.\n',        # after ";" the sentence goes on
            'Včera Praha: Čína a Číně\n',                          # after ":" (and quotes) one starts
            'Jan řekl: „Dobrý den." A pak Dobrý den dobrý\n',
        ]
        # inside sentences, capitalised: číně 3, jan 2, praha 2, číny 1, dobrý 1 (and once lowercase)
        self.assertEqual(text_names(lines, 'cs'), {'číně', 'jan', 'praha'})
        self.assertEqual(text_names(lines, 'cs', min_count=1), {'číny', 'číně', 'jan', 'praha', 'dobrý'})
        # mostly lowercase: no name
        self.assertEqual(text_names(['A pak Dobrý a dobrý a dobrý a dobrý a Dobrý\n'], 'cs'), set())
        # Turkish: "İstanbul" is "istanbul", "Iğdır" "ığdır" (Python's lower() would give "i̇stanbul", "iğdır")
        self.assertEqual(text_names(['Dün İstanbul ve Iğdır, sonra İstanbul ve Iğdır\n'], 'tr'), {'istanbul', 'ığdır'})

    def test_dictionary_names(self):
        dic = ['5\n', 'Praha/ABC\n', 'kočka/XY\n', 'USA\n', 'Nový Jičín/Q\n', 'X\n']
        # capitalised stems only: not all caps, not one letter, not two words
        self.assertEqual(dictionary_names(dic, 'cs'), {'praha'})
        self.assertEqual(dictionary_names(['2\n', 'İzmir/A\n', 'Iğdır\n'], 'tr'), {'izmir', 'ığdır'})

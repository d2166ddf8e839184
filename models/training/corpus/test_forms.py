"""Unit tests: /usr/bin/python3 -m unittest models.training.corpus.test_forms"""
import unittest
from collections import Counter

from .forms import allocate, form_rows, format_line, round2


def _strip(word, lang):
    return word.translate(str.maketrans('ąčęėįšųūž', 'aceeisuuz'))


class Forms(unittest.TestCase):
    def test_round2(self):
        for n, want in [(1, 1), (0, 1), (99, 99), (123, 120), (1250, 1200), (98765, 99000)]:
            self.assertEqual(round2(n), want, n)

    def test_format_line_leaves_out_counts_of_one(self):
        self.assertEqual(format_line([('čia', 900), ('cia', 1)]), 'čia\t900\tcia')
        self.assertEqual(format_line([('gražus', 1)]), 'gražus')

    def test_rows_keep_keys_with_a_choice_most_frequent_first(self):
        counts = Counter({'čia': 900, 'cia': 100, 'namas': 50, 'gražus': 1, 'ką': 3000, 'ka': 2})
        rows = form_rows(counts, _strip, 'lt')
        # namas: written as stripped, nothing to choose; ka (2 of 3002) is below the 0.2 % share
        self.assertEqual([ln for _, ln in rows], ['ką\t3000', 'čia\t900\tcia\t100', 'gražus'])

    def test_allocate_gives_what_small_languages_leave_to_the_others(self):
        self.assertEqual(allocate({'a': 10, 'b': 500, 'c': 900}, 900), {'a': 10, 'b': 445, 'c': 445})
        self.assertEqual(allocate({'a': 10, 'b': 20}, 900), {'a': 10, 'b': 20})


if __name__ == '__main__':
    unittest.main()

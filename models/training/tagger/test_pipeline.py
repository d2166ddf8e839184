"""Tests of the training pipeline around the tagger: /usr/bin/python3 -m unittest models.training.tagger.test_pipeline
(the dispatcher's steps, worker batches, the packed sample, the export checks and the install they guard)."""
import json
import lzma
import random
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tagger/ first (train.py)
import torch  # noqa: E402

import accel  # noqa: E402
from alphabet import char_id  # noqa: E402
from windows import LanguageText, language_weights, make_batch  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
LT = ['Šiandien labai gražus oras.', 'Žmonės eina į darbą.', 'Ką tu sakai?', 'Čia mūsų namai.'] * 20


def write_corpus(root: Path) -> Path:
    corpus = root / 'corpus'
    corpus.mkdir(parents=True)
    (corpus / 'lt.train.txt').write_text('\n'.join(LT) + '\n', encoding='utf-8')
    (corpus / 'lt.laws.txt').write_text('\n'.join(['Įstatymas įsigalioja nuo paskelbimo dienos.'] * 200) + '\n',
                                        encoding='utf-8')
    (corpus / 'lt.dev.txt').write_text('\n'.join(LT[:8]) + '\n', encoding='utf-8')
    return root


class Dispatcher(unittest.TestCase):
    def test_every_step_runs_a_file_that_exists(self):
        sys.path.insert(0, str(ROOT))
        from models.training.__main__ import HERE, STEPS, command
        for step, (how, _) in STEPS.items():
            cmd = command(step, [])
            if how.startswith('m:'):
                self.assertTrue((ROOT / (how[2:].replace('.', '/') + '.py')).exists(), step)
            else:
                self.assertTrue(Path(cmd[1]).exists(), (step, cmd))
                self.assertTrue(Path(cmd[1]).is_relative_to(HERE), step)

    def test_unknown_step_fails_and_lists_the_steps(self):
        run = subprocess.run([sys.executable, '-m', 'models.training', 'no-such-step'], cwd=ROOT,
                             capture_output=True, text=True)
        self.assertEqual(run.returncode, 2)
        self.assertIn('tagger-gpu-job', run.stderr)


class Batches(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.texts = [LanguageText('lt', write_corpus(Path(self.tmp.name)) / 'corpus')]

    def tearDown(self):
        self.tmp.cleanup()

    def test_in_process_stream_is_the_cpu_recipe(self):
        w = language_weights(self.texts)
        stream = accel.BatchStream(self.texts, w, random.Random(5), 4, 32, workers=0, seed=0)
        want = [make_batch(self.texts, w, random.Random(5), 4, 32) for _ in range(1)]
        got = next(stream)
        for a, b in zip(got, want[0]):
            self.assertTrue(torch.equal(a, b))

    def test_worker_batches_have_a_fixed_shape(self):
        stream = accel.BatchStream(self.texts, language_weights(self.texts), random.Random(0), 3, 40, workers=2,
                                   seed=1)
        for _ in range(4):
            ids, lang, tg = next(stream)
            self.assertEqual((tuple(ids.shape), tuple(lang.shape), tuple(tg.shape)), ((3, 40), (3,), (3, 40)))

    def test_source_bytes_are_utf8_lengths(self):
        ids = torch.tensor([[char_id(c) for c in 'aą ạ€']])
        self.assertEqual(accel.source_bytes(ids), len('aą ạ'.encode()) + 3)


class Pack(unittest.TestCase):
    def test_packed_sample_is_drawn_from_as_the_full_corpus(self):
        from pack import pack
        with tempfile.TemporaryDirectory() as tmp:
            data = write_corpus(Path(tmp) / 'data')
            full = LanguageText('lt', data / 'corpus')
            pack(data, Path(tmp) / 'carry', 0.002, 5, ['lt'])
            packed = LanguageText('lt', Path(tmp) / 'carry' / 'corpus')
            self.assertLess(len(packed.main) + len(packed.laws), len(full.main) + len(full.laws))
            self.assertTrue(packed.main and packed.laws)
            self.assertEqual((packed.bytes, packed.laws_share), (full.bytes, full.laws_share))
            with lzma.open(Path(tmp) / 'carry' / 'corpus' / 'lt.dev.txt.xz', 'rt', encoding='utf-8') as f:
                self.assertEqual(f.read().split('\n')[:5], LT[:5])


class ExportChecks(unittest.TestCase):
    """A tiny random tagger through the real export, int8 quantizer, onnxruntime, gate and install."""

    @classmethod
    def setUpClass(cls):
        from network import Tagger, TaggerConfig
        cls.tmp = tempfile.TemporaryDirectory()
        root = Path(cls.tmp.name)
        cls.data = write_corpus(root / 'data')
        torch.manual_seed(0)
        model = Tagger(TaggerConfig(d_model=32, n_heads=2, d_ff=64, layers=1))
        cls.ckpt = root / 'ckpt.pt'
        torch.save({'config': model.cfg.to_dict(), 'model': model.state_dict(), 'step': 7, 'chars': 100}, cls.ckpt)
        from check import check
        cls.out = root / 'export'
        cls.report = check(cls.ckpt, cls.out, cls.data, 8, ['lt'], threads=1)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_check_reports_parity_and_the_gate(self):
        r = json.loads((self.out / 'check.json').read_text())
        self.assertEqual(r['parity']['of'], 8)
        self.assertEqual(r['parity']['identical_lines'], 8)
        self.assertEqual(r['pass'], r['int8_drop_points'] <= 0.2)
        self.assertEqual(set(r['files']), {'tagger.onnx', 'tagger.int8.onnx', 'tagger.json'})
        self.assertGreater(r['matmuls_quantized'], 0)

    def test_install_refuses_a_failed_gate_and_a_changed_graph(self):
        from install import install
        with tempfile.TemporaryDirectory() as tmp:
            src, models = Path(tmp) / 'src', Path(tmp) / 'models'
            src.mkdir()
            for name in ('tagger.int8.onnx', 'tagger.json'):
                (src / name).write_bytes((self.out / name).read_bytes())
            report = json.loads((self.out / 'check.json').read_text())
            (src / 'check.json').write_text(json.dumps({**report, 'pass': False, 'int8_drop_points': 0.5}))
            with self.assertRaises(SystemExit):
                install(src, models)
            (src / 'check.json').write_text(json.dumps({**report, 'pass': True}))
            (src / 'tagger.json').write_text('{}')
            with self.assertRaises(SystemExit):
                install(src, models)
            self.assertFalse(models.exists())
            (src / 'tagger.json').write_bytes((self.out / 'tagger.json').read_bytes())
            models.mkdir()
            (models / 'manifest.json').write_text(json.dumps({'files': {}}))
            install(src, models)
            files = json.loads((models / 'manifest.json').read_text())['files']
            self.assertEqual(files['tagger']['path'], 'tagger.int8.onnx')
            self.assertEqual(files['tagger']['sha256'], report['files']['tagger.int8.onnx']['sha256'])


if __name__ == '__main__':
    unittest.main()

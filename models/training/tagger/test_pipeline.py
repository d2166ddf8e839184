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


class Checkpoint(unittest.TestCase):
    def test_compact_checkpoint_resumes_with_the_same_weights_and_moments(self):
        from checkpoint import compact
        from network import Tagger, TaggerConfig
        accel.exact_cpu_gradients()  # as train.py: oneDNN's conv gradients can be inf, and the step NaN (CI once)
        torch.manual_seed(0)
        model = Tagger(TaggerConfig(d_model=16, n_heads=2, d_ff=32, layers=1))
        opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
        model(torch.tensor([[72, 101, 108]]), torch.tensor([0])).sum().backward()
        opt.step()
        with tempfile.TemporaryDirectory() as tmp:
            src, dst = Path(tmp) / 'ckpt.pt', Path(tmp) / 'tagger.lt.pt'
            torch.save({'config': model.cfg.to_dict(), 'model': model.state_dict(), 'optimizer': opt.state_dict(),
                        'step': 1, 'chars': 3, 'langs': ['lt']}, src)
            self.assertLess(compact(src, dst), src.stat().st_size * 0.6)
            ck = torch.load(dst)
            self.assertEqual({v.dtype for v in ck['model'].values() if v.is_floating_point()}, {torch.float16})
            again = Tagger(TaggerConfig(**ck['config']))
            again.load_state_dict({k: v.float() for k, v in ck['model'].items()})
            opt2 = torch.optim.AdamW(again.parameters(), lr=1e-3)
            opt2.load_state_dict(ck['optimizer'])
            for p1, p2 in zip(model.parameters(), again.parameters()):
                self.assertTrue(torch.allclose(p1, p2, atol=1e-3))
                for key in ('exp_avg', 'exp_avg_sq'):
                    a, b = opt.state[p1][key], opt2.state[p2][key]
                    self.assertEqual(b.dtype, torch.float32)  # cast back when loaded
                    self.assertTrue(torch.allclose(a, b, rtol=1e-2, atol=1e-12))
                    self.assertEqual(bool((a > 0).any()), bool((b > 0).any()))  # no underflow to zero
            small = Path(tmp) / 'weights.pt'
            self.assertLess(compact(src, small, weights_only=True), dst.stat().st_size / 2)
            self.assertNotIn('optimizer', torch.load(small))


class Train(unittest.TestCase):
    def test_init_starts_a_new_language_from_another_taggers_weights(self):
        from network import Tagger, TaggerConfig
        with tempfile.TemporaryDirectory() as tmp:
            data = write_corpus(Path(tmp) / 'data')
            torch.manual_seed(0)
            other = Tagger(TaggerConfig(d_model=16, n_heads=2, d_ff=32, layers=1))
            init = Path(tmp) / 'tagger.pl.pt'
            torch.save({'config': other.cfg.to_dict(), 'model': other.state_dict(), 'step': 500, 'chars': 9,
                        'langs': ['pl'], 'optimizer': {'state': {}, 'param_groups': []}}, init)
            run = subprocess.run([sys.executable, str(Path(__file__).parent / 'train.py'), '--data', str(data),
                                  '--out', str(Path(tmp) / 'run'), '--minutes', '0.01', '--langs', 'lt', '--init',
                                  str(init), '--batch', '2', '--length', '32', '--dev-limit', '2', '--threads', '1'],
                                 capture_output=True, text=True, timeout=120)
            self.assertEqual(run.returncode, 0, run.stderr)
            ck = torch.load(Path(tmp) / 'run' / 'ckpt.pt')
            self.assertEqual(ck['langs'], ['lt'])  # not pl: tagger.json will offer lt only
            self.assertEqual(ck['config'], other.cfg.to_dict())
            self.assertLess(ck['step'], 500)  # counted from 0, a fresh optimizer
            both = subprocess.run([sys.executable, str(Path(__file__).parent / 'train.py'), '--out', str(tmp),
                                   '--resume', str(init), '--init', str(init)], capture_output=True, text=True)
            self.assertNotEqual(both.returncode, 0)


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
            other = {'path': 'tagger.pl.int8.onnx', 'bytes': 1, 'sha256': '0' * 64}
            (models / 'manifest.json').write_text(json.dumps({'files': {'tagger.pl': other}}))
            install(src, models)
            files = json.loads((models / 'manifest.json').read_text())['files']
            # named after the language it was trained on (check(..., ['lt'])); the folder's other tagger stays
            self.assertEqual(files['tagger.lt']['path'], 'tagger.lt.int8.onnx')
            self.assertEqual(files['tagger.lt']['sha256'], report['files']['tagger.int8.onnx']['sha256'])
            self.assertEqual(files['tagger_alphabet.lt']['path'], 'tagger.lt.json')
            self.assertEqual(files['tagger.pl'], other)
            self.assertTrue((models / 'tagger.lt.int8.onnx').exists() and (models / 'tagger.lt.json').exists())
            # a tagger of lt and pl supersedes both: their entries and files go
            from export import register
            for f in ('tagger.lt-pl.int8.onnx', 'tagger.lt-pl.json', 'tagger.pl.int8.onnx'):
                (models / f).write_bytes(b'x')
            register(models, 'lt-pl')
            files = json.loads((models / 'manifest.json').read_text())['files']
            self.assertEqual(sorted(files), ['tagger.lt-pl', 'tagger_alphabet.lt-pl'])
            self.assertFalse((models / 'tagger.lt.int8.onnx').exists() or (models / 'tagger.pl.int8.onnx').exists())


if __name__ == '__main__':
    unittest.main()

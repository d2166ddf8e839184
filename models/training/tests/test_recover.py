"""decoder-recover (recover_checkpoint.py): the checkpoint rebuilt from the shipped graphs re-exports to them.

    /usr/bin/python3 -m unittest models.training.tests.test_recover
"""
from __future__ import annotations

import json
import sys
import tempfile
import unittest
from pathlib import Path

import numpy as np
import onnx
from onnx import numpy_helper

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "models" / "training"))
import recover_checkpoint  # noqa: E402

MODELS = ROOT / "models"


def weights(path: Path, suffix: str) -> list[np.ndarray]:
    """The graph's initializers whose names end with `suffix`, in a canonical order (names differ per export)."""
    arrays = [numpy_helper.to_array(i) for i in onnx.load(str(path)).graph.initializer if i.name.endswith(suffix)]
    return sorted(arrays, key=lambda a: (a.shape, a.tobytes()))


class RecoverTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        work = Path(cls.tmp.name)
        cls.ckpt = work / "recovered" / "decoder.pt"
        recover_checkpoint.main(["--model-dir", str(MODELS), "--out", str(cls.ckpt)])
        cls.installed = work / "models"
        # A folder that already holds a tagger (and a manifest listing it), as models/ does.
        cls.installed.mkdir()
        shipped = json.loads((MODELS / "manifest.json").read_text())
        cls.tagger = {role: e for role, e in shipped["files"].items() if role.startswith(("tagger.", "tagger_alphabet."))}
        assert cls.tagger, "models/manifest.json lists no tagger"
        for entry in cls.tagger.values():
            (cls.installed / entry["path"]).write_bytes((MODELS / entry["path"]).read_bytes())
        (cls.installed / "manifest.json").write_text(json.dumps({"files": {**cls.tagger, "tagger.xx": {"path": "gone.onnx"}}}))
        sys.argv = ["install_model.py", "--checkpoint", str(cls.ckpt), "--version", "recovered", "--models",
                    str(cls.installed)]
        import install_model
        install_model.main()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_the_checkpoint_keeps_the_shipped_networks_figures(self):
        import torch
        ck = torch.load(str(self.ckpt), map_location="cpu")
        manifest = json.loads((MODELS / "manifest.json").read_text())
        self.assertEqual(ck["step"], manifest["training"]["steps"])
        self.assertEqual(ck["recovered_from"], manifest["version"])
        self.assertNotIn("opt", ck)
        self.assertEqual(sum(v.numel() for k, v in ck["model"].items() if k not in ("dec_pos.weight", "lm_head.weight")),
                         manifest["parameters"])

    def test_the_gpu_jobs_onnx_greedy_writes_what_pytorch_writes(self):
        # ort_check.greedy: post_train.py's parity and int8 gate, through onnxruntime-node here (the Python package on
        # the GPU machine), on the float graphs re-exported from the checkpoint.
        from dev_eval import correct_batch
        from export_onnx import export, load_checkpoint
        from ort_check import greedy_many
        model = load_checkpoint(self.ckpt)
        encoder, decoder = export(model, Path(self.tmp.name) / "float")
        texts = ["Siandien labai grazus oras", "Prilis zlutoucky kun upel dabelske ody", "Bugun hava cok guzel"]
        langs = ["lt", "cs", "tr"]
        by_torch = correct_batch(model, texts, langs, "cpu", amp=False)
        self.assertEqual(greedy_many(str(encoder), str(decoder), texts, langs, workers=1), by_torch)
        self.assertNotEqual(by_torch, texts)  # the model changed something: the comparison is not of copies

    def test_a_new_byte_model_keeps_the_folders_taggers(self):
        files = json.loads((self.installed / "manifest.json").read_text())["files"]
        self.assertEqual({r: files[r] for r in self.tagger}, self.tagger)
        self.assertNotIn("tagger.xx", files)  # its file is gone
        self.assertEqual(files["encoder"]["path"], "encoder.int8.onnx")

    def assert_same_weights(self, graph: str, suffix: str):
        shipped, again = weights(MODELS / graph, suffix), weights(self.installed / graph, suffix)
        self.assertEqual(len(again), len(shipped))
        for a, b in zip(shipped, again):
            np.testing.assert_array_equal(a, b)

    def test_int8_encoder_weights_come_back_identical(self):
        self.assert_same_weights("encoder.int8.onnx", "_quantized")
        # The checkpoint holds the dequantized matrices as fp16 (train.py's weights-only format): each int8 value
        # comes back, each scale within fp16's rounding.
        for a, b in zip(weights(MODELS / "encoder.int8.onnx", "_scale"), weights(self.installed / "encoder.int8.onnx", "_scale")):
            np.testing.assert_allclose(a, b, rtol=1e-3)

    def test_fp16_decoder_weights_come_back_identical(self):
        self.assert_same_weights("decoder.onnx", "_fp16")

    def test_float_tables_and_norms_come_back_identical(self):
        for graph in ("encoder.int8.onnx", "decoder.onnx"):
            shipped = {i.name: numpy_helper.to_array(i) for i in onnx.load(str(MODELS / graph)).graph.initializer
                       if i.name.startswith("model.")}
            again = {i.name: numpy_helper.to_array(i) for i in onnx.load(str(self.installed / graph)).graph.initializer
                     if i.name.startswith("model.")}
            self.assertEqual(sorted(again), sorted(shipped), graph)
            for name, a in shipped.items():
                np.testing.assert_array_equal(a, again[name], f"{graph}: {name}")


if __name__ == "__main__":
    unittest.main()

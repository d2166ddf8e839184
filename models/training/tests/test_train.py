"""The byte model's training loop (train.py) on a tiny corpus: it trains, profiles when asked, and resumes.

    /usr/bin/python3 -m unittest models.training.tests.test_train
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SENTENCES = ["Šiandien labai gražus oras.", "Rytoj lis visą dieną.", "Vaikai žaidžia kieme su šunimi."]


def train(data: Path, out: Path, minutes: float, *extra: str) -> list[dict]:
    run = subprocess.run([sys.executable, str(ROOT / "models/training/train.py"), "--config", "tiny", "--data", str(data),
                          "--out", str(out), "--minutes", str(minutes), "--workers", "1", "--dev-limit", "0", "--threads", "1",
                          "--token-budget", "512", "--task-examples", "64", *extra],
                         capture_output=True, text=True, timeout=240)
    if run.returncode != 0:
        raise AssertionError(run.stderr[-2000:])
    return [json.loads(line) for line in (out / "log.jsonl").read_text().splitlines()]


class TrainLoopTest(unittest.TestCase):
    def test_trains_profiles_and_resumes(self):
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            (data / "corpus").mkdir(parents=True)
            (data / "words").mkdir()
            (data / "corpus" / "lt.train.txt").write_text("\n".join(SENTENCES * 50) + "\n", encoding="utf-8")
            first = train(data, Path(tmp) / "a", 0.15, "--profile", "2", "--profile-after", "3")
            done = next(e for e in first if e["event"] == "done")
            self.assertGreater(done["step"], 5)  # past the 3 warm-up steps and the 2 profiled ones
            profile = (Path(tmp) / "a" / "profile.txt").read_text()
            self.assertRegex(profile.splitlines()[0], r"^2 steps in \d+\.\d{3} s wall")
            self.assertIn("aten::", profile)
            again = train(data, Path(tmp) / "b", 0.05, "--resume", str(Path(tmp) / "a" / "model.fp16.pt"))
            resumed = next(e for e in again if e["event"] == "resume")
            self.assertEqual((resumed["step"], resumed["optimizer"]), (done["step"], False))
            self.assertGreater(next(e for e in again if e["event"] == "done")["step"], done["step"])


if __name__ == "__main__":
    unittest.main()

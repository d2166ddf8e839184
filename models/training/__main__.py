"""The training pipeline, one entry point: /usr/bin/python3 -m models.training <step> [step arguments]

  python3 -m models.training                 lists the steps
  python3 -m models.training STEP --help     a step's own arguments
Each step is the script named beside it, run with this Python (on the GPU machine: its torch 2.x python3).
Order for a release: corpus -> lexicon, lm -> tagger-train (or tagger-pack + tagger-gpu-job on a GPU) ->
tagger-export (float + int8 + parity + int8 gate) -> tagger-install (refused unless the checks passed);
the byte model: decoder-train -> install (into a staging folder) -> parity (+ int8 gate) -> copy into models/.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

# step -> (how to run it: module 'm:...', script path, or shell 'sh:...'; what it does)
STEPS: dict[str, tuple[str, str]] = {
    'corpus': ('m:models.training.corpus.build', 'build data/corpus, data/words, CORPUS.md, then the lexicons'),
    'news-dev': ('m:models.training.corpus.news_dev', 'data/news-dev/<lang>.txt: held-out news for tuning weights'),
    'informal-dev': ('m:models.training.corpus.informal_dev', 'data/informal-dev/<lang>.txt: held-out game dialogue, spoken register'),
    'lexicon': ('m:models.training.lexicon.build', 'models/lexicon/<lang>.lex.br (after the corpus)'),
    'lm': ('m:models.training.lm.build', 'models/lm/<lang>.lm.br word trigram models (after the corpus)'),
    'spelling': ('m:models.training.lm.spelling', 'models/lm/<lang>.spell.br letter models of spellings (after the corpus)'),
    'tagger-train': ('tagger/train.py', 'train the diacritics tagger (time-budgeted, --resume; GPU options)'),
    'tagger-eval': ('tagger/evaluate.py', 'the tagger alone on the dev split (PyTorch)'),
    'tagger-export': ('tagger/check.py', 'tagger float + int8 graphs, parity and the int8 gate -> check.json'),
    'tagger-install': ('tagger/install.py', 'install a checked tagger into models/ (refused if a check failed)'),
    'tagger-pack': ('tagger/pack.py', 'pack a corpus sample (+ the checkpoint) into .carry/tagger for a GPU'),
    'tagger-gpu-job': ('tagger/gpu_job.py', 'the whole tagger GPU job: train, export, int8, check -> $OUT'),
    'decoder-train': ('train.py', 'train the byte encoder-decoder (time-budgeted, resumable)'),
    'decoder-recover': ('recover_checkpoint.py', 'byte model: its checkpoint (weights) rebuilt from the shipped graphs'),
    'decoder-export': ('export_onnx.py', 'byte model float ONNX graphs from a checkpoint'),
    'quantize': ('quantize_int8.py', 'the one int8 quantizer (onnx only): GRAPH.onnx GRAPH.int8.onnx'),
    'install': ('install_model.py', 'byte model: int8 encoder + float decoder + manifest into a folder'),
    'parity': ('decoder_gate.py', 'byte model: PyTorch vs onnxruntime-node greedy, and the int8 gate'),
    'decoder-post': ('post_train.py', 'byte model on a GPU machine: export, int8, parity, gate (onnxruntime)'),
    'pack': ('pack_data.py', 'byte model: pack data/ into .carry/data for a GPU machine'),
    'gpu-job': ('sh:gpu_job.sh', 'byte model: the whole GPU job (env: OUT, TRAIN_MINUTES, ...)'),
    'cpu-job': ('sh:cpu_job.sh', 'byte model: the whole 2-core CPU job (env: RUN, TRAIN_MINUTES, ...)'),
}


def command(step: str, args: list[str]) -> list[str]:
    how = STEPS[step][0]
    if how.startswith('m:'):
        return [sys.executable, '-m', how[2:], *args]
    if how.startswith('sh:'):
        return ['bash', str(HERE / how[3:]), *args]
    return [sys.executable, str(HERE / how), *args]


def usage() -> str:
    width = max(map(len, STEPS))
    lines = [__doc__.strip(), '', 'steps:']
    lines += [f'  {name.ljust(width)}  {what}' for name, (_, what) in STEPS.items()]
    return '\n'.join(lines)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ('-h', '--help', 'help'):
        print(usage())
        return 0
    step, args = argv[0], argv[1:]
    if step not in STEPS:
        print(f'unknown step {step!r}\n\n{usage()}', file=sys.stderr)
        return 2
    env = {**os.environ, 'PYTHONUNBUFFERED': '1'}
    return subprocess.call(command(step, args), cwd=ROOT, env=env)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env bash
# The byte model's (encoder-decoder's) whole CPU run on a 2-core machine, from the repo root
# (python3 -m models.training cpu-job): train, export, int8-quantize, install into $RUN/model (with a manifest;
# models/lexicon linked beside it), parity and the int8 gate (stops here when either fails), and evaluate through
# the engine. The diacritics tagger has its own steps (python3 -m models.training tagger-train, tagger-export, ...).
#   bash models/training/cpu_job.sh                       (100 min of training, then about 7 min: dev check, export, int8, parity, eval)
#   CONFIG=tiny TRAIN_MINUTES=0.3 EVAL_LIMIT=5 RUN=/tmp/cpu bash models/training/cpu_job.sh   (smoke)
# Resumable: run it again with the same RUN and it continues training up to TRAIN_MINUTES in all.
# RESUME=CKPT starts a new RUN from a checkpoint instead, e.g. the shipped model's (models/training/checkpoints/
# decoder.pt, python3 -m models.training decoder-recover), with LR= its peak learning rate (default: the config's).
# It installs into $RUN/model only; copying into models/ is a separate, deliberate step after the gate passed.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3
RUN=${RUN:-models/training/runs/cpu}
DATA=${DATA:-.carry/data}
VERSION=${VERSION:-0.2.0-cpu}
LANGS=lt,lv,cs,sk,pl,hr,ro,hu,fr,es,ga,tr,vi
START=$(date +%s)
mkdir -p "$RUN"
export PYTHONUNBUFFERED=1

$PY models/training/train.py --config "${CONFIG:-cpu}" --data "$DATA" --out "$RUN" --minutes "${TRAIN_MINUTES:-100}" \
  --workers 1 --threads 2 --dev-limit "${DEV_LIMIT:-100}" ${RESUME:+--resume "$RESUME"} ${LR:+--lr "$LR"} 2>&1 | grep --line-buffered -v Warning | tee -a "$RUN/train.log"
$PY models/training/install_model.py --checkpoint "$RUN/model.fp16.pt" --version "$VERSION" --models "$RUN/model"
ln -sfn "$(pwd)/models/lexicon" "$RUN/model/lexicon"
# Parity and the int8 gate: PyTorch greedy vs onnxruntime-node greedy on the float graphs and on the int8 install
# (decoder_gate.py writes $RUN/parity.json; exit 1, ending this job, when either fails).
$PY -m models.training parity --checkpoint "$RUN/model.fp16.pt" --data "$DATA" --n "${PARITY_N:-200}" --model-dir "$RUN/model"
echo "cpu_job: trained and installed in $(( $(date +%s) - START )) s"
echo "Siandien labai grazus oras" | node bin/ogonek.js fix --lang lt --model "$RUN/model"
node bin/ogonek.js eval-report --fresh --systems keep,unigram,model,product --model-dir "$RUN/model" \
  --langs "$LANGS" --tasks diacritics,typos-0.02,clean --limit "${EVAL_LIMIT:-300}" --cs-limit "${CS_LIMIT:-200}" \
  --out "$RUN/EVAL.md"
echo "cpu_job: done in $(( $(date +%s) - START )) s"

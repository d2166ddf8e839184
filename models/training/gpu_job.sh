#!/usr/bin/env bash
# The byte model's whole GPU run (train, export, quantize, check), from the repo root on the device machine
# (python3 -m models.training gpu-job). The tagger has its own: python3 -m models.training tagger-gpu-job.
# Data travels packed in .carry/data (models/training/pack_data.py). Artefacts land in $OUT (<= 8 files):
# the fp16 checkpoint in 15 MiB parts, encoder.int8.onnx, train.log, post_report.json. The float decoder is
# re-exported from the checkpoint by install_model.py (it is over the 16 MiB a returned file may have).
# RESUME=CKPT starts the run from a checkpoint (carried in .carry, e.g. models/training/checkpoints/decoder.pt, the
# shipped model's, with CONFIG=cpu, its size), LR= its peak learning rate, as cpu_job.sh does.
set -u
START=$(date +%s)
MINUTES=${TRAIN_MINUTES:-7}
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
nvidia-smi -L; python3 -c "import torch, onnx, onnxruntime; print(torch.__version__, onnx.__version__, onnxruntime.__version__)"
python3 models/training/train.py --config "${CONFIG:-gpu}" --data "${DATA:-.carry/data}" --out /tmp/run --minutes "$MINUTES" \
  --workers "${WORKERS:-14}" --dev-limit "${DEV_LIMIT:-40}" ${RESUME:+--resume "$RESUME"} ${LR:+--lr "$LR"} 2>&1 \
  | grep --line-buffered -v Warning | tee "$OUT/train.log"
python3 - <<'PY'
import os
p = "/tmp/run/model.fp16.pt"
data = open(p, "rb").read()
n = 15 * 1024 * 1024
for i in range(0, len(data), n):
    open(os.path.join(os.environ.get("OUT", "/tmp/out"), f"model.fp16.pt.part{i // n}"), "wb").write(data[i:i + n])
PY
python3 models/training/post_train.py --run /tmp/run --data "${DATA:-.carry/data}" --out /tmp/post --workers "${WORKERS:-14}" \
  --n "${PARITY_N:-300}" --deadline $((START + ${POST_DEADLINE_S:-560})) 2>&1 | grep --line-buffered -v Warning | tee -a "$OUT/train.log"
cp /tmp/post/encoder.int8.onnx "$OUT/encoder.int8.onnx" 2>/dev/null
cp /tmp/post/post_report.json "$OUT/" 2>/dev/null
echo "total $(( $(date +%s) - START )) s"
ls -la "$OUT"

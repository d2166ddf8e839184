#!/usr/bin/env bash
# The byte model's whole GPU run (train, export, quantize, check), from the repo root on the device machine
# (python3 -m models.training gpu-job). The tagger has its own: python3 -m models.training tagger-gpu-job.
# Data travels packed in .carry/data (models/training/pack_data.py). Artefacts land in $OUT (<= 8 files):
# the fp16 checkpoint in 15.5 MiB parts, encoder.int8.onnx, train.log, post_report.json. The float decoder is
# re-exported from the checkpoint by install_model.py (it is over the 16 MiB a returned file may have).
# RESUME=CKPT starts the run from a checkpoint (carried in .carry, e.g. models/training/checkpoints/decoder.pt, the
# shipped model's, with CONFIG=cpu, its size), LR= its peak learning rate, as cpu_job.sh does. TRAIN_ARGS= more
# train.py arguments (e.g. "--token-budget 65536" to fill the card with the small config, "--profile 10"). RUN_DIR= the run's folder
# (two jobs can share the card). POST=0 leaves export, int8 and the checks to this machine's install and parity steps.
set -u
START=$(date +%s)
MINUTES=${TRAIN_MINUTES:-7}
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
nvidia-smi -L; python3 -c "import torch, onnx, onnxruntime; print(torch.__version__, onnx.__version__, onnxruntime.__version__)"
RUN_DIR=${RUN_DIR:-/tmp/run}
python3 models/training/train.py --config "${CONFIG:-gpu}" --data "${DATA:-.carry/data}" --out "$RUN_DIR" --minutes "$MINUTES" \
  --workers "${WORKERS:-14}" --dev-limit "${DEV_LIMIT:-40}" ${RESUME:+--resume "$RESUME"} ${LR:+--lr "$LR"} ${TRAIN_ARGS:-} 2>&1 \
  | grep --line-buffered -v Warning | tee "$OUT/train.log"
cp "$RUN_DIR/profile.txt" "$OUT/" 2>/dev/null  # TRAIN_ARGS="--profile N": where the steps' time goes
RUN_DIR="$RUN_DIR" python3 - <<'PY'
import os
p = os.path.join(os.environ["RUN_DIR"], "model.fp16.pt")
data = open(p, "rb").read()
n = 31 * 512 * 1024  # 15.5 MiB: a returned file may have 16; two parts hold a 15.7 M-parameter network
for i in range(0, len(data), n):
    open(os.path.join(os.environ.get("OUT", "/tmp/out"), f"model.fp16.pt.part{i // n}"), "wb").write(data[i:i + n])
PY
if [ "${POST:-1}" != 0 ]; then
  python3 models/training/post_train.py --run "$RUN_DIR" --data "${DATA:-.carry/data}" --out "$RUN_DIR/post" --workers "${WORKERS:-14}" \
    --n "${PARITY_N:-300}" --deadline $((START + ${POST_DEADLINE_S:-560})) 2>&1 | grep --line-buffered -v Warning | tee -a "$OUT/train.log"
  cp "$RUN_DIR/post/encoder.int8.onnx" "$OUT/encoder.int8.onnx" 2>/dev/null
  cp "$RUN_DIR/post/post_report.json" "$OUT/" 2>/dev/null
fi
echo "total $(( $(date +%s) - START )) s"
ls -la "$OUT"

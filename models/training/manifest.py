"""models/manifest.json: file names, sizes, sha256, vocabulary, languages and graph dimensions."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from model import ModelConfig
from vocab import AUTO_TAG, BOS, BYTE_OFFSET, EOS, LANG_TAG, LANGUAGES, PAD, VOCAB_SIZE

MAX_INPUT_BYTES = 300


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_manifest(model_dir: Path, cfg: ModelConfig, files: dict[str, str], version: str, notes: str = "",
                   reference: list[dict] | None = None, extra: dict | None = None) -> Path:
    """files: role -> file name inside model_dir (roles: encoder, decoder)."""
    manifest = {
        "name": "ogonek-byte-corrector",
        "version": version,
        "notes": notes,
        "vocab": {"pad": PAD, "eos": EOS, "bos": BOS, "byte_offset": BYTE_OFFSET, "size": VOCAB_SIZE,
                  "lang_tags": LANG_TAG, "auto_tag": AUTO_TAG},
        "languages": LANGUAGES,
        "tag_format": "first encoder id: language tag id (vocab.lang_tags) or auto_tag; then UTF-8 bytes + byte_offset; then eos",
        "max_input_bytes": MAX_INPUT_BYTES,
        "max_positions": cfg.max_positions,
        "dims": {"dec_layers": cfg.dec_layers, "heads": cfg.n_heads, "head_dim": cfg.head_dim,
                 "d_model": cfg.d_model, "enc_layers": cfg.enc_layers, "d_ff": cfg.d_ff},
        "files": {role: {"path": name, "bytes": (model_dir / name).stat().st_size,
                         "sha256": sha256(model_dir / name)} for role, name in files.items()},
        "reference": reference or [],
    }
    if extra:
        manifest.update(extra)
    path = model_dir / "manifest.json"
    # The diacritics taggers share the folder and its manifest (tagger/install.py): a new byte model keeps them.
    if path.exists():
        earlier = json.loads(path.read_text()).get("files", {})
        manifest["files"].update({role: entry for role, entry in earlier.items()
                                  if role.startswith("tagger") and (model_dir / entry["path"]).exists()})
    path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return path

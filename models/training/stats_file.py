"""The per-language figures a builder records beside its outputs (models/lexicon/lexicons.json, models/lm/lms.json)."""
import json
import os


def read_stats(path: str) -> dict:
    """The recorded figures, or {} before the first build."""
    if not os.path.exists(path):
        return {}
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def write_stats(path: str, stats: dict) -> None:
    """Writes the figures sorted by language, atomically (a reader never sees half a file)."""
    with open(path + '.tmp', 'w', encoding='utf-8') as f:
        json.dump(dict(sorted(stats.items())), f, indent=1, ensure_ascii=False)
        f.write('\n')
    os.replace(path + '.tmp', path)

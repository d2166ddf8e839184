"""Writes test/fixtures/noise-vectors.json with models/training/noise.py (run once; both test suites check it).

    /usr/bin/python3 models/training/tests/make_noise_vectors.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "models" / "training"))
import noise  # noqa: E402

# A real sentence per language, mixed case and punctuation, with the language's diacritic letters.
SENTENCES = {
    "lt": "Šiandien labai gražus oras, o vaikai žaidžia kieme prie ąžuolo. ĄŽUOLAS!",
    "lv": "Rīgā šodien līst lietus, bet vakarā būs saulains laiks; Ķegums un Ļaudona.",
    "cs": "Příliš žluťoučký kůň úpěl ďábelské ódy. Řekl: „Ano, Ďábel!“",
    "sk": "Kŕdeľ šťastných ďatľov učí pri ústí Váhu mĺkveho koňa obhrýzať kôru. Ä ÔĽ",
    "pl": "Zażółć gęślą jaźń! Łódź leży w środkowej Polsce, a Śląsk – na południu.",
    "hr": "Đački dom u Čakovcu ima šest soba, a Ćiro žuri kući; ĐURĐEVAC.",
    "ro": "Ștefan și Țara Românească; Şcoala şi ţara (forma cu sedilă), în România.",
    "hu": "Árvíztűrő tükörfúrógép: öt szép szűz lány őrült írót nyúz. ŐSZ",
    "fr": "Où est la forêt ? L'été, Noël et le cœur de Zoé — ça va très bien ! Ÿ",
    "es": "¿Qué tal, señor Núñez? El pingüino comió acción y jamón. ¡AÑO!",
    "ga": "Tá an aimsir go hálainn inniu, a Sheáin; is é an Ghaeilge teanga na hÉireann.",
    "tr": "İstanbul'da ağaçların altında çay içip şarkı söyledik; IĞDIR ılık, ÇÖL üzüm.",
    "vi": "Tiếng Việt có sáu thanh điệu: ngang, huyền, sắc, hỏi, ngã, nặng. Ưu tiên Đường Hồ Chí Minh!",
    "de": "Größere Übungen für Äpfel und Öl: Straße über Brücken, 3 Maß Bier.",
    "pt": "A ação do coração não é fácil; João comeu pão à tarde, às três. ÇÃO",
    "it": "Perché è così difficile? Più caffè, però già là: È vero.",
    "sl": "Šolar je čakal na žerjavico ob čaju; Žiga in Čeh.",
    "et": "Jõulud on õues külmad; Šveits ja žürii ööbisid äärelinnas. ÕUN",
    "is": "Þórður og Guðrún fóru í ævintýri til Reykjavíkur á föstudögum. ÐÆÖ",
    "en": "The naïve café owner's résumé: Zoë's piñata costs $12.50! 🎉 Well, OK.",
}

# Edge cases: emoji and surrogate pairs, ZWJ sequences, decomposed input, combining sequences NFC cannot
# compose, letters that are kept, other scripts, empty string, whitespace and digits.
EXTRA = [
    ("lt", ""),
    ("en", "   \t\n 12 345,67 -- !? "),
    ("lt", "👨‍👩‍👧‍👦 šeima 🇱🇹 Ąžuolas 𝒜𝓁𝓅𝒽𝒶 ok"),
    ("cs", "Decomposed: Pr\u030ci\u0301lis\u030c z\u030clut\u030couc\u030cky\u0301"),
    ("lt", "Kirčiuota: ą\u0301žuolas, ę\u0303, q\u0307 x\u0323\u0301"),
    ("vi", "Vie\u0302\u0323t Nam, ươ\u0301c mơ\u0300"),
    ("de", "ß ẞ æ Æ œ Œ þ Þ ð Ð ø Ø ł Ł đ Đ ı İ ħ ŀ Ǆ ǅ"),
    ("en", "Русский а\u0301 Ελληνικά ά 日本語のテキストが がんばる 한국어"),
    ("tr", "IIIıııİİİ iii"),
    ("fr", "ÉCOLE ÉLÉMENTAIRE: À BIENTÔT"),
    ("en", "ab"),
]

CASES = [(0, 0.0), (1, 0.05), (7, 0.3), (12345, 1.0)]


def main() -> None:
    vectors = []
    items = list(SENTENCES.items()) + EXTRA
    for lang, text in items:
        for seed, p in CASES:
            stripped = noise.strip_diacritics(text, lang)
            vectors.append(
                {
                    "input": text,
                    "lang": lang,
                    "seed": seed,
                    "p": p,
                    "expected_stripped": stripped,
                    "expected_typos": noise.add_typos(text, lang, p, seed),
                    "expected_stripped_typos": noise.add_typos(stripped, lang, p, seed),
                }
            )
    body = ",\n".join("  " + json.dumps(v, ensure_ascii=False) for v in vectors)
    out = ROOT / "test" / "fixtures" / "noise-vectors.json"
    out.write_text("[\n" + body + "\n]\n", encoding="utf-8")
    print(f"wrote {len(vectors)} vectors to {out}")


if __name__ == "__main__":
    main()

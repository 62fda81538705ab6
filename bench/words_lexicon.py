"""Write pipeline/lexicons/words.txt and compounds.txt: the words and the hyphenated word pairs of
the UN's own XML texts with how often they occur.

The text parser tells a word from a fragment of a split word with words.txt, and a compound whose
hyphen an extractor dropped ("costsaving", "Secretary General") with compounds.txt: each pair of
pieces joined by a hyphen ("self-governing" of "non-self-governing"), how often it is printed so and
how often as two words (pipeline/text/words.py). The GA sessions 78-80 are left out: their PDFs are
what bench/pdf_vs_xml.py measures the parser on.

    .venv/bin/python bench/words_lexicon.py
"""

from __future__ import annotations

import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.text.akn import parse_akn  # noqa: E402
from pipeline.text.model import ResolutionRejected  # noqa: E402

ARCHIVES = ["unxml-ga-sessions-74-80.zip", "unxml-sc-2000-2026.zip", "unxml-hrc-sessions-54-60.zip",
            "unxml-ecosoc-2021-2025.zip"]
MEASURED = re.compile(r"/(?:78|79|80)session/")
WORD = re.compile(r"(?<![\w'’-])[^\W\d_]+(?![\w])")
COMPOUND = re.compile(r"(?<![\w'’-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w'’-])")
BIGRAM = re.compile(r"(?<![\w'’-])(?=([^\W\d_]+) ([^\W\d_]+)(?![\w'’-]))")
MINIMUM = 3  # seen fewer times, a token may be a typing slip


def main() -> None:
    counts: Counter[str] = Counter()
    texts: list[str] = []
    for archive in ARCHIVES:
        with zipfile.ZipFile(ROOT / "data/sources" / archive) as opened:
            for member in opened.namelist():
                if not member.endswith(".xml") or MEASURED.search(member):
                    continue
                if "ga-sessions" in archive and "/English/" not in member:
                    continue
                try:
                    parsed = parse_akn(opened.read(member).decode("utf-8"))
                except (ResolutionRejected, UnicodeDecodeError):
                    continue
                for paragraph in parsed.paragraphs:
                    counts.update(word.lower() for word in WORD.findall(paragraph.text))
                    texts.append(paragraph.text)
    words = sorted(w for w, n in counts.items() if n >= MINIMUM and (len(w) > 1 or w == "a"))
    target = ROOT / "pipeline/lexicons/words.txt"
    target.write_text("".join(f"{w} {counts[w]}\n" for w in words), encoding="utf-8")
    print(f"{len(words)} words written to {target.relative_to(ROOT)}")
    write_compounds(texts)


def write_compounds(texts: list[str]) -> None:
    hyphenated: Counter[str] = Counter()
    for text in texts:
        for compound in COMPOUND.findall(text):
            pieces = compound.lower().split("-")
            hyphenated.update(f"{a}-{b}" for a, b in zip(pieces, pieces[1:], strict=False))
    kept = {pair for pair, n in hyphenated.items() if n >= MINIMUM}
    spaced: Counter[str] = Counter()
    for text in texts:
        for match in BIGRAM.finditer(text):
            pair = f"{match.group(1).lower()}-{match.group(2).lower()}"
            if pair in kept:
                spaced[pair] += 1
    target = ROOT / "pipeline/lexicons/compounds.txt"
    target.write_text("".join(f"{p} {hyphenated[p]} {spaced[p]}\n" for p in sorted(kept)), encoding="utf-8")
    print(f"{len(kept)} compounds written to {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Regenerate the IndoSum-derived example inputs in examples/story/ and examples/pasted/.

The story: the arrest of Miryam S. Haryani (Hanura member of the DPR, suspected of false
testimony in the e-KTP corruption trial) on Monday 1 May 2017 and the following week, as
covered by kumparan, Rimanews and CNN Indonesia. All four articles were crawled before
1 July 2017, so none is held out.

IndoSum (Kurniawan & Louvan 2018) is CC BY-SA 4.0; so are the files written here.
Usage: python scripts/make_examples.py [--shared PATH] [--check]
  --check  compare with the files on disk instead of writing (exit 1 on a difference)
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from telaah.datasets.indosum import (  # noqa: E402
    IndoSumError,
    article_text,
    is_heldout,
    load_articles,
    published_date,
    published_date_source,
    url_slug_title,
)

STORY_SLUG = "miryam"
STORY_IDS = [
    "1493749800-kpk-akan-jerat-pihak-yang-sembunyikan-miryam",  # kumparan, arrest on Mon 1 May
    "1494050400-kpk-akan-kembali-periksa-elza-syarief",  # Rimanews, Fri 5 May
    "1494212825-peran-setnov-soal-keterangan-palsu-miryam",  # CNN Indonesia, Fri 5 May
    "1494297470-sidang-praperadilan-miryam-ditunda-pekan-depan",  # CNN Indonesia, Mon 8 May
]
# the same articles as a user would paste them: headline line, blank line, body
PASTED = {
    "1493749800-kpk-akan-jerat-pihak-yang-sembunyikan-miryam": "kumparan-kpk-jerat-penyembunyi-miryam.txt",
    "1494297470-sidang-praperadilan-miryam-ditunda-pekan-depan": "cnnindonesia-praperadilan-miryam-ditunda.txt",
}
OUTLETS = {"kumparan": "kumparan", "rimanews": "Rimanews", "cnn indonesia": "CNN Indonesia"}
FILE_OUTLETS = {"kumparan": "kumparan", "rimanews": "rimanews", "cnn indonesia": "cnnindonesia"}


def headline(record: dict) -> str:
    """The URL slug as a headline (a reconstruction: IndoSum keeps no headlines).

    Each slug word takes the spelling it most often has in the article body ("kpk" -> "KPK",
    "miryam" -> "Miryam"); the first word is capitalised.
    """
    words = url_slug_title(record)
    if not words:
        raise IndoSumError(f"{record['id']}: no usable URL slug for a headline")
    forms: dict[str, Counter] = {}
    for paragraph in record["paragraphs"]:
        for sentence in paragraph:
            for position, token in enumerate(sentence):
                if position:  # sentence-initial capitals say nothing
                    forms.setdefault(token.lower(), Counter())[token] += 1
    cased = [forms[w].most_common(1)[0][0] if w in forms else w for w in words.split()]
    cased[0] = cased[0][:1].upper() + cased[0][1:]
    return " ".join(cased)


def build(shared: Path | None) -> dict[Path, str]:
    data_dir = None if shared is None else shared / "indosum-dev"
    records = load_articles(STORY_IDS, data_dir)
    files: dict[Path, str] = {}
    lines = []
    for record in records:
        if is_heldout(record["id"]):
            raise IndoSumError(f"{record['id']} is held out; examples must not use it")
        row = {
            "id": f"indosum-{record['id']}",
            "text": article_text(record),
            "title": headline(record),
            "published": published_date(record).isoformat(),
            "url": record["source_url"],
            "source": record["source_url"],
            "outlet": OUTLETS[record["source"]],
        }
        lines.append(json.dumps(row, ensure_ascii=False))
        if record["id"] in PASTED:
            files[REPO / "examples" / "pasted" / PASTED[record["id"]]] = f"{row['title']}\n\n{row['text']}\n"
    files[REPO / "examples" / "story" / f"indosum-{STORY_SLUG}.jsonl"] = "\n".join(lines) + "\n"
    return files


def provenance(shared: Path | None) -> str:
    """A table for examples/README.md: id, outlet, published date and where it came from."""
    data_dir = None if shared is None else shared / "indosum-dev"
    rows = ["| IndoSum id | outlet | published | date from | URL |", "|---|---|---|---|---|"]
    for record in load_articles(STORY_IDS, data_dir):
        rows.append(
            f"| `{record['id']}` | {OUTLETS[record['source']]} | {published_date(record).isoformat()} | "
            f"{'URL' if published_date_source(record) == 'url' else 'crawl time (WIB)'} | {record['source_url']} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=None, help="the shared data folder (default: $TELAAH_SHARED or ../shared/data)")
    parser.add_argument("--check", action="store_true", help="only compare with the files on disk")
    parser.add_argument("--provenance", action="store_true", help="print the README provenance table")
    args = parser.parse_args(argv)
    if args.shared is not None:
        os.environ["TELAAH_SHARED"] = str(args.shared)
    try:
        if args.provenance:
            print(provenance(args.shared))
            return 0
        files = build(args.shared)
    except IndoSumError as exc:
        print(f"make_examples: {exc}", file=sys.stderr)
        return 2
    status = 0
    for path, content in files.items():
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != content:
                print(f"differs: {path.relative_to(REPO)}", file=sys.stderr)
                status = 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        print(f"wrote {path.relative_to(REPO)}")
    return status


if __name__ == "__main__":
    sys.exit(main())

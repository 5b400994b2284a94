#!/usr/bin/env python3
"""Candidate sentences for the sentence-level denial gold (tests/gold/denials_blind7.jsonl).

The IndoSum pre-July pool has no unused denials left, so the gold is built from three other
tokenised Indonesian news corpora in ../shared/data (idner-news-2k, indonlu-nergrit,
indolem-nerugm). Each sentence is detokenised into natural text; a sentence is a candidate
when it holds a quotation mark or any word of a deliberately broad attribution list
(ATTRIBUTION_WORDS, all stances alike, so the filter does not favour denials). Exact duplicate
texts are dropped, keeping the first seen in corpus order. The gold stores only the key
(`corpus/file#index`, 0-based sentence number in that file) and the sha1 of the detokenised
text, so the corpora's text stays in ../shared.

Usage: .venv/bin/python scripts/build_denial_candidates.py [--shared PATH] [--out FILE]
(prints the counts; writes one JSON line per candidate: key, sha1, corpus, text)
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared" / "data"
DEFAULT_OUT = Path("/tmp/denyset/cands.jsonl")

# (corpus dir, file, column separator); the order is the dedup order (first seen is kept).
CORPUS_FILES: list[tuple[str, str, str | None]] = [
    ("idner-news-2k", "train.txt", " "),
    ("idner-news-2k", "dev.txt", " "),
    ("idner-news-2k", "test.txt", " "),
    ("indonlu-nergrit", "train_preprocess.txt", "\t"),
    ("indonlu-nergrit", "valid_preprocess.txt", "\t"),
    ("indonlu-nergrit", "test_preprocess.txt", "\t"),
    ("indolem-nerugm", "nerugm.txt", "\t"),  # the full set only, not the CV folds
]

NO_SPACE_BEFORE = {",", ".", ":", ";", "?", "!", ")"}
NO_SPACE_AFTER = {"("}
CLOSING_CONTEXT = {",", ".", "?", "!"}

# Saying, claiming, reacting and attributing words, with their -nya and passive forms. Broad on
# purpose: assert, accuse, deny, demand, unconfirmed and other cues are all here.
ATTRIBUTION_WORDS = frozenset("""
kata katanya ujar ujarnya ungkap ungkapnya tutur tuturnya jelas jelasnya tegas tegasnya imbuh
imbuhnya tambah tambahnya sebut sebutnya lanjut lanjutnya papar paparnya terang terangnya
tandas tandasnya pungkas pungkasnya ucap ucapnya seru serunya jawab jawabnya tanya tanyanya
sahut sahutnya kilah kilahnya dalih dalihnya aku akunya tulis tulisnya cuit cuitnya klaim
klaimnya bilang berkata berujar bertutur berucap berseru bertanya berpendapat beralasan
berdalih berkilah berharap berjanji bersikeras mengaku mengakui mengatakan mengatakannya
menyatakan menjelaskan menegaskan mengungkapkan mengungkap menyebut menyebutkan menyebutnya
menilai memandang menganggap mengklaim membantah menepis menyangkal menampik menyanggah
mengelak menolak menuduh menuding menyalahkan mendakwa menuntut meminta mendesak menyerukan
mengimbau menghimbau menyarankan mengingatkan memperingatkan menambahkan memaparkan
menuturkan menerangkan mengutarakan menyampaikan mengemukakan mengucapkan menanggapi
menjawab merespons merespon membenarkan mengkonfirmasi mengonfirmasi memastikan
mengklarifikasi mengharapkan mempertanyakan menanyakan menyayangkan menyesalkan mengecam
mengkritik mengutuk melaporkan mengumumkan menandaskan memaparkannya mengeluhkan
mengungkapkannya menyinggung mencurigai menduga memperkirakan meyakini yakin mengeluh
mengatakannya menyebutkannya mengisahkan menceritakan berkomentar mengomentari menyindir
disampaikan dikatakan dibantah ditepis disangkal ditampik disanggah dijelaskan ditegaskan
diungkapkan disebutkan disebut ditambahkan dinyatakan diakui dituduh dituding didakwa
dituduhkan dikonfirmasi dilaporkan diumumkan diutarakan dikemukakan dipaparkan diterangkan
dituturkan diucapkan ditanya ditanyakan dikutip mengutip diklaim dibenarkan dikritik dikecam
diminta didesak dinilai dianggap diimbau
menurut menurutnya pernyataan pernyataannya keterangan keterangannya tuduhan tudingan
bantahan klarifikasi komentar tanggapan jawaban pengakuan
""".split())


def read_sentences(path: Path, sep: str | None) -> list[list[str]]:
    """Tokens (first column) of each blank-line separated sentence; CRLF and LF alike."""
    sentences: list[list[str]] = []
    tokens: list[str] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if not line.strip():
                if tokens:
                    sentences.append(tokens)
                    tokens = []
                continue
            tokens.append(line.split(sep)[0] if sep else line.split()[0])
    if tokens:
        sentences.append(tokens)
    return sentences


def _quote_roles(tokens: list[str]) -> dict[int, str]:
    """'open' or 'close' for each straight double quote token, pairing them left to right.

    With an odd count one mark is unpaired: when the first mark follows , . ? ! it closes a
    quotation opened in an earlier sentence; otherwise the last mark is unpaired and opens
    unless it ends the sentence.
    """
    marks = [i for i, tok in enumerate(tokens) if tok == '"']
    roles: dict[int, str] = {}
    if len(marks) % 2 == 1:
        first = marks[0]
        if first > 0 and tokens[first - 1] in CLOSING_CONTEXT:
            roles[first] = "close"
            marks = marks[1:]
        else:
            last = marks[-1]
            roles[last] = "close" if last == len(tokens) - 1 else "open"
            marks = marks[:-1]
    for n, i in enumerate(marks):
        roles[i] = "open" if n % 2 == 0 else "close"
    return roles


def detokenise(tokens: list[str]) -> str:
    """Natural text from tokens: no space before , . : ; ? ! ) or a closing quote, none after (
    or an opening quote; hyphens and every other token stay as tokenised."""
    roles = _quote_roles(tokens)
    out: list[str] = []
    glue_next = False
    for i, tok in enumerate(tokens):
        attach_left = tok in NO_SPACE_BEFORE or roles.get(i) == "close"
        if out and not glue_next and not attach_left:
            out.append(" ")
        out.append(tok)
        glue_next = tok in NO_SPACE_AFTER or roles.get(i) == "open"
    return "".join(out)


def near_duplicate_key(text: str) -> str:
    """Lower-cased letters and digits only: the same sentence tokenised or quoted differently
    (idner-news-2k and indolem-nerugm share many news sentences) gets the same key."""
    return re.sub(r"[\W_]+", "", text.lower())


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def is_candidate(tokens: list[str]) -> bool:
    """A quotation mark, or an attribution word (also with a -nya clitic)."""
    for tok in tokens:
        if '"' in tok or "“" in tok or "”" in tok:
            return True
        low = tok.lower()
        if low in ATTRIBUTION_WORDS or (low.endswith("nya") and low[:-3] in ATTRIBUTION_WORDS):
            return True
    return False


def iter_corpus(shared: Path):
    """(key, text, tokens) of every sentence in corpus order."""
    for corpus, name, sep in CORPUS_FILES:
        path = shared / corpus / name
        for index, tokens in enumerate(read_sentences(path, sep)):
            yield f"{corpus}/{name}#{index}", detokenise(tokens), tokens


def missing_files(shared: Path) -> list[Path]:
    return [shared / c / n for c, n, _ in CORPUS_FILES if not (shared / c / n).is_file()]


def build_candidates(shared: Path) -> list[dict]:
    """Candidates in corpus order, exact duplicate texts dropped (the first seen kept).

    A candidate whose near-duplicate key matches an earlier candidate gets `twin_of` (the
    earlier key): it is kept, as the task asks for exact dedup only, but marked so that the
    two readings of one sentence can be kept in the same half.
    """
    seen: set[str] = set()
    first_by_near_key: dict[str, str] = {}
    rows: list[dict] = []
    for key, text, tokens in iter_corpus(shared):
        if not is_candidate(tokens) or text in seen:
            continue
        seen.add(text)
        row = {"key": key, "sha1": sha1(text), "corpus": key.split("/")[0], "text": text}
        twin = first_by_near_key.setdefault(near_duplicate_key(text), key)
        if twin != key:
            row["twin_of"] = twin
        rows.append(row)
    return rows


def texts_by_key(shared: Path) -> dict[str, str]:
    """Detokenised text of every sentence, by key (for the gold's integrity check)."""
    return {key: text for key, text, _ in iter_corpus(shared)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="candidate JSONL to write")
    args = parser.parse_args(argv)
    missing = missing_files(args.shared)
    if missing:
        print(f"error: corpus files not found under {args.shared}: "
              f"{', '.join(str(p) for p in missing)} (pass --shared PATH)", file=sys.stderr)
        return 2
    rows = build_candidates(args.shared)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["corpus"]] = counts.get(row["corpus"], 0) + 1
    print(f"{len(rows)} candidates -> {args.out}: " + ", ".join(f"{c} {n}" for c, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

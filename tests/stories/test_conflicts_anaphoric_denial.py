"""Conflicts: a denial whose content is only a pointer ("hal tersebut dibantah oleh Markus",
"mereka membantahnya") is paired with the claim of the sentence it points back to."""
from telaah.document import Article, Corpus, Cue, Quote, Sentence, Speaker, Story
from telaah.pipeline import Options
from telaah.stories.conflicts import ConflictStage


def _article(aid, lines, quotes):
    """``lines``: one sentence each; ``quotes``: (line, content, speaker, stance)."""
    text = "\n".join(lines)
    a = Article(id=aid, text=text)
    starts, pos = [], 0
    for i, line in enumerate(lines):
        a.sentences.append(Sentence(f"{aid}:s{i + 1}", pos, pos + len(line), i))
        starts.append(pos)
        pos += len(line) + 1
    for n, (line, content, speaker, stance) in enumerate(quotes):
        c = text.index(content, starts[line])
        p = text.index(speaker, starts[line])
        a.quotes.append(Quote(c, c + len(content), content, f"{aid}:s{line + 1}", False,
                              Speaker(speaker, p, p + len(speaker), entity=speaker.lower()),
                              Cue("x", p, p), stance=stance, id=f"{aid}-q{n}"))
    return a


def _conflicts(*articles):
    corpus = Corpus(articles=list(articles), stories=[Story("s1", None, [a.id for a in articles])])
    ConflictStage()(corpus, Options())
    return corpus.stories[0].claim_conflicts


def test_anaphoric_passive_denial_pairs_with_the_accusation_it_points_to():
    a = _article("a1", [
        "Jaksa menuduh Budi merusak pagar sekolah di Bogor.",
        "Jaksa juga menuduh Markus menerima uang Rp 4 miliar dari proyek e-KTP.",
        "Namun, hal tersebut dibantah oleh Markus di depan majelis hakim.",
    ], [
        (0, "Budi merusak pagar sekolah di Bogor", "Jaksa", "accuse"),
        (1, "Markus menerima uang Rp 4 miliar dari proyek e-KTP", "Jaksa", "accuse"),
        (2, "hal tersebut", "Markus", "deny"),
    ])
    claims = _conflicts(a)
    denied = next(c for c in claims if c["deny"])
    assert denied["deny"] == ["a1-q2"] and denied["assert"] == ["a1-q1"]


def test_anaphoric_denial_without_a_quoted_claim_names_the_claim_from_the_sentence_before():
    a = _article("a1", [
        "Markus disebut dalam surat dakwaan menerima uang Rp 4 miliar dari proyek e-KTP.",
        "Namun, mereka membantahnya.",
    ], [(1, "nya", "mereka", "deny")])
    [claim] = _conflicts(a)
    assert claim["deny"] == ["a1-q0"]
    assert "menerima" in claim["claim"] or "uang" in claim["claim"]
    assert a.text[claim["source"]["start"]:claim["source"]["end"]] == claim["claim"]


# Polarity: an assertion that already negates the denied proposition agrees with the denial.
def test_negated_assertion_agrees_with_the_denial():
    a = _article("a1", [
        "Kuasa hukum Heru mengatakan Miryam tidak melarikan diri ke luar negeri.",
        "Miryam membantah melarikan diri ke luar negeri.",
    ], [
        (0, "Miryam tidak melarikan diri ke luar negeri", "Heru", "assert"),
        (1, "melarikan diri ke luar negeri", "Miryam", "deny"),
    ])
    claims = _conflicts(a)
    assert all("a1-q0" not in c["assert"] for c in claims if "a1-q1" in c["deny"])


def test_opposite_assertion_is_still_paired():
    a = _article("a1", [
        "Polisi mengatakan Miryam melarikan diri ke luar negeri.",
        "Miryam membantah melarikan diri ke luar negeri.",
    ], [
        (0, "Miryam melarikan diri ke luar negeri", "Polisi", "assert"),
        (1, "melarikan diri ke luar negeri", "Miryam", "deny"),
    ])
    claims = _conflicts(a)
    assert any(c["assert"] == ["a1-q0"] and c["deny"] == ["a1-q1"] for c in claims)


def test_a_denied_calculation_is_the_last_sentence_with_a_figure():
    """"membantah perhitungan tersebut" answers the estimate, not the sentence just before it
    (session 13, probe 4)."""
    from telaah.document import NumberClaim

    a = _article("a1", [
        "Yayasan konsumen memperkirakan harga gas bisa naik hingga 40 persen tahun depan.",
        "Menurut Ratna, pemerintah belum pernah memaparkan kajian dampak kenaikan itu.",
        "Pemerintah diminta menunda rencana itu sampai data penerima subsidi dibenahi.",
        "Kementerian membantah perhitungan tersebut.",
    ], [
        (0, "harga gas bisa naik hingga 40 persen tahun depan", "Yayasan konsumen", "assert"),
        (1, "pemerintah belum pernah memaparkan kajian dampak kenaikan itu", "Ratna", "assert"),
        (3, "perhitungan tersebut", "Kementerian", "deny"),
    ])
    s0 = a.sentences[0]
    at = a.text.index("40 persen")
    a.numbers.append(NumberClaim(at, at + 9, "40 persen", s0.id, 40.0, unit="persen"))
    [c] = _conflicts(a)
    assert c["deny"] == ["a1-q2"] and "a1-q0" in c["assert"], c
    assert "40 persen" in c["claim"], c["claim"]

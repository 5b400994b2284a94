"""Extractive story summary: cited, non-redundant, no headlines, disputes and support favoured."""
from telaah.document import Article, Block, Corpus, Quote, Sentence, Story
from telaah.pipeline import Options
from telaah.stories.summary import SummaryStage, summarize_story


def _article(aid, lines, title=None, outlet=None, duplicate_of=None):
    text = "\n".join(lines)
    a = Article(id=aid, text=text, title=title, outlet=outlet, duplicate_of=duplicate_of)
    offset = 0
    for i, line in enumerate(lines):
        a.blocks.append(Block(offset, offset + len(line), "body"))
        a.sentences.append(Sentence(f"{aid}:s{i + 1}", offset, offset + len(line), i))
        offset += len(line) + 1
    return a


A1 = [
    "Gempa bermagnitudo 6,2 mengguncang Kabupaten Cianjur, Jawa Barat, pada Senin siang.",
    "Badan Penanggulangan Bencana mencatat 200 orang tewas akibat gempa tersebut.",
    "Ribuan rumah warga rusak berat dan ribuan warga mengungsi ke tenda darurat.",
    "Presiden dijadwalkan meninjau lokasi gempa pada Selasa pagi.",
    "Baca juga berita lain tentang cuaca ekstrem di Jawa Barat.",
]
A2 = [
    "Gempa magnitudo 6,2 mengguncang Cianjur di Jawa Barat pada Senin siang.",
    "Relawan menyebut 250 orang tewas, lebih banyak dari angka resmi.",
    "Kepala daerah membantah bantuan terlambat datang ke lokasi pengungsian.",
    "Warga mengeluhkan kurangnya air bersih dan selimut di pengungsian.",
]


def _corpus(*articles):
    return Corpus(articles=list(articles), stories=[Story("s1", None, [a.id for a in articles])])


def test_items_cite_article_and_sentence_and_copy_the_text():
    a1, a2 = _article("a1", A1, outlet="kompas"), _article("a2", A2, outlet="detik")
    corpus = _corpus(a1, a2)
    summary = summarize_story(corpus, corpus.stories[0], n=4)
    assert len(summary) == 4
    for item in summary:
        article = corpus.article(item["article"])
        s = next(s for s in article.sentences if s.id == item["sentence"])
        assert item["text"] == article.text[s.start:s.end]
    assert len({i["sentence"] for i in summary}) == 4


def test_no_two_sentences_say_the_same_thing_and_supported_lead_comes_first():
    corpus = _corpus(_article("a1", A1, outlet="kompas"), _article("a2", A2, outlet="detik"))
    summary = summarize_story(corpus, corpus.stories[0], n=6)
    leads = {"a1:s1", "a2:s1"}
    assert summary[0]["sentence"] in leads  # what happened, said by both outlets
    assert len(leads & {i["sentence"] for i in summary}) == 1  # the paraphrase is not repeated


def test_headline_duplicates_are_skipped():
    a = _article("a1", A1, title="Gempa bermagnitudo 6,2 mengguncang Kabupaten Cianjur, Jawa Barat, pada Senin siang")
    corpus = _corpus(a)
    summary = summarize_story(corpus, corpus.stories[0], n=3)
    assert "a1:s1" not in {i["sentence"] for i in summary}


def test_denials_get_a_bonus():
    a2 = _article("a2", A2)
    plain = summarize_story(_corpus(a2), Story("s1", None, ["a2"]), n=2)
    assert "a2:s4" not in {i["sentence"] for i in plain}
    a2.quotes = [Quote(0, 5, "x", "a2:s4", False, None, None, stance="deny", id="q1")]
    with_denial = summarize_story(_corpus(a2), Story("s1", None, ["a2"]), n=2)
    assert "a2:s4" in {i["sentence"] for i in with_denial}


def test_near_copies_add_no_candidates():
    a1 = _article("a1", A1)
    copy = _article("a9", A1, duplicate_of="a1")
    corpus = _corpus(a1, copy)
    summary = summarize_story(corpus, corpus.stories[0], n=5)
    assert all(i["article"] == "a1" for i in summary)


def test_stage_uses_option_and_handles_empty_stories():
    corpus = _corpus(_article("a1", A1))
    corpus.stories.append(Story("s2", None, []))
    SummaryStage()(corpus, Options(summary_sentences=2))
    assert len(corpus.stories[0].summary) == 2
    assert corpus.stories[1].summary == []


def test_eval_summary_runs_on_a_few_indosum_articles(capsys):
    import json

    import pytest

    from telaah.evaluation import summary as ev

    data = ev.shared_data_dir()
    if not (data / "indosum-dev").is_dir():
        pytest.skip(f"../shared/data not found: {data}")
    assert ev.main(["--limit", "5", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for part in ("tune", "check"):
        assert set(out["results"][part]) >= {"lead-3", "lexrank-3", "telaah-3"}
        assert out["results"][part]["lead-3"]["articles"] == 5
    assert ev.main(["--limit", "0"]) == 2


def test_eval_summary_never_reads_held_out_articles():
    import pytest

    from telaah.evaluation import summary as ev

    data = ev.shared_data_dir()
    if not (data / "indosum-dev").is_dir():
        pytest.skip(f"../shared/data not found: {data}")
    records = ev.load_records(data)
    assert records and all(ev.id_timestamp(r["id"]) < ev.HELD_OUT_FROM for r in records)


# session 13: a summary that carries an accusation carries its denial beside it
B1 = [
    "Banjir merendam empat kecamatan di Kabupaten Lebak sejak Kamis malam.",
    "Ketinggian air mencapai satu meter di permukiman warga.",
    "Sebanyak 1.200 warga mengungsi ke balai desa dan sekolah.",
    "Aktivis lingkungan menuding tambang pasir di hulu sungai sebagai penyebab banjir.",
    "Petugas membagikan makanan dan selimut kepada pengungsi.",
]
B2 = [
    "Banjir melanda Kabupaten Lebak dan merendam ratusan rumah sejak Kamis malam.",
    "Pemerintah daerah menyiapkan dapur umum di tiga titik pengungsian.",
    "Pemilik tambang membantah tambang pasir di hulu sungai menjadi penyebab banjir.",
    "Warga berharap bantuan air bersih segera datang.",
]


def _conflict_corpus():
    a1, a2 = _article("b1", B1, outlet="kompas"), _article("b2", B2, outlet="detik")
    a1.quotes = [Quote(0, 5, "x", "b1:s4", False, None, None, stance="accuse", id="q1")]
    a2.quotes = [Quote(0, 5, "x", "b2:s3", False, None, None, stance="deny", id="q2")]
    corpus = _corpus(a1, a2)
    s4 = a1.sentences[3]
    corpus.stories[0].claim_conflicts = [{
        "claim": "tambang pasir di hulu sungai sebagai penyebab banjir", "assert": ["q1"], "deny": ["q2"],
        "unconfirmed": [], "source": {"article": "b1", "start": s4.start + 25, "end": s4.end - 1}}]
    return corpus


def test_an_accusation_in_the_summary_comes_with_its_denial_right_after_it():
    corpus = _conflict_corpus()
    for n in (4, 5, 6):
        chosen = [i["sentence"] for i in summarize_story(corpus, corpus.stories[0], n=n)]
        assert len(chosen) == n
        assert "b1:s4" in chosen and "b2:s3" in chosen, chosen
        assert chosen.index("b2:s3") == chosen.index("b1:s4") + 1, chosen


def test_a_short_summary_keeps_to_what_happened():
    corpus = _conflict_corpus()
    chosen = [i["sentence"] for i in summarize_story(corpus, corpus.stories[0], n=2)]
    assert len(chosen) == 2 and chosen[0] in ("b1:s1", "b2:s1")


def test_one_sentence_on_both_sides_of_a_conflict_is_given_once():
    """A rebuttal read as both the claim and its denial ("Kami tidak menuduh tanpa dasar …",
    probe 7) must not fill two places of the summary."""
    corpus = _conflict_corpus()
    a1 = corpus.articles[0]
    a1.quotes.append(Quote(0, 5, "x", "b1:s4", False, None, None, stance="deny", id="q3"))
    s4 = a1.sentences[3]
    corpus.stories[0].claim_conflicts = [{
        "claim": "tambang pasir", "assert": ["q1"], "deny": ["q3"], "unconfirmed": [],
        "source": {"article": "b1", "start": s4.start + 25, "end": s4.end - 1}}]
    for n in (3, 4, 5, 6):
        chosen = [i["sentence"] for i in summarize_story(corpus, corpus.stories[0], n=n)]
        assert len(chosen) == len(set(chosen)), chosen


def test_without_the_conflict_the_denial_stands_alone():
    """The plain MMR picks the denial (a dispute bonus) but not the accusation it answers."""
    corpus = _conflict_corpus()
    corpus.stories[0].claim_conflicts = []
    plain = [i["sentence"] for i in summarize_story(corpus, corpus.stories[0], n=4)]
    assert "b2:s3" in plain and "b1:s4" not in plain, plain


def _plain_candidates(n: int):
    from telaah.stories.summary import Candidate

    return [Candidate(article=f"a{i}", sentence=f"a{i}:s1", text=f"kalimat {i}", index=0, outlet=f"o{i}",
                      tokens=[f"kata{i}"]) for i in range(n)]


def test_a_disputed_figure_the_summary_lacks_replaces_a_repeated_one():
    """Session 14 (probe 4's ferry): three sentences give the death toll, none the disputed
    passenger count; the count takes the place of a toll sentence that gives neither the latest
    toll nor anything else, and the lead stays."""
    import numpy as np

    from telaah.stories.summary import DEFAULT_WEIGHTS, _cover_disputes

    candidates = _plain_candidates(6)
    sim = np.zeros((6, 6))
    scores = [5.0, 4.0, 3.0, 2.0, 1.0, 0.5]
    figures = [([0, 1, 2, 3], [3]), ([4], [4])]  # dead (latest in 3), passengers
    chosen = _cover_disputes([0, 1, 2, 3], candidates, scores, sim, DEFAULT_WEIGHTS, figures, set())
    assert chosen == [0, 1, 4, 3]
    # with only one sentence giving the toll there is nothing to spare
    assert _cover_disputes([0, 5], candidates, scores, sim, DEFAULT_WEIGHTS, [([0], [0]), ([4], [4])],
                           set()) == [0, 5]
    # a side of a contradiction stays, whatever it repeats
    assert _cover_disputes([0, 1, 2, 3], candidates, scores, sim, DEFAULT_WEIGHTS, figures, {1, 2}) == [0, 1, 2, 3]

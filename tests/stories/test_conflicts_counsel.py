"""Session 21 (probe 8, a bribery trial): a defendant's lawyer and the defendant are one party,
so the lawyer's words and the defendant's denial are no contradiction; a refusal to confirm
that shares only the story's topic word and "sampai" with an accusation is not about it.
Sentences invented for these tests."""
from datetime import date

from telaah.analyze import analyze_articles
from telaah.document import Article
from telaah.pipeline import Options
from telaah.stories.conflicts import find_conflicts

HEARING = (
    "Jaksa KPK Rudi Simanjuntak menuding terdakwa menerima suap Rp4,75 miliar dari kontraktor Agus Salim.\n\n"
    "Usai sidang, Hendra menyatakan akan membuktikan dirinya tidak bersalah.\n\n"
    "Kuasa hukum terdakwa, Maria Lumbantobing, menilai keterangan Agus Salim tidak didukung alat bukti lain.\n\n"
    "\"Keterangan saksi itu berdiri sendiri. Tidak ada kuitansi yang menunjukkan klien kami menerima uang,\" "
    "kata Maria."
)
VERDICT = (
    "Majelis hakim menyatakan terdakwa Hendra Saputra Wijaya terbukti menerima suap Rp4,75 miliar dari "
    "kontraktor Agus Salim.\n\n"
    "Kuasa hukum terdakwa, Maria Lumbantobing, membantah kliennya menerima uang dari Agus Salim."
)


def _claims(*texts):
    articles = [Article(id=f"a{i}", text=t, published=date(2026, 11, 9 + 21 * (i - 1)))
                for i, t in enumerate(texts, 1)]
    corpus = analyze_articles(articles, Options(workers=1, extras={"one_story": True}))
    return corpus, find_conflicts(corpus, corpus.stories[0])


def _speakers(corpus, ids):
    quotes = {q.id: q for a in corpus.articles for q in a.quotes}
    return {quotes[i].speaker.text for i in ids}


def test_the_lawyer_and_the_defendant_do_not_contradict_each_other():
    corpus, claims = _claims(HEARING, VERDICT)
    for c in claims:
        sides = _speakers(corpus, c["assert"]), _speakers(corpus, c["deny"])
        assert not ({"Maria", "Maria Lumbantobing"} & sides[0] and {"Hendra"} & sides[1]), c
        assert not ({"Hendra"} & sides[0] and {"Maria", "Maria Lumbantobing"} & sides[1]), c


def test_the_lawyer_still_denies_what_the_court_holds():
    corpus, claims = _claims(HEARING, VERDICT)
    assert any("Maria Lumbantobing" in _speakers(corpus, c["deny"]) and c["assert"] for c in claims)


QUAKE = (
    "Anggota DPRD NTB Baiq Nurul Aini menuding BPBD NTB lamban menyalurkan bantuan gempa sampai ke Sambelia.\n\n"
    "Kepala BPBD NTB Lalu Firdaus membantah BPBD NTB lamban menyalurkan bantuan.\n\n"
    "\"Kami belum bisa memastikan apakah rangkaian gempa ini akan diikuti gempa yang lebih besar sampai "
    "beberapa hari ke depan,\" kata Kepala Stasiun Geofisika Mataram Ratna Wulandari."
)


def test_a_refusal_about_something_else_stays_out_of_the_claim():
    corpus, claims = _claims(QUAKE)
    [claim] = [c for c in claims if c["deny"]]
    assert claim["unconfirmed"] == []


def _parties(*texts):
    from telaah.stories.conflicts import _Parties, _Q, _content, _entities

    articles = [Article(id=f"a{i}", text=t, published=date(2026, 11, 9)) for i, t in enumerate(texts, 1)]
    corpus = analyze_articles(articles, Options(workers=1, extras={"one_story": True}))
    items = [_Q(q, a, _content(a, q.start, q.end), _entities(a, q)) for a in corpus.articles for q in a.quotes]
    return _Parties(corpus, items), {it.quote.speaker.text: it for it in items if it.quote.speaker}


def test_counsel_of_the_defendant_speaks_for_the_person_called_defendant():
    parties, by = _parties(HEARING, VERDICT)
    assert parties.same(by["Maria"], by["Hendra"])
    assert parties.same(by["Maria Lumbantobing"], by["Hendra"])
    assert not parties.same(by["Rudi Simanjuntak"], by["Hendra"])
    assert not parties.same(by["Rudi Simanjuntak"], by["Maria"])


def test_counsel_named_for_a_client_speaks_for_that_client_only():
    text = ("Pengacara Hendra, Maria Lumbantobing, mengatakan kliennya tidak pernah bertemu Agus.\n\n"
            "Hendra mengatakan dirinya tidak bersalah.\n\n"
            "Agus mengatakan ia menyerahkan uang itu langsung.")
    parties, by = _parties(text)
    assert parties.same(by["Maria Lumbantobing"], by["Hendra"])
    assert not parties.same(by["Maria Lumbantobing"], by["Agus"])

"""Session 22 (probe 9): a claim named by its clause keeps a decimal figure whole ("Rp1,2
miliar", not "Rp1"), and an outlet's caveat that it could not verify something declines no
claim it does not name. Sentences invented for these tests."""
from datetime import date

from telaah.analyze import analyze_articles
from telaah.document import Article
from telaah.pipeline import Options
from telaah.stories.conflicts import find_conflicts


def _claims(*texts):
    articles = [Article(id=f"a{i}", text=t, published=date(2026, 10, 20 + i)) for i, t in enumerate(texts, 1)]
    corpus = analyze_articles(articles, Options(workers=1, extras={"one_story": True}))
    return corpus, find_conflicts(corpus, corpus.stories[0])


def test_a_decimal_figure_stays_whole_in_the_claim():
    _, claims = _claims(
        "Koordinator LPAD Yuliana Siahaan menuding Bupati Ridwan menerima Rp1,2 miliar dari kontraktor.\n\n"
        "Kuasa hukum Bupati, Marthin Sitorus, membantah kliennya menerima Rp1,2 miliar dari kontraktor.")
    assert claims and all(not c["claim"].endswith(("Rp1", "Rp1,")) for c in claims), claims
    assert any("Rp1,2" in c["claim"] for c in claims), claims


def test_an_outlets_verification_caveat_declines_no_other_claim():
    corpus, claims = _claims(
        "Pasukan Kurdi menuding Ankara sengaja menargetkan infrastruktur sipil.\n\n"
        "Kementerian Pertahanan Turki membantah Ankara menargetkan infrastruktur sipil.\n\n"
        "Reuters tidak dapat memverifikasi secara independen jumlah korban tersebut.")
    quotes = {q.id: q for a in corpus.articles for q in a.quotes}
    assert any(q.stance == "unconfirmed" and q.speaker and q.speaker.text == "Reuters" for q in quotes.values())
    for c in claims:
        assert all(quotes[i].speaker.text != "Reuters" for i in c["unconfirmed"]), c

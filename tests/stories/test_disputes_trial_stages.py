"""(session 21, probe 8) A bribery trial followed from the prosecutors' demand to the verdict:
the demand and the verdict are two quantities, never a dispute; the term served in place of an
unpaid fine is a third; a project's value and a bribe total that outlets give differently are
disputes. And an earthquake's emergency fund (BTT) that two officials put at two sums."""
from datetime import date

import pytest

from telaah.analyze import analyze_articles
from telaah.document import Article
from telaah.pipeline import Options
from telaah.stories.disputes import _legal_stage, figure_key, find_disputes


def _analysed(*texts, days=(date(2026, 11, 9), date(2026, 11, 30))):
    articles = [Article(id=f"a{i}", text=t, published=days[min(i - 1, len(days) - 1)])
                for i, t in enumerate(texts, 1)]
    return analyze_articles(articles, Options(workers=1, extras={"one_story": True}))


def _figure(article, text):
    return next(n for n in article.numbers if n.text == text)


@pytest.mark.parametrize("text, figure, stage", [
    ("Jaksa KPK menuntut terdakwa dengan pidana sembilan tahun penjara.", "sembilan tahun", "demand"),
    ("Hendra dituntut sembilan tahun penjara dalam kasus suap.", "sembilan tahun", "demand"),
    ("Majelis hakim menjatuhkan vonis tujuh tahun penjara kepada Hendra.", "tujuh tahun", "verdict"),
    ("Hendra divonis tujuh tahun penjara.", "tujuh tahun", "verdict"),
    # a demand recalled in the verdict's report: "dihukum" there is what the jaksa asked for
    ("Vonis itu lebih ringan dibandingkan tuntutan jaksa yang meminta Hendra dihukum sembilan tahun penjara.",
     "sembilan tahun", "demand"),
    ("Hendra juga dituntut membayar denda Rp500 juta subsider enam bulan kurungan.", "enam bulan",
     "demand substitute"),
    ("Hendra juga dituntut membayar denda Rp500 juta subsider enam bulan kurungan.", "Rp500 juta", "demand"),
    # no stage word in the sentence: the stage of the sentence before it in the paragraph
    ("Majelis hakim menjatuhkan vonis tujuh tahun penjara. Selain itu, Hendra membayar denda Rp400 juta.",
     "Rp400 juta", "verdict"),
    # no penalty: no stage
    ("Jaksa menuntut terdakwa karena menerima suap Rp4,75 miliar.", "Rp4,75 miliar", None),
    ("Sebanyak 12 orang meninggal dunia akibat gempa itu.", "12 orang", None),
])
def test_legal_stage(text, figure, stage):
    article = _analysed(text).articles[0]
    assert _legal_stage(article, _figure(article, text=figure)) == stage


DEMAND = ("Jaksa KPK menuntut Bupati Muara Lintang Hendra Saputra sembilan tahun penjara dan denda Rp500 juta "
          "subsider enam bulan kurungan dalam perkara suap proyek jalan. Jaksa menyebut Hendra menerima suap "
          "Rp4,75 miliar dari kontraktor proyek senilai Rp96,4 miliar itu. Jaksa juga menyebut Hendra menerima "
          "gratifikasi Rp450 juta.")
VERDICT = ("Majelis hakim menjatuhkan vonis tujuh tahun penjara kepada Bupati Muara Lintang Hendra Saputra dalam "
           "perkara suap proyek jalan. Hendra dihukum membayar denda Rp400 juta subsider empat bulan kurungan. "
           "Hakim menyatakan Hendra terbukti menerima suap Rp4,75 miliar terkait proyek senilai Rp86,4 miliar. "
           "Dakwaan soal penerimaan gratifikasi Rp450 juta dinyatakan tidak terbukti.")


def test_demand_and_verdict_are_not_a_dispute_but_the_project_value_is():
    corpus = _analysed(DEMAND, VERDICT)
    disputes = [d for d in find_disputes(corpus, corpus.stories[0]) if d["disputed"]]
    heads = {d["head"] for d in disputes}
    assert heads == {"budget"}, disputes  # Rp96,4 against Rp86,4 miliar
    values = {tuple(sorted(r["text"] for r in d["reports"])) for d in disputes}
    assert values == {("Rp86,4 miliar", "Rp96,4 miliar")}


@pytest.mark.parametrize("text, figure, head", [
    ("Pemprov telah menyiapkan dana belanja tidak terduga (BTT) sebesar Rp7,5 miliar.", "Rp7,5 miliar",
     "emergency_fund"),
    ("Untuk tahap awal kita alokasikan Rp5 miliar dari BTT.", "Rp5 miliar", "emergency_fund"),
    ("Menurut dia, BTT provinsi yang dialokasikan untuk penanganan gempa sebesar Rp5 miliar.", "Rp5 miliar",
     "emergency_fund"),
    ("Jaksa menyebut terdakwa menerima gratifikasi Rp450 juta.", "Rp450 juta", "gratification"),
    ("Jaksa menyebut terdakwa menerima suap Rp4,75 miliar.", "Rp4,75 miliar", "bribe"),
    # "dari" and then no sum's head: nothing read
    ("Pemerintah mengucurkan Rp5 miliar dari Jakarta.", "Rp5 miliar", None),
])
def test_fund_heads(text, figure, head):
    article = _analysed(text).articles[0]
    key = figure_key(article, _figure(article, figure))
    assert (key[1] if key else None) == head


def test_two_officials_two_sums_of_one_fund():
    text = ("Kepala BPBD NTB Lalu Firdaus mengatakan Pemprov NTB telah menyiapkan dana belanja tidak terduga "
            "(BTT) sebesar Rp7,5 miliar untuk masa tanggap darurat.")
    other = ("Namun, Sekretaris Daerah NTB Dr. H. Ahmad Rifa'i Sulaiman, M.Si. menyebut angka berbeda. Menurut "
             "dia, BTT provinsi yang dialokasikan untuk penanganan gempa sebesar Rp5 miliar.")
    corpus = _analysed(text, other, days=(date(2026, 11, 25),))
    disputes = [d for d in find_disputes(corpus, corpus.stories[0]) if d["disputed"]]
    assert [d["head"] for d in disputes] == ["emergency_fund"]
    speakers = {(r["speaker"] or {}).get("text") for r in disputes[0]["reports"]}
    assert "Ahmad Rifa'i Sulaiman" in speakers


@pytest.mark.parametrize("text, figure, head", [
    # machine-translated wire copy: "killing at least 14"
    ("Gempa itu mengguncang pulau Lombok, membunuh setidaknya 14 orang, kata pejabat.", "setidaknya 14 orang", "dead"),
    ("Hampir 5.000 orang telah meninggalkan rumah mereka untuk tinggal di tempat penampungan.",
     "Hampir 5.000 orang", "displaced"),
    # a counted noun and what befell it after an auxiliary
    ("Rachmat mengatakan sekitar 1.500 rumah telah rusak akibat gempa.", "sekitar 1.500 rumah", "houses_damaged"),
    # a counted noun with nothing of the table after it stays itself
    ("Rachmat mengatakan sekitar 1.500 rumah dibangun tahun lalu.", "sekitar 1.500 rumah", "noun:rumah"),
])
def test_wire_copy_heads(text, figure, head):
    article = _analysed(text).articles[0]
    key = figure_key(article, _figure(article, figure))
    assert (key[1] if key else None) == head

"""Conflicts: a long statement that asserts as a whole can still deny or doubt in one sentence
("… Bukan Djanur mundur", "Kami belum yakin massa itu dari FPI"); those sentences take part in
the story's contradictions, while the quote keeps its stance."""
import pytest

from telaah.stories.conflicts import _doubted

from test_conflicts_anaphoric_denial import _article, _conflicts


def test_denial_sentence_inside_a_long_quote_answers_another_outlets_assertion():
    manager = _article("a1", [
        "Umuh mengatakan Djanur menyatakan dirinya mundur di hadapan pemain dan manajemen.",
    ], [(0, "Djanur menyatakan dirinya mundur di hadapan pemain dan manajemen", "Umuh", "assert")])
    officer = _article("a2", [
        '"Pihak keluarga yang meminta mundur karena tekanan media sosial. Bukan Djanur mundur," ujar Irfan.',
    ], [(0, "Pihak keluarga yang meminta mundur karena tekanan media sosial. Bukan Djanur mundur", "Irfan", "assert")])
    [claim] = _conflicts(manager, officer)
    assert claim["assert"] == ["a1-q0"] and claim["deny"] == ["a2-q0"]
    assert officer.quotes[0].stance == "assert"  # the quote itself is unchanged
    [passage] = claim["passages"]  # which sentence of the statement denies
    assert (passage["quote"], passage["role"], passage["text"]) == ("a2-q0", "deny", "Bukan Djanur mundur")
    assert officer.text[passage["start"]:passage["end"]] == passage["text"]


def test_denial_sentence_with_nothing_to_answer_opens_no_claim():
    a = _article("a1", [
        '"Islam itu melindungi dan mengayomi. Bukan menyebarkan kebencian, dendam, dan fitnah," kata Djarot.',
    ], [(0, "Islam itu melindungi dan mengayomi. Bukan menyebarkan kebencian, dendam, dan fitnah", "Djarot", "assert")])
    assert _conflicts(a) == []


def test_first_sentence_denial_is_left_to_the_quote_stage():
    """The opening sentence was judged with the whole statement; only later ones are read here."""
    a = _article("a1", ["Polisi mengatakan Andi menerima uang suap dari kontraktor proyek jalan."],
                 [(0, "Andi menerima uang suap dari kontraktor proyek jalan", "Polisi", "assert")])
    b = _article("a2", ['"Bukan saya yang menerima uang suap dari kontraktor itu," kata Andi.'],
                 [(0, "Bukan saya yang menerima uang suap dari kontraktor itu", "Andi", "assert")])
    assert _conflicts(a, b) == []


def test_hedged_reply_declines_to_confirm_the_assertion_it_doubts():
    police = _article("a1", [
        "Yusri mengatakan massa FPI itu berjumlah sekitar 150 orang dan membakar kantor GMBI.",
        "Yusri juga mengatakan situasi di Bogor kini sudah kondusif dan aman.",
    ], [(0, "massa FPI itu berjumlah sekitar 150 orang dan membakar kantor GMBI", "Yusri", "assert"),
        (1, "situasi di Bogor kini sudah kondusif dan aman", "Yusri", "assert")])
    fpi = _article("a2", [
        '"Kami sendiri belum yakin massa itu dari FPI, karena bisa saja itu dari masyarakat lain," kata Maman.',
    ], [(0, "Kami sendiri belum yakin massa itu dari FPI, karena bisa saja itu dari masyarakat lain", "Maman", "assert")])
    [claim] = _conflicts(police, fpi)
    assert claim["assert"] == ["a1-q0"] and claim["unconfirmed"] == ["a2-q0"] and claim["deny"] == []
    assert [p["text"] for p in claim["passages"]] == ["massa itu dari FPI"]


@pytest.mark.parametrize("sentence, doubted", [
    ("Kami sendiri belum yakin massa itu dari FPI, karena bisa saja dari umat lain", "massa itu dari FPI"),
    ("Belum bisa dipastikan apakah korban tewas karena dibunuh", "apakah korban tewas karena dibunuh"),
    ("Saya tidak yakin dia pelakunya", "dia pelakunya"),
    ("Hal itu belum tentu benar, kata dia", "benar, kata dia"),  # a clause of one word runs on
    ("Saya tak pernah meragukan bahwa Ronaldo yang terbaik", None),  # no hedge word: conviction
    ("Polisi yakin pelakunya sudah kabur ke luar kota", None),  # conviction, not doubt
    ("Menurut saksi mata di lokasi kejadian, polisi belum yakin pelakunya", None),  # past the opening
])
def test_doubted_clause(sentence, doubted):
    span = _doubted(sentence, 0, len(sentence))
    assert (sentence[span[0]:span[1]] if span else None) == doubted


def test_refusal_sharing_only_the_topic_word_joins_no_claim():
    """One shared word is the story's topic ("pesawat"), not one claim: a 1997 crash and an
    expert who cannot confirm a scenario of this one are no contradiction."""
    salim = _article("a1", ["Salim mengatakan pada tahun 1997 kecelakaan pesawat terjadi pada pesawat Merpati."],
                     [(0, "pada tahun 1997 kecelakaan pesawat terjadi pada pesawat Merpati", "Salim", "assert")])
    thomas = _article("a2", ["Thomas tidak bisa memastikan skenario yang mungkin terjadi pada pesawat itu."],
                      [(0, "skenario yang mungkin terjadi pada pesawat itu", "Thomas", "unconfirmed")])
    assert _conflicts(salim, thomas) == []


def test_saying_one_does_not_know_asserts_nothing():
    """"tidak tahu alasan …" is no assertion another party's refusal could answer."""
    a = _article("a1", ["Asiadi mengaku tidak tahu alasan ketidakhadiran KPK dalam sidang praperadilan itu."],
                 [(0, "tidak tahu alasan ketidakhadiran KPK dalam sidang praperadilan itu", "Asiadi", "assert")])
    b = _article("a2", ["Aga Khan enggan berkomentar lebih jauh mengenai alasan ketidakhadiran KPK dalam sidang itu."],
                 [(0, "lebih jauh mengenai alasan ketidakhadiran KPK dalam sidang itu", "Aga Khan", "unconfirmed")])
    assert _conflicts(a, b) == []


def test_knowing_nothing_of_a_claim_declines_to_confirm_it():
    jaksa = _article("a1", ["Jaksa mengatakan uang Rp 600 juta mengalir ke rekening Amien Rais dari yayasan."],
                     [(0, "uang Rp 600 juta mengalir ke rekening Amien Rais dari yayasan", "Jaksa", "assert")])
    siti = _article("a2", ['"Saya tidak tahu menahu soal aliran uang Rp 600 juta ke rekening Amien," kata Siti.'],
                    [(0, "Saya tidak tahu menahu soal aliran uang Rp 600 juta ke rekening Amien", "Siti", "assert")])
    [claim] = _conflicts(jaksa, siti)
    assert claim["assert"] == ["a1-q0"] and claim["unconfirmed"] == ["a2-q0"]


def test_a_denial_after_tetapi_in_the_speakers_own_voice():
    """Probe 10: "Kami menghormati proses hukum, tetapi kami menolak tuduhan bahwa …" denies
    the union's accusation; "Tersangka mengetahui …, tetapi tidak melaporkannya" does not."""
    from datetime import date

    from telaah.analyze import analyze_articles
    from telaah.document import Article
    from telaah.pipeline import Options

    accusation = ("Ketua Serikat Pekerja Gresik, Suparman, menuduh PT Kencana Kimia Sentosa sengaja mengabaikan "
                  "keselamatan pekerja di gudang amonium nitrat itu.")
    reply = ('"Kami menghormati proses hukum, tetapi kami menolak tuduhan bahwa perusahaan sengaja mengabaikan '
             'keselamatan pekerja," kata juru bicara PT Kencana Kimia Sentosa, Lydia Maharani.')
    corpus = analyze_articles([Article(id="a1", text=accusation, published=date(2026, 11, 19)),
                               Article(id="a2", text=reply, published=date(2026, 11, 20))],
                              Options(workers=1, extras={"one_story": True}))
    conflicts = corpus.stories[0].claim_conflicts
    assert len(conflicts) == 1 and conflicts[0]["assert"] and conflicts[0]["deny"]
    assert "kami menolak tuduhan" in conflicts[0]["passages"][0]["text"]

"""Contradictions: accusations paired with denials, refusals to confirm attached."""
from telaah.document import Article, Corpus, Cue, Quote, Sentence, Speaker, Story
from telaah.pipeline import Options
from telaah.stories.conflicts import ConflictStage


def _article(aid, statements):
    """``statements``: (speaker, stance, sentence text, quoted content) one sentence a line."""
    text = "\n".join(s[2] for s in statements)
    a = Article(id=aid, text=text)
    offset = 0
    for i, (speaker, stance, sentence, content) in enumerate(statements):
        sid = f"{aid}:s{i + 1}"
        a.sentences.append(Sentence(sid, offset, offset + len(sentence), i))
        c = text.index(content, offset)
        p = text.index(speaker, offset)
        a.quotes.append(Quote(c, c + len(content), content, sid, False,
                              Speaker(speaker, p, p + len(speaker), entity=speaker.lower()),
                              Cue("kata", p, p), stance=stance))
        offset += len(sentence) + 1
    return a


def _run(*articles):
    n = 0
    for a in articles:
        for q in a.quotes:
            n += 1
            q.id = f"q{n}"
    corpus = Corpus(articles=list(articles), stories=[Story("s1", None, [a.id for a in articles])])
    ConflictStage()(corpus, Options())
    return corpus.stories[0].claim_conflicts


def test_accusation_denial_and_refusal_across_outlets():
    a1 = _article("a1", [
        ("Korea Selatan", "accuse", "Korea Selatan menuduh Korea Utara mengirim 1.500 tentara ke Rusia.",
         "Korea Utara mengirim 1.500 tentara ke Rusia"),
        ("Menteri", "assert", "Menteri mengatakan harga pangan stabil menjelang Lebaran.",
         "harga pangan stabil menjelang Lebaran"),
    ])
    a2 = _article("a2", [
        ("Rusia", "deny", "Rusia membantah ada tentara Korea Utara yang dikirim ke wilayahnya.",
         "ada tentara Korea Utara yang dikirim ke wilayahnya"),
        ("Pentagon", "unconfirmed", "Pentagon belum dapat memastikan pengiriman tentara Korea Utara itu.",
         "pengiriman tentara Korea Utara itu"),
    ])
    [c] = _run(a1, a2)
    assert c["assert"] == ["q1"] and c["deny"] == ["q3"] and c["unconfirmed"] == ["q4"]
    assert c["claim"] in a1.text  # a phrase taken from the text
    assert "tentara" in c["claim"]
    src = c["source"]
    assert a1.text[src["start"]:src["end"]] == c["claim"]


def test_every_denial_is_paired_with_the_closest_accusation():
    a1 = _article("a1", [
        ("Jaksa", "accuse", "Jaksa menuduh Budi menerima suap proyek jalan tol.", "Budi menerima suap proyek jalan tol"),
        ("LSM", "accuse", "LSM menuduh polisi menganiaya demonstran di Makassar.", "polisi menganiaya demonstran di Makassar"),
    ])
    a2 = _article("a2", [
        ("Budi", "deny", "Budi membantah pernah menerima uang suap.", "pernah menerima uang suap"),
        ("Kapolda", "deny", "Kapolda menyangkal ada penganiayaan terhadap demonstran.", "ada penganiayaan terhadap demonstran"),
    ])
    conflicts = _run(a1, a2)
    pairs = sorted((tuple(c["assert"]), tuple(c["deny"])) for c in conflicts)
    assert pairs == [(("q1",), ("q3",)), (("q2",), ("q4",))]


def test_loose_denial_still_pairs_with_the_only_accusation():
    a1 = _article("a1", [("Warga", "accuse", "Warga menuduh perusahaan mencemari sungai.", "perusahaan mencemari sungai")])
    a2 = _article("a2", [("Direktur", "deny", "Direktur membantah tudingan itu.", "tudingan itu")])
    [c] = _run(a1, a2)
    assert c["assert"] == ["q1"] and c["deny"] == ["q2"]


def test_two_denials_of_one_accusation_share_a_claim():
    a1 = _article("a1", [("Jaksa", "accuse", "Jaksa menuduh Budi menerima suap.", "Budi menerima suap")])
    a2 = _article("a2", [("Budi", "deny", "Budi membantah menerima suap.", "menerima suap")])
    a3 = _article("a3", [("Pengacara", "deny", "Pengacara Budi membantah kliennya menerima suap.", "kliennya menerima suap")])
    [c] = _run(a1, a2, a3)
    assert c["assert"] == ["q1"] and c["deny"] == ["q2", "q3"]


def test_no_conflict_without_denial_or_refusal():
    a1 = _article("a1", [("Menteri", "assert", "Menteri mengatakan harga stabil.", "harga stabil")])
    a2 = _article("a2", [("Jaksa", "accuse", "Jaksa menuduh Budi korupsi.", "Budi korupsi")])
    assert _run(a1, a2) == []


def test_a_denial_that_names_no_claim_takes_it_from_the_narration():
    """"Kami tak pernah melakukannya" says nothing on its own; the sentence before says what."""
    narration = "Mercedes menolak tudingan mencampur oli untuk bahan bakar mesin."
    a = Article(id="a1", text=narration + "\n" + '"Kami tak pernah melakukannya," kata Toto Wolff.')
    a.sentences = [Sentence("a1:s1", 0, len(narration), 0), Sentence("a1:s2", len(narration) + 1, len(a.text), 1)]
    c = a.text.index("Kami")
    p = a.text.index("Toto Wolff")
    a.quotes.append(Quote(c, c + len("Kami tak pernah melakukannya"), "Kami tak pernah melakukannya", "a1:s2", True,
                          Speaker("Toto Wolff", p, p + 10, entity="toto"), Cue("kata", p - 5, p - 1), stance="deny"))
    [conflict] = _run(a)
    assert conflict["deny"] == ["q1"] and conflict["assert"] == []
    assert "mencampur oli" in conflict["claim"]
    src = conflict["source"]
    assert a.text[src["start"]:src["end"]] == conflict["claim"]


def test_an_assertion_saying_what_a_denial_rejects_names_the_claim():
    """Session 14 (probe 4's ferry): the only accusation words the blame otherwise ("lalai"),
    the denial rejects "kapal kelebihan muatan"; the assertion that says exactly that joins the
    claim and names it, while an assertion sharing only a word or two of it stays out."""
    a1 = _article("a1", [
        ("Yosef", "accuse", "Yosef menuding operator lalai dan mengejar untung.", "operator lalai dan mengejar untung"),
        ("Yosef", "assert", "Yosef menulis kapal itu jelas kelebihan muatan malam itu.",
         "kapal itu jelas kelebihan muatan malam itu"),
        ("Marthen", "assert", "Marthen mengatakan kapal berangkat dari pelabuhan pukul tujuh.",
         "kapal berangkat dari pelabuhan pukul tujuh"),
    ])
    a2 = _article("a2", [
        ("Hendrikus", "deny", "Hendrikus berkata tidak benar kapal kelebihan muatan.", "tidak benar kapal kelebihan muatan"),
    ])
    [c] = _run(a1, a2)
    assert set(c["assert"]) == {"q1", "q2"} and c["deny"] == ["q4"]
    assert "kelebihan muatan" in c["claim"] and "lalai" not in c["claim"]


def test_a_lone_denial_is_named_by_its_own_words_not_across_a_caption():
    from telaah.analyze import analyze_texts

    dossier = analyze_texts(["KPK Tahan Miryam\n\n"
                             "Jakarta (ANTARA) - KPK menahan Miryam setelah ia ditangkap di sebuah hotel, Senin (1/5) malam.\n\n"
                             "Kepala satuan tugas Tessa Mahardika mengatakan pihak yang menyembunyikan tersangka dapat "
                             "dijerat dengan Pasal 21 Undang-Undang Pemberantasan Tindak Pidana Korupsi.\n"
                             "Gedung Merah Putih KPK di Kuningan, Jakarta Selatan. (Foto: Dok. Humas KPK)\n"
                             "baca juga : Kerugian Negara Proyek e-KTP Capai Rp 2,3 Triliun\n"
                             "Miryam sendiri membantah melarikan diri."])
    claims = [c["claim"] for s in dossier["stories"] for c in s["claim_conflicts"]]
    assert claims == ["melarikan diri"], claims


def test_that_is_not_true_answers_the_accusation_just_made():
    """Session 20 (probe 8): "Itu tidak benar. Kami sudah mengirim 14 truk logistik …" was paired
    with another outlet's "menemukan 14 tubuh" (a shared figure) instead of the accusation of
    slow aid said just before it in its own article."""
    a1 = _article("a1", [
        ("Rachmat", "assert", "Rachmat mengatakan tim telah menemukan 14 tubuh di Sambelia.",
         "tim telah menemukan 14 tubuh di Sambelia"),
    ])
    a2 = _article("a2", [
        ("Aini", "accuse", "Aini menuding BPBD lamban menyalurkan bantuan.", "BPBD lamban menyalurkan bantuan"),
        ("Firdaus", "deny", "Firdaus berkata: Itu tidak benar. Kami sudah mengirim 14 truk logistik ke Sambelia.",
         "Itu tidak benar. Kami sudah mengirim 14 truk logistik ke Sambelia"),
    ])
    [claim] = _run(a1, a2)
    assert (claim["assert"], claim["deny"]) == (["q2"], ["q3"])


def test_a_pointer_denial_that_goes_on_to_say_why_answers_the_accusation():
    """Session 27 (probe 12): wire copy's "membantah tuduhan itu, dengan mengatakan bahwa …"
    points back to the accusation like "membantah tuduhan itu" does."""
    a1 = _article("a1", [
        ("Mehmet", "accuse", "Mehmet menuduh pemerintah gagal menegakkan peraturan bangunan.",
         "pemerintah gagal menegakkan peraturan bangunan"),
        ("Aydogan", "deny", "Aydogan membantah tuduhan itu, dengan mengatakan bahwa semua bangunan itu tua.",
         "tuduhan itu, dengan mengatakan bahwa"),
    ])
    [claim] = _run(a1)
    assert (claim["assert"], claim["deny"]) == (["q1"], ["q2"])

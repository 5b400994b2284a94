"""Story timeline: dated events in order, one entry per event with all its sources."""
from datetime import date

from telaah.document import Article, Block, Corpus, Sentence, Story, TimeExpr
from telaah.pipeline import Options
from telaah.stories.timeline import TimelineStage


def _article(aid, lines, times, published=date(2024, 3, 6), kinds=None):
    """One sentence per line; ``times`` are (line index, time text, value, granularity)."""
    text = "\n".join(lines)
    a = Article(id=aid, text=text, published=published)
    offset = 0
    for i, line in enumerate(lines):
        a.blocks.append(Block(offset, offset + len(line), (kinds or {}).get(i, "body")))
        a.sentences.append(Sentence(f"{aid}:s{i + 1}", offset, offset + len(line), i))
        offset += len(line) + 1
    for n, (i, phrase, value, gran) in enumerate(times):
        s = a.sentences[i]
        start = text.index(phrase, s.start)
        a.times.append(TimeExpr(start, start + len(phrase), phrase, s.id, value, gran, "explicit",
                                id=f"t{aid}{n}"))
    return a


def _run(*articles):
    corpus = Corpus(articles=list(articles), stories=[Story("s1", None, [a.id for a in articles])])
    TimelineStage()(corpus, Options())
    return corpus.stories[0].timeline


def test_same_event_from_two_articles_is_one_entry_in_date_order():
    a1 = _article("a1", [
        "Gempa bermagnitudo 6,2 mengguncang Cianjur pada Senin (4/3/2024) siang.",
        "Tim SAR gabungan mulai mengevakuasi korban pada Selasa (5/3/2024).",
    ], [(0, "Senin (4/3/2024)", "2024-03-04", "day"), (1, "Selasa (5/3/2024)", "2024-03-05", "day")])
    a2 = _article("a2", [
        "Pada Selasa (5/3/2024) tim SAR mengevakuasi korban gempa di Cianjur.",
        "Gempa magnitudo 6,2 mengguncang wilayah Cianjur, Senin (4/3/2024).",
    ], [(0, "Selasa (5/3/2024)", "2024-03-05", "day"), (1, "Senin (4/3/2024)", "2024-03-04", "day")])
    timeline = _run(a1, a2)
    assert [e["date"] for e in timeline] == ["2024-03-04", "2024-03-05"]
    assert [sorted(e["sources"]) for e in timeline] == [["a1", "a2"], ["a1", "a2"]]
    first = timeline[0]
    assert first["article"] == "a1" and first["sentence"] == "a1:s1"
    assert first["text"] == a1.text[a1.sentences[0].start:a1.sentences[0].end]


def test_different_events_on_one_day_stay_apart():
    a1 = _article("a1", ["Gempa mengguncang Cianjur pada Senin (4/3/2024) siang hari."],
                  [(0, "Senin (4/3/2024)", "2024-03-04", "day")])
    a2 = _article("a2", ["Presiden meresmikan bendungan baru di Jawa Tengah, Senin (4/3/2024)."],
                  [(0, "Senin (4/3/2024)", "2024-03-04", "day")])
    timeline = _run(a1, a2)
    assert len(timeline) == 2
    assert all(len(e["sources"]) == 1 for e in timeline)


def test_publication_lines_coarse_and_unresolved_times_are_not_events():
    a = _article("a1", [
        "Senin, 4 Maret 2024 10:00 WIB",
        "Diperbarui 4 Maret 2024",
        "Harga beras naik sejak Maret 2024 di banyak pasar tradisional.",
        "Pedagang mengeluhkan sepinya pembeli pada hari itu di pasar induk.",
        "Polisi menangkap dua tersangka pencurian pada hari ini di Bekasi.",
    ], [(0, "Senin, 4 Maret 2024", "2024-03-04", "day"),
        (1, "4 Maret 2024", "2024-03-04", "day"),
        (2, "Maret 2024", "2024-03", "month"),
        (3, "hari itu", None, None),
        (4, "hari ini", "2024-03-06", "day")],
        kinds={0: "credit"})
    timeline = _run(a)
    assert [(e["date"], e["sentence"]) for e in timeline] == [("2024-03-06", "a1:s5")]  # publication-day event kept


def test_empty_story():
    assert _run() == []


def test_events_from_before_the_story_are_kept_and_marked_background():
    a1 = _article("a1", [
        "Pesawat Merpati jatuh di perairan yang sama pada Sabtu 20 April 1997 silam.",
        "Kecelakaan serupa menimpa pesawat lain pada 14 Februari 2024 di Sumatra.",
        "Tim SAR menemukan serpihan pesawat pada Senin (4/3/2024) pagi.",
    ], [(0, "Sabtu 20 April 1997", "1997-04-20", "day"), (1, "14 Februari 2024", "2024-02-14", "day"),
        (2, "Senin (4/3/2024)", "2024-03-04", "day")], published=date(2024, 3, 5))
    timeline = _run(a1)
    assert [(e["date"], e["background"]) for e in timeline] == [
        ("1997-04-20", True), ("2024-02-14", False), ("2024-03-04", False)]  # 20 days before: the story's own


import pytest  # noqa: E402


@pytest.mark.parametrize("sentence, first, second, dates", [
    # the explicit date restates the event-anchored one: one entry, on the restating date
    ("Hampir tiga minggu kemudian, tepatnya pada 8 Maret 2024, tim SAR menemukan kotak hitam.",
     ("tiga minggu kemudian", "2024-03-09"), ("8 Maret 2024", "2024-03-08"), ["2024-03-08"]),
    ("Sidang digelar dua hari kemudian, yakni Senin (4/3/2024), di pengadilan negeri.",
     ("dua hari kemudian", "2024-03-04"), ("Senin (4/3/2024)", "2024-03-04"), ["2024-03-04"]),
    # two dates of two events: both stay
    ("Gempa terjadi pada 2 Maret 2024 dan evakuasi dimulai 4 Maret 2024 di Cianjur.",
     ("2 Maret 2024", "2024-03-02"), ("4 Maret 2024", "2024-03-04"), ["2024-03-02", "2024-03-04"]),
])
def test_a_restated_date_is_one_event(sentence, first, second, dates):
    a = _article("a1", [sentence], [(0, first[0], first[1], "day"), (0, second[0], second[1], "day")])
    assert [e["date"] for e in _run(a)] == dates


def _quoted(article, line, speaker_entity, content):
    """A statement ``content`` in sentence ``line`` of ``article`` by a speaker merged into ``speaker_entity``."""
    from telaah.document import Cue, Quote, Speaker

    s = article.sentences[line]
    start = article.text.index(content, s.start)
    name = speaker_entity.removeprefix("e-").capitalize()  # the speaker's span: the name where the sentence has it
    at = article.text.find(name, s.start, s.end)
    span = (at, at + len(name)) if at >= 0 else (s.start, s.start + 1)
    article.quotes.append(Quote(start, start + len(content), content, s.id, False,
                                Speaker(speaker_entity, *span, entity=speaker_entity),
                                Cue("kata", s.start, s.start)))


def test_one_speaker_on_one_day_is_one_event_whatever_the_wording():
    # a direct quote in one outlet, wire copy's paraphrase in another: the same statement
    a1 = _article("a1", ['"Kami punya bukti transfer dan rekaman pertemuan," kata Andreas di Senayan, Senin (4/3).'],
                  [(0, "Senin (4/3)", "2024-03-04", "day")])
    a2 = _article("a2", ["Anggota parlemen Andreas Siregar mengatakan pada hari Senin bahwa menteri menerima uang."],
                  [(0, "pada hari Senin", "2024-03-04", "day")])
    a3 = _article("a3", ["Presiden meresmikan bendungan baru di Jawa Tengah, Senin (4/3/2024)."],
                  [(0, "Senin (4/3/2024)", "2024-03-04", "day")])
    _quoted(a1, 0, "e-andreas", "Kami punya bukti transfer dan rekaman pertemuan")
    _quoted(a2, 0, "e-andreas", "menteri menerima uang")
    _quoted(a3, 0, "e-presiden", "bendungan baru")
    timeline = _run(a1, a2, a3)
    assert sorted(sorted(e["sources"]) for e in timeline) == [["a1", "a2"], ["a3"]]


def test_an_event_is_not_split_by_the_order_articles_are_read():
    # a2 shares words with a3 only, a3 a speaker with a1 only: one event, read in any order
    a1 = _article("a1", ['"Kami punya bukti transfer," kata Andreas di Senayan, Senin (4/3).'],
                  [(0, "Senin (4/3)", "2024-03-04", "day")], published=date(2024, 3, 4))
    a2 = _article("a2", ["Tudingan suap menteri itu dilontarkan anggota DPR Andreas Siregar pada hari Senin."],
                  [(0, "pada hari Senin", "2024-03-04", "day")], published=date(2024, 3, 5))
    a3 = _article("a3", ["Andreas Siregar, anggota DPR yang melontarkan tudingan suap menteri pada Senin lalu, "
                         "menyatakan siap menyerahkan bukti."],
                  [(0, "Senin lalu", "2024-03-04", "day")], published=date(2024, 3, 7))
    _quoted(a1, 0, "e-andreas", "Kami punya bukti transfer")
    _quoted(a3, 0, "e-andreas", "siap menyerahkan bukti")
    timeline = _run(a1, a2, a3)
    assert [sorted(e["sources"]) for e in timeline] == [["a1", "a2", "a3"]]


def test_a_date_inside_what_was_said_is_not_when_it_was_said():
    a1 = _article("a1", ['"Pesawat hilang kontak pada Minggu (28/12) pagi," kata Henry kepada wartawan.'],
                  [(0, "Minggu (28/12)", "2014-12-28", "day")])
    a2 = _article("a2", ['Henry mengatakan tim akan bekerja 48 jam tanpa henti sejak Minggu (28/12) malam.'],
                  [(0, "Minggu (28/12)", "2014-12-28", "day")])
    _quoted(a1, 0, "e-henry", "Pesawat hilang kontak pada Minggu (28/12) pagi")
    _quoted(a2, 0, "e-henry", "tim akan bekerja 48 jam tanpa henti sejak Minggu (28/12) malam")
    assert len(_run(a1, a2)) == 2


def test_the_ends_of_a_span_and_a_bare_clock_are_not_events():
    a = _article("a1", [
        "Responden disurvei pada 31 Maret - 5 April 2017 dan diwawancara secara tatap muka.",
        "Hasil hitung cepat hingga pukul 18.06 WIB menempatkan pasangan itu di depan.",
        "Pasangan itu dinyatakan menang pada Rabu (19/4/2017) malam.",
    ], [(0, "31 Maret", "2017-03-31", "day"), (0, "5 April 2017", "2017-04-05", "day"),
        (1, "pukul 18.06 WIB", "2017-04-19T18:06", "day"), (2, "Rabu (19/4/2017)", "2017-04-19", "day")],
        published=date(2017, 4, 19))
    a.times[2].type = "TIME"
    assert [e["text"][:8] for e in _run(a)] == ["Pasangan"]


def test_rare_shared_words_make_one_event_but_two_speakers_stay_two():
    a1 = _article("a1", ["Topan Debbie menghantam wilayah Queensland pada Selasa lalu, membawa angin kencang."],
                  [(0, "Selasa lalu", "2017-03-28", "day")])
    a2 = _article("a2", ["Badai kategori empat menghantam pesisir Queensland antara Bowen dan Airlie, Selasa sore (28/3)."],
                  [(0, "Selasa sore (28/3)", "2017-03-28", "day")])
    assert [sorted(e["sources"]) for e in _run(a1, a2)] == [["a1", "a2"]]
    b1 = _article("b1", ['"Ini manipulasi data," kata Andreas di Senayan, Selasa (28/3).'],
                  [(0, "Selasa (28/3)", "2017-03-28", "day")])
    b2 = _article("b2", ['"Tidak ada manipulasi data," kata Ratna di kantornya, Selasa (28/3).'],
                  [(0, "Selasa (28/3)", "2017-03-28", "day")])
    _quoted(b1, 0, "e-andreas", "Ini manipulasi data")
    _quoted(b2, 0, "e-ratna", "Tidak ada manipulasi data")
    assert len(_run(b1, b2)) == 2


def test_a_deadline_after_a_duration_is_still_an_event():
    a = _article("a1", ["Masa pencarian diperpanjang tiga hari hingga Jumat (21/11) atas permintaan keluarga."],
                 [(0, "tiga hari", "P3D", None), (0, "Jumat (21/11)", "2025-11-21", "day")])
    a.times[0].type = "DURATION"
    assert [e["date"] for e in _run(a)] == ["2025-11-21"]


def test_a_span_from_a_bare_day_number_dates_no_event():
    a = _article("a1", [
        "Festival Danau Poso akan digelar 2 hingga 5 November 2016 di Kota Tentena.",
        "Ponsel itu bisa dipesan sejak 8 - 18 April di toko ritel.",
        "Bupati membuka festival itu pada Rabu (2/11/2016) malam.",
        "Pertempuran di Magelang berlangsung tanggal 19, 20 sampai 21 November 1945 silam.",
    ], [(0, "5 November 2016", "2016-11-05", "day"), (1, "18 April", "2016-04-18", "day"),
        (2, "Rabu (2/11/2016)", "2016-11-02", "day"), (3, "tanggal 19", "1945-11-19", "day"),
        (3, "21 November 1945", "1945-11-21", "day")], published=date(2016, 11, 2))
    assert [e["text"][:6] for e in _run(a)] == ["Bupati"]


def test_an_as_of_date_opening_a_sentence_is_no_event():
    a = _article("a1", [
        "Hingga hari ini, Senin (15/5), total uang tebusan sudah mencapai 25 BTC.",
        "Per 27 Mei 2017, Wenger telah melahap 1.175 pertandingan bareng Arsenal.",
        "Serangan itu melumpuhkan rumah sakit di Inggris hingga Senin (15/5) pagi.",
    ], [(0, "hari ini", "2017-05-15", "day"), (0, "Senin (15/5)", "2017-05-15", "day"),
        (1, "27 Mei 2017", "2017-05-27", "day"), (2, "Senin (15/5)", "2017-05-15", "day")],
        published=date(2017, 5, 15))
    assert [e["text"][:8] for e in _run(a)] == ["Serangan"]


def test_an_as_of_date_after_a_quote_mark_is_no_event_either():
    a = _article("a1", ['"Per hari ini total ada 118 siswa yang dirawat," jelas Leni.',
                        "Siswa itu keracunan makanan pada Selasa (20/10) siang."],
                 [(0, "hari ini", "2026-10-22", "day"), (1, "Selasa (20/10)", "2026-10-20", "day")],
                 published=date(2026, 10, 22))
    assert [e["date"] for e in _run(a)] == ["2026-10-20"]


def test_one_article_telling_its_event_twice_is_one_entry_but_its_names_alone_join_nothing():
    strike = _article("a1", [
        "Ribuan awak mobil tangki Pertamina menggelar aksi mogok nasional serentak, Senin (19/6).",
        "Wadi menegaskan, aksi mogok hari ini berlangsung sampai ada kesepakatan dengan Pertamina.",
    ], [(0, "Senin (19/6)", "2017-06-19", "day"), (1, "hari ini", "2017-06-19", "day")],
        published=date(2017, 6, 19))
    assert [e["sentences"] for e in _run(strike)] == [["a1:s1", "a1:s2"]]
    # the same names in both; what was done is not the same happening
    graft = _article("a2", [
        "KPK menetapkan Wali Kota Madiun Bambang Irianto sebagai tersangka, Senin (17/10).",
        "Tim KPK menggeledah rumah dinas Wali Kota Madiun Bambang Irianto, Senin (17/10).",
    ], [(0, "Senin (17/10)", "2016-10-17", "day"), (1, "Senin (17/10)", "2016-10-17", "day")],
        published=date(2016, 10, 17))
    assert len(_run(graft)) == 2


def test_two_articles_leads_of_one_day_are_one_event_in_their_own_words():
    match = _article("a1", ["MANCHESTER - Manchester United bermain imbang 1-1 dengan Everton, Selasa (4/4/2017).",
                            "Gol Ibrahimovic lewat penalti pada menit akhir menyelamatkan tuan rumah, Selasa (4/4/2017)."],
                     [(0, "Selasa (4/4/2017)", "2017-04-04", "day"), (1, "Selasa (4/4/2017)", "2017-04-04", "day")])
    coach = _article("a2", ["MANCHESTER - Manajer Manchester United, Jose Mourinho, enggan menyalahkan ofisial laga"
                            " yang menganulir gol timnya, Selasa (4/4/2017).",
                            "Laga lain pada Selasa (4/4/2017) mempertemukan Arsenal dan West Ham."],
                     [(0, "Selasa (4/4/2017)", "2017-04-04", "day"), (1, "Selasa (4/4/2017)", "2017-04-04", "day")])
    timeline = _run(match, coach)
    assert sorted(e["sentences"] for e in timeline) == [["a1:s1", "a2:s1"], ["a1:s2"], ["a2:s2"]]


def test_two_outlets_words_for_one_happening_count_as_one():
    # neither sentence is its article's lead, and only the concept is shared
    a1 = _article("a1", ["Laskar FPI berjaga di markasnya.",
                         "Menurut Maman, bentrokan yang terjadi kemarin dipicu provokasi di Ciampea."],
                  [(1, "kemarin", "2017-01-12", "day")], published=date(2017, 1, 13))
    a2 = _article("a2", ["Polisi berjaga di lokasi.",
                         "Keributan di Bogor kemarin berjarak dekat dengan kericuhan di jalan raya."],
                  [(1, "kemarin", "2017-01-12", "day")], published=date(2017, 1, 13))
    assert [sorted(e["sources"]) for e in _run(a1, a2)] == [["a1", "a2"]]


def test_opposite_happenings_of_one_day_are_two_events():
    """Probe 12: "melanjutkan pencarian" and "menghentikan operasi pencarian" on the same Friday are
    the search going on and its end, two events, though both articles' leads."""
    going = _article("a1", ["MEDAN - Tim SAR gabungan melanjutkan pencarian korban longsor di Sibolangit pada Jumat."],
                     [(0, "Jumat", "2026-11-20", "day")], published=date(2026, 11, 20))
    ended = _article("a2", ["DELI SERDANG - Tim SAR gabungan resmi menghentikan operasi pencarian korban longsor di "
                            "Sibolangit, Jumat (20/11/2026) sore."],
                     [(0, "Jumat (20/11/2026)", "2026-11-20", "day")], published=date(2026, 11, 21))
    assert sorted(e["sources"] for e in _run(going, ended)) == [["a1"], ["a2"]]

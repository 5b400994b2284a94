"""Time expressions: detection, calendar values, weekday checks, date inference, story dates."""
from __future__ import annotations

from datetime import date

import pytest

from telaah.document import Article, Corpus, Sentence, Story
from telaah.pipeline import Options
from telaah.times import StoryDateStage, TimeStage, borrow_sibling_dates, extract_times, infer_publication

REF = date(2024, 3, 10)  # a Sunday
WED = date(2024, 3, 13)


def one_line(text: str) -> list[Sentence]:
    out, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        out.append(Sentence(f"a:s{i}", pos, pos + len(line), i))
        pos += len(line) + 1
    return out


def find(text: str, ref: date | None, span: str, anchor: str = "published"):
    found = extract_times(text, one_line(text), ref, anchor=anchor)
    for t in found:
        assert text[t.start : t.end] == t.text
    hits = [t for t in found if t.text == span]
    assert hits, f"{span!r} not found in {[t.text for t in found]}"
    return hits[0]


CASES = [
    # explicit dates
    ("Ia tiba pada 8 Maret 2024 di Jakarta.", REF, "8 Maret 2024", "2024-03-08", "day", "explicit"),
    ("Sidang digelar 8/3/2024 lalu.", REF, "8/3/2024", "2024-03-08", "day", "explicit"),
    ("Sidang digelar 08-03-2024 pagi.", REF, "08-03-2024", "2024-03-08", "day", "explicit"),
    ("Data per 2024-03-08 menunjukkan kenaikan.", REF, "2024-03-08", "2024-03-08", "day", "explicit"),
    ("Sidang digelar 8.3.2024 di pengadilan.", REF, "8.3.2024", "2024-03-08", "day", "explicit"),
    ("Surat itu bertanggal 1/12/23.", REF, "1/12/23", "2023-12-01", "day", "explicit"),
    ("Presiden berpidato Jumat (8/3/2024) di Istana.", REF, "Jumat (8/3/2024)", "2024-03-08", "day", "explicit"),
    ("Presiden berpidato Jumat (8/3) di Istana.", REF, "Jumat (8/3)", "2024-03-08", "day", "published"),
    ("Presiden berpidato Senin, 29 Desember 2014, di Istana.", REF, "Senin, 29 Desember 2014", "2014-12-29", "day", "explicit"),
    ("Presiden berpidato Jumat (8 Maret 2024) di Istana.", REF, "Jumat (8 Maret 2024)", "2024-03-08", "day", "explicit"),
    ("Pemilu berlangsung 14 Februari 2024.", REF, "14 Februari 2024", "2024-02-14", "day", "explicit"),
    ("Pemilu berlangsung 14 Feb 2024.", REF, "14 Feb 2024", "2024-02-14", "day", "explicit"),
    ("Kejadian 17 Agu 2023 itu diingat warga.", REF, "17 Agu 2023", "2023-08-17", "day", "explicit"),
    ("Kejadian 17 Agt 2023 itu diingat warga.", REF, "17 Agt 2023", "2023-08-17", "day", "explicit"),
    ("Kejadian 5 Okt 2023 itu diingat warga.", REF, "5 Okt 2023", "2023-10-05", "day", "explicit"),
    ("Kejadian 5 Sept 2023 itu diingat warga.", REF, "5 Sept 2023", "2023-09-05", "day", "explicit"),
    ("Kejadian 25 Des 2023 itu diingat warga.", REF, "25 Des 2023", "2023-12-25", "day", "explicit"),
    ("Kejadian 3 Nov 2023 itu diingat warga.", REF, "3 Nov 2023", "2023-11-03", "day", "explicit"),
    ("Kejadian 3 Jan 2024 itu diingat warga.", REF, "3 Jan 2024", "2024-01-03", "day", "explicit"),
    ("Pada 2 Maret ia berangkat.", REF, "2 Maret", "2024-03-02", "day", "published"),
    ("Pada 28 Desember ia berangkat.", date(2025, 1, 2), "28 Desember", "2024-12-28", "day", "published"),
    ("Pada tanggal 5 Januari ia berangkat.", REF, "tanggal 5 Januari", "2024-01-05", "day", "published"),
    # "kemarin" after the day belongs to it (not a second expression for yesterday)
    ("Dana cair tanggal 24 kemarin.", REF, "tanggal 24 kemarin", "2024-02-24", "day", "published"),
    ("Dana cair tanggal 5 kemarin.", REF, "tanggal 5 kemarin", "2024-03-05", "day", "published"),
    ("Sidang digelar tanggal 5 mendatang.", REF, "tanggal 5 mendatang", "2024-04-05", "day", "published"),
    # the first day of a list takes the month and year written after the last one
    ("Pertempuran tanggal 19, 20 sampai 21 November 1945 itu.", REF, "tanggal 19", "1945-11-19", "day", "explicit"),
    ("Festival digelar tanggal 3 dan 4 Desember 2016.", REF, "tanggal 3", "2016-12-03", "day", "explicit"),
    ("Rapat digelar tanggal 5, 6, dan 7 Januari.", REF, "tanggal 5", "2024-01-05", "day", "published"),
    ("Hujan turun tanggal 12 - 14 April lalu.", REF, "tanggal 12", "2023-04-12", "day", "published"),
    ("Dana cair tanggal 9, 10 orang menerima.", REF, "tanggal 9", "2024-03-09", "day", "published"),
    ("Dana cair tanggal 8/3 kemarin.", REF, "tanggal 8/3 kemarin", "2024-03-08", "day", "published"),
    # months and years
    ("Harga naik sejak Maret 2024.", REF, "Maret 2024", "2024-03", "month", "explicit"),
    ("Harga naik sejak Des 2023.", REF, "Des 2023", "2023-12", "month", "explicit"),
    ("Harga naik pada bulan Juni.", REF, "bulan Juni", "2023-06", "month", "published"),
    ("Harga naik pada bulan Januari.", REF, "bulan Januari", "2024-01", "month", "published"),
    ("Harga akan naik pada bulan Juni.", REF, "bulan Juni", "2024-06", "month", "published"),
    ("Harga naik pada Juni lalu.", REF, "Juni lalu", "2023-06", "month", "published"),
    ("Harga naik Juni mendatang.", REF, "Juni mendatang", "2024-06", "month", "published"),
    ("Harga naik sejak awal Februari.", REF, "awal Februari", "2024-02", "month", "published"),
    ("Kebijakan berlaku sejak tahun 2019.", REF, "tahun 2019", "2019", "year", "explicit"),
    ("Kebijakan berlaku pada 2019.", REF, "2019", "2019", "year", "explicit"),
    ("Sejak 2019, kebijakan berlaku.", REF, "2019", "2019", "year", "explicit"),
    ("Data 2010-2014 menunjukkan kenaikan.", REF, "2014", "2014", "year", "explicit"),
    ("Krisis pada tahun 1990-an masih diingat.", REF, "tahun 1990-an", "199X", "decade", "explicit"),
    ("Krisis pada 1990-an masih diingat.", REF, "1990-an", "199X", "decade", "explicit"),
    ("Krisis tahun 90-an masih diingat.", REF, "tahun 90-an", "199X", "decade", "explicit"),
    ("Sejak awal 2015 harga turun.", REF, "awal 2015", "2015", "year", "explicit"),
    # weekdays
    ("Ia tiba pada hari Senin di Jakarta.", REF, "hari Senin", "2024-03-04", "day", "published"),
    ("Ia tiba Senin di Jakarta.", REF, "Senin", "2024-03-04", "day", "published"),
    ("Ia tiba Minggu di Jakarta.", REF, "Minggu", "2024-03-10", "day", "published"),
    ("Ia tiba hari Minggu di Jakarta.", REF, "hari Minggu", "2024-03-10", "day", "published"),
    ("Ia tiba Sabtu di Jakarta.", REF, "Sabtu", "2024-03-09", "day", "published"),
    ("Ia tiba Kamis di Jakarta.", WED, "Kamis", "2024-03-07", "day", "published"),
    ("Ia tiba Rabu di Jakarta.", WED, "Rabu", "2024-03-13", "day", "published"),
    ("Ia tiba Rabu lalu di Jakarta.", WED, "Rabu lalu", "2024-03-06", "day", "published"),
    ("Ia tiba Jum'at di Jakarta.", REF, "Jum'at", "2024-03-08", "day", "published"),
    ("Ia tiba Ahad di Jakarta.", WED, "Ahad", "2024-03-10", "day", "published"),
    ("Ia akan tiba Kamis di Jakarta.", WED, "Kamis", "2024-03-14", "day", "published"),
    ("Sidang dilanjutkan Senin depan.", WED, "Senin depan", "2024-03-18", "day", "published"),
    ("Sidang dilanjutkan Jumat mendatang.", WED, "Jumat mendatang", "2024-03-15", "day", "published"),
    ("Ia tiba Senin (4/3) di Jakarta.", REF, "Senin (4/3)", "2024-03-04", "day", "published"),
    ("Ia tiba Senin (30/12) di Jakarta.", date(2025, 1, 2), "Senin (30/12)", "2024-12-30", "day", "published"),
    ("Ia berbicara Minggu lalu di Jakarta.", REF, "Minggu lalu", "2024-03-03", "day", "published"),
    ("Minggu lalu, ia berbicara di Jakarta.", WED, "Minggu lalu", "2024-W10", "week", "published"),
    ("Ia berbicara minggu lalu di Jakarta.", WED, "minggu lalu", "2024-W10", "week", "published"),
    # relative
    ("Hari ini harga naik.", REF, "Hari ini", "2024-03-10", "day", "published"),
    ("Harga naik kemarin.", REF, "kemarin", "2024-03-09", "day", "published"),
    ("Harga naik besok.", REF, "besok", "2024-03-11", "day", "published"),
    ("Harga naik lusa.", REF, "lusa", "2024-03-12", "day", "published"),
    ("Harga naik kemarin lusa.", REF, "kemarin lusa", "2024-03-08", "day", "published"),
    # a bracket after the word spells its day, and wins ("kemarin (Rabu, 12/4)" written late)
    ("Ia tiba kemarin (7/3) di Jakarta.", REF, "kemarin (7/3)", "2024-03-07", "day", "published"),
    ("Ia tiba kemarin (Kamis, 7/3) di Jakarta.", REF, "kemarin (Kamis, 7/3)", "2024-03-07", "day", "published"),
    ("Kemarin (9/3/2024) harga naik.", REF, "Kemarin (9/3/2024)", "2024-03-09", "day", "explicit"),
    ("Hari ini (10 Maret) harga naik.", REF, "Hari ini (10 Maret)", "2024-03-10", "day", "published"),
    # a bracket that is not a date stays apart ("Hari ini (surat) penangkapan …")
    ("Hari ini (surat) penangkapan terbit.", REF, "Hari ini", "2024-03-10", "day", "published"),
    ("Harga naik pekan lalu.", WED, "pekan lalu", "2024-W10", "week", "published"),
    ("Harga naik pekan depan.", WED, "pekan depan", "2024-W12", "week", "published"),
    ("Harga naik pekan ini.", WED, "pekan ini", "2024-W11", "week", "published"),
    ("Harga naik minggu depan.", WED, "minggu depan", "2024-W12", "week", "published"),
    ("Harga naik bulan lalu.", REF, "bulan lalu", "2024-02", "month", "published"),
    ("Harga naik bulan depan.", REF, "bulan depan", "2024-04", "month", "published"),
    ("Harga naik tahun lalu.", REF, "tahun lalu", "2023", "year", "published"),
    ("Harga naik tahun depan.", REF, "tahun depan", "2025", "year", "published"),
    ("Harga naik tahun ini.", REF, "tahun ini", "2024", "year", "published"),
    # a month or day of the year counted from the reference is one expression (session 13)
    ("Kota itu dikuasai sejak Oktober tahun lalu.", REF, "Oktober tahun lalu", "2023-10", "month", "published"),
    ("Proyek dimulai Juni tahun depan.", REF, "Juni tahun depan", "2025-06", "month", "published"),
    ("Pemilu digelar Februari tahun ini.", REF, "Februari tahun ini", "2024-02", "month", "published"),
    ("Harga naik sejak 8 Maret tahun lalu.", REF, "8 Maret tahun lalu", "2023-03-08", "day", "published"),
    ("Harga naik dua hari lalu.", REF, "dua hari lalu", "2024-03-08", "day", "published"),
    ("Harga naik 3 hari yang lalu.", REF, "3 hari yang lalu", "2024-03-07", "day", "published"),
    ("Harga naik tiga pekan lalu.", WED, "tiga pekan lalu", "2024-W08", "week", "published"),
    ("Harga naik dua minggu lalu.", WED, "dua minggu lalu", "2024-W09", "week", "published"),
    ("Harga naik sepekan lalu.", WED, "sepekan lalu", "2024-W10", "week", "published"),
    ("Harga naik sebulan lalu.", REF, "sebulan lalu", "2024-02", "month", "published"),
    ("Harga naik setahun lalu.", REF, "setahun lalu", "2023", "year", "published"),
    ("Harga naik lima tahun silam.", REF, "lima tahun silam", "2019", "year", "published"),
    ("Harga naik dua belas hari lalu.", REF, "dua belas hari lalu", "2024-02-27", "day", "published"),
    ("Harga naik dua puluh tahun lalu.", REF, "dua puluh tahun lalu", "2004", "year", "published"),
    ("Harga naik satu dekade lalu.", REF, "satu dekade lalu", "2014", "year", "published"),
    ("Harga naik dua hari lagi.", REF, "dua hari lagi", "2024-03-12", "day", "published"),
    ("Harga naik akhir pekan lalu.", WED, "akhir pekan lalu", "2024-W10-WE", "week", "published"),
    ("Harga naik akhir pekan ini.", WED, "akhir pekan ini", "2024-W11-WE", "week", "published"),
    ("Harga naik awal bulan ini.", REF, "awal bulan ini", "2024-03", "month", "published"),
    ("Harga naik awal bulan depan.", REF, "awal bulan depan", "2024-04", "month", "published"),
    ("Harga naik akhir tahun lalu.", REF, "akhir tahun lalu", "2023", "year", "published"),
    # times of day
    ("Gempa terjadi pukul 15.00 WIB.", REF, "pukul 15.00 WIB", "2024-03-10T15:00", "day", "published"),
    ("Gempa terjadi Jumat (8/3/2024) pukul 15.00 WIB.", REF, "pukul 15.00 WIB", "2024-03-08T15:00", "day", "explicit"),
    ("Gempa terjadi Jumat (8/3) sekitar pukul 07.30 WITA.", REF, "sekitar pukul 07.30 WITA", "2024-03-08T07:30", "day", "published"),
    ("Gempa terjadi Senin malam.", REF, "Senin malam", "2024-03-04TNI", "day", "published"),
    ("Gempa terjadi Senin pagi.", REF, "Senin pagi", "2024-03-04TMO", "day", "published"),
    ("Gempa terjadi Sabtu sore.", REF, "Sabtu sore", "2024-03-09TAF", "day", "published"),
    ("Gempa terjadi tadi malam.", REF, "tadi malam", "2024-03-09TNI", "day", "published"),
    ("Gempa terjadi kemarin malam.", REF, "kemarin malam", "2024-03-09TNI", "day", "published"),
    ("Gempa terjadi pagi ini.", REF, "pagi ini", "2024-03-10TMO", "day", "published"),
    ("Gempa terjadi Jumat (8/3/2024) pagi.", REF, "Jumat (8/3/2024) pagi", "2024-03-08TMO", "day", "explicit"),
    ("Gempa terjadi Jumat (8/3/2024). Pada malam hari warga mengungsi.", REF, "malam hari", "2024-03-08TNI", "day", "explicit"),
    # anaphora and anchored offsets
    ("Gempa terjadi Jumat (8/3/2024). Hari itu warga panik.", REF, "Hari itu", "2024-03-08", "day", "explicit"),
    ("Gempa terjadi Jumat (8/3/2024). Sebulan kemudian warga pulang.", REF, "Sebulan kemudian", "2024-04-08", "day", "explicit"),
    # anchors other than published
    ("Ia tiba Senin di Jakarta.", REF, "Senin", "2024-03-04", "day", "inferred"),
    ("Ia tiba pada 8 Maret 2024.", None, "8 Maret 2024", "2024-03-08", "day", "explicit"),
    ("Krisis tahun 1998 masih diingat.", None, "tahun 1998", "1998", "year", "explicit"),
]


@pytest.mark.parametrize("text,ref,span,value,granularity,anchor", CASES)
def test_value(text, ref, span, value, granularity, anchor):
    label = "inferred" if anchor == "inferred" else "published"
    t = find(text, ref, span, anchor=label)
    assert (t.value, t.granularity, t.anchor) == (value, granularity, anchor)


TYPES = [
    ("Gempa terjadi pukul 15.00 WIB.", "pukul 15.00 WIB", "TIME"),
    ("Gempa terjadi Senin malam.", "Senin malam", "TIME"),
    ("Ia bekerja selama tiga tahun.", "tiga tahun", "DURATION"),
    ("Ia bekerja setiap hari.", "setiap hari", "SET"),
    ("Harga naik 8 Maret 2024.", "8 Maret 2024", "DATE"),
]


@pytest.mark.parametrize("text,span,etype", TYPES)
def test_type(text, span, etype):
    assert find(text, REF, span).type == etype


NOT_ON_CALENDAR = [
    ("Ia bekerja selama tiga tahun.", "tiga tahun", "P3Y"),
    ("Ia bekerja selama 24 jam.", "24 jam", "PT24H"),
    ("Ia bekerja setahun penuh.", "setahun", "P1Y"),
    ("Ia bekerja bertahun-tahun.", "bertahun-tahun", "PXY"),
    ("Ia bekerja beberapa hari.", "beberapa hari", "PXD"),
    ("Harga naik dalam lima tahun terakhir.", "lima tahun terakhir", "P5Y"),
    ("Hujan turun tiga hari ke depan.", "tiga hari ke depan", "P3D"),
    ("Harga naik baru-baru ini.", "baru-baru ini", None),
    ("Saat ini harga naik.", "Saat ini", None),
    ("Ia pulang sehari setelah pertemuan.", "sehari setelah", None),
    ("Ia pulang dua hari sebelum pemilu.", "dua hari sebelum", None),
]


@pytest.mark.parametrize("text,span,value", NOT_ON_CALENDAR)
def test_durations_vague_event_anchored(text, span, value):
    t = find(text, REF, span)
    assert t.value == value
    assert t.granularity is None and t.anchor is None


@pytest.mark.parametrize(
    "text",
    [
        "Sebanyak 2.019 orang hadir dalam acara itu.",
        "Sebanyak 2019 orang hadir dalam acara itu.",
        "Harganya Rp 2.024 per liter.",
        "Skor akhir 3,5 poin.",
        "Ia makan malam bersama keluarga.",
        "Mereka bekerja terlebih dulu.",
        "Ia membeli minggu-minggu ini.",
    ],
)
def test_not_dates(text):
    assert [t for t in extract_times(text, one_line(text), REF) if t.type in ("DATE", "TIME") and t.value] == []


def test_unresolved_without_reference():
    t = find("Ia tiba Senin di Jakarta.", None, "Senin")
    assert (t.value, t.granularity, t.anchor) == (None, None, None)


def test_weekday_conflict_without_fix_warns():
    t = find("Ia tiba Selasa (15/8) di Jakarta.", date(2024, 8, 20), "Selasa (15/8)")
    assert t.value == "2024-08-15" and not t.corrected
    assert t.warnings == ["weekday Selasa does not match 15/8/2024 (a Thursday)"]


def test_weekday_conflict_corrects_one_month_slip():
    t = find("Ia tiba Selasa (13/9) di Jakarta.", date(2024, 8, 20), "Selasa (13/9)")
    assert t.value == "2024-08-13" and t.corrected
    assert "read as 13/8/2024" in t.warnings[0]


def test_weekday_conflict_with_year_given():
    t = find("Ia tiba Kamis (31/8/2024) di Jakarta.", None, "Kamis (31/8/2024)")
    assert t.value == "2024-08-31" and not t.corrected
    assert t.warnings[0].startswith("weekday Kamis does not match 31/8/2024 (a Saturday)")


def test_time_stage_copies_warnings_to_article():
    text = "Ia tiba Selasa (15/8/2024) di Jakarta."
    a = Article(id="a1", text=text, sentences=one_line(text), published=date(2024, 8, 20))
    TimeStage()(a, Options())
    assert a.times and a.times[0].warnings
    assert "weekday Selasa does not match 15/8/2024 (a Thursday)" in a.warnings


def test_infer_publication_from_dated_weekday():
    text = "Ia tiba Kamis (31/10/2024) di Jakarta.\nPresiden berpidato Sabtu (2/11/2024) malam."
    got = infer_publication(text, one_line(text))
    assert got["value"] == "2024-11-02"
    assert "Sabtu (2/11/2024)" in got["basis"]


def test_infer_publication_chooses_year_by_weekday():
    text = "Presiden berpidato Sabtu (2/11) di Istana."
    got = infer_publication(text, one_line(text), today=date(2025, 6, 1))
    assert got["value"] == "2024-11-02"


def test_infer_publication_none_without_dates():
    text = "Presiden berpidato kemarin di Istana."
    assert infer_publication(text, one_line(text)) is None


def test_time_stage_infers_and_anchors_inferred():
    text = "Presiden berpidato Sabtu (2/11/2024) di Istana.\nSehari sebelumnya, Jumat, ia tiba."
    a = Article(id="a1", text=text, sentences=one_line(text))
    TimeStage()(a, Options())
    assert a.published_inferred["value"] == "2024-11-02"
    jumat = [t for t in a.times if t.text == "Jumat"][0]
    assert (jumat.value, jumat.anchor) == ("2024-11-01", "inferred")


def test_time_stage_uses_given_date():
    text = "Ia tiba kemarin."
    a = Article(id="a1", text=text, sentences=one_line(text), published=date(2024, 3, 10))
    TimeStage()(a, Options())
    assert a.published_inferred is None
    assert (a.times[0].value, a.times[0].anchor) == ("2024-03-09", "published")


def test_borrow_sibling_dates():
    undated = Article(id="b", text="Ia tiba kemarin.", sentences=one_line("Ia tiba kemarin."))
    sib1 = Article(id="a", text="Ia tiba.", published=date(2024, 3, 10))
    sib2 = Article(id="c", text="Ia tiba.", published=date(2024, 3, 11))
    other = Article(id="d", text="Ia tiba kemarin.", sentences=one_line("Ia tiba kemarin."))
    corpus = Corpus(articles=[sib1, undated, sib2, other], stories=[Story("s1", None, ["a", "b", "c"]), Story("s2", None, ["d"])])
    TimeStage()(undated, Options())
    assert undated.times[0].value is None
    StoryDateStage()(corpus, Options())
    t = undated.times[0]
    assert (t.value, t.anchor) == ("2024-03-10", "inferred")
    assert undated.published_inferred["value"] == "2024-03-11"  # the latest sibling date
    assert other.times == [] or other.times[0].value is None
    assert borrow_sibling_dates(corpus) == []  # nothing left to borrow


def test_a_weekday_of_an_undated_article_stays_inside_its_story():
    """Read against the story's Monday, "Selasa" was the Tuesday a week before the story."""
    text = "Korban tewas 231 orang hingga Selasa pagi."
    undated = Article(id="u", text=text, sentences=one_line(text))
    mon = Article(id="m", text="Gempa.", published=date(2023, 3, 6))
    tue = Article(id="t", text="Gempa.", published=date(2023, 3, 7))
    late = Article(id="l", text="Gempa.", published=date(2023, 3, 30))  # a follow-up weeks later
    corpus = Corpus(articles=[mon, undated, tue, late], stories=[Story("s1", None, ["m", "u", "t", "l"])])
    TimeStage()(undated, Options())
    StoryDateStage()(corpus, Options())
    assert undated.times[0].value.startswith("2023-03-07")
    assert undated.published_inferred["value"] == "2023-03-07"


def test_only_inside_sentences():
    text = "Senin (4/3/2024) judul\nIsi berita tanpa tanggal."
    sents = one_line(text)[1:]
    assert extract_times(text, sents, REF) == []


def test_bad_input_is_a_clear_error():
    with pytest.raises(TypeError):
        extract_times(None, [], REF)  # type: ignore[arg-type]


def test_stage_declarations():
    assert TimeStage.name == "times" and TimeStage.requires == ("article.blocks", "article.sentences", "article.quotes")
    assert StoryDateStage.requires == ("corpus.stories",)


def _staged(text: str) -> Article:
    """An article read through blocks, sentences and times, as the pipeline would."""
    from telaah.cleaning.blocks import BlockStage
    from telaah.text.sentences import SentenceStage

    art = Article(id="x", text=text)
    for stage in (BlockStage(), SentenceStage(), TimeStage()):
        stage(art, Options())
    return art


@pytest.mark.parametrize("line", [
    "24 November 2026 09:40 GMT  Diperbarui 3 jam yang lalu",  # wire copy (session 20, probe 8)
    "24 November 2026 16:40 WIB",
    # a published-and-updated line (probe 10): the date of publication, not the weekday guess
    "Diterbitkan: 24/11/2026 13.05 | Diperbarui: 24/11/2026 13.40",
    "Diterbitkan: Selasa, 24 November 2026 13.05 WIB | Diperbarui: Selasa, 24 November 2026 13.40 WIB",
])
def test_a_wire_services_date_line_dates_the_article(line):
    """Without it the dateline's "24 Nov" took its year from the lead's weekday, and "pada hari
    Senin" (the quake, the day before) made it 2025."""
    art = _staged(f"Gempa mengguncang Lombok\n\n{line}\n\nMATARAM, 24 Nov (Reuters) - Gempa mengguncang "
                  "Lombok pada hari Senin malam, kata pejabat pada hari Selasa.\n")
    assert art.published_inferred["value"] == "2026-11-24"


def test_publication_date_line_in_chrome_gives_inferred_date():
    art = _staged("Gempa Guncang Mamuju\n\nJumat, 15 Januari 2021 10:15 WIB\n\n"
                  "Gempa mengguncang Mamuju pada Kamis malam. Warga mengungsi.\n")
    assert art.published_inferred["value"] == "2021-01-15"
    assert "publication-date line" in art.published_inferred["basis"]
    kamis = next(t for t in art.times if t.text.startswith("Kamis"))
    assert kamis.value.startswith("2021-01-14") and kamis.anchor == "inferred"


def test_weekday_only_inference_takes_the_year_of_its_story():
    from telaah.document import Article, Corpus, Sentence, Story
    from telaah.times import borrow_sibling_dates

    text = "Miryam ditangkap di Kemang, Senin (1/5) malam."
    weak = Article(id="w", text=text, sentences=[Sentence("w:s1", 0, len(text), 0)],
                   published_inferred={"value": "2023-05-01", "basis": "latest date given with its weekday: 'Senin (1/5)' in sentence w:s1"})
    firm = Article(id="f", text="x", published=date(2017, 5, 3))
    corpus = Corpus(articles=[weak, firm], stories=[Story(id="s1", title=None, articles=["w", "f"])])
    assert borrow_sibling_dates(corpus) == ["w"]
    assert weak.published_inferred["value"] == "2017-05-01" and "year from sibling" in weak.published_inferred["basis"]
    assert any(t.value and t.value.startswith("2017-05-01") and t.anchor == "inferred" for t in weak.times)


@pytest.mark.parametrize("text,value", [
    ("Banjir ini terparah sejak banjir 2019 yang menewaskan 40 orang.", "2019"),
    ("Gempa 2018, kata dia, lebih kuat.", "2018"),
    ("Korban banjir 1500 orang mengungsi.", None),  # a count, not a year
])
def test_an_event_nouns_year(text, value):
    found = [t.value for t in extract_times(text, one_line(text), REF)]
    assert found == ([value] if value else [])


@pytest.mark.parametrize("text,value", [
    # agency copy names its report day after the speaker and place: written the day after the event
    ("Siswa keracunan usai makan siang pada Selasa (20/10/2026).\nKepala Dinkes Leni di Garut, Rabu, "
     "mengatakan 41 siswa dirawat.", "2026-10-21"),
    # the same weekday as the event: that day
    ("Siswa keracunan pada Selasa (20/10/2026).\nLeni di Garut, Selasa, mengatakan 41 siswa dirawat.",
     "2026-10-20"),
    # no marker: the event's date, as before
    ("Siswa keracunan pada Selasa (20/10/2026).\nLeni mengatakan, Rabu, 41 siswa dirawat.", "2026-10-20"),
])
def test_infer_publication_reads_the_agency_report_day(text, value):
    got = infer_publication(text, one_line(text), today=date(2026, 11, 1))
    assert got["value"] == value, got


def test_an_undated_later_report_is_placed_where_its_weekdays_fall_in_the_story():
    """Session 14 (probe 5): a wire update without a date says the toll rose "pada hari Kamis";
    read against its sibling's Tuesday that is the Thursday before the typhoon landed on Monday,
    so the update is placed on the Thursday, and the basis says why."""
    first_text = "Topan menerjang pulau itu pada hari Senin, kata pejabat."
    first = Article(id="a", text=first_text, sentences=one_line(first_text), published=date(2026, 10, 27))
    later_text = "Korban tewas naik menjadi 31 orang pada hari Kamis.\nTopan bergerak ke laut pada hari Rabu."
    later = Article(id="b", text=later_text, sentences=one_line(later_text))
    corpus = Corpus(articles=[first, later], stories=[Story("s1", None, ["a", "b"])])
    for a in corpus.articles:
        TimeStage()(a, Options())
    StoryDateStage()(corpus, Options())
    assert later.published_inferred["value"] == "2026-10-29"
    assert "weekdays" in later.published_inferred["basis"]
    assert sorted(t.value[:10] for t in later.times if t.value) == ["2026-10-28", "2026-10-29"]


def test_a_published_on_line_right_under_the_title_dates_the_article():
    """Session 15 (probe 6): Al Jazeera's "Diterbitkan Pada 16 Nov 2026", no blank line above."""
    art = _staged("Oposisi membantah tuduhan\nDiterbitkan Pada 16 Nov 2026\n\n"
                  "Pemimpin oposisi membantah tuduhan pemerintah pada hari Minggu.\n")
    assert art.published_inferred["value"] == "2026-11-16"


QUOTED_DAY_CASES = [
    # (quote and attribution, publication date, the quoted word, its day)
    ('"Hari ini surat penangkapan sudah kami terbitkan," kata Argo Yuwono, Selasa (30/5).',
     date(2017, 5, 31), "Hari ini", "2017-05-30"),
    ('"Kemarin gunung dalam keadaan berangin," kata pemandu itu, Rabu (24/5).',
     date(2017, 5, 26), "Kemarin", "2017-05-23"),
    ('"Besok kami periksa lagi," ujar Argo di Polda Metro Jaya, Selasa (30/5/2017).',
     date(2017, 5, 31), "Besok", "2017-05-31"),
    # the attribution names no written date: the publication day stays
    ('"Hari ini surat penangkapan sudah kami terbitkan," kata Argo Yuwono.',
     date(2017, 5, 31), "Hari ini", "2017-05-31"),
    # the quote's day is the publication day: nothing moves
    ('"Hari ini kami periksa," kata Argo Yuwono, Rabu (31/5).',
     date(2017, 5, 31), "Hari ini", "2017-05-31"),
    # a day word that spells its day in brackets is a written date, in a quote or not
    ('"Sejak kedatangan kemarin (Rabu, 12/4) langsung diperiksa," kata dokter itu, Jumat (14/4).',
     date(2017, 4, 15), "kemarin (Rabu, 12/4)", "2017-04-12"),
    ('"Pasien tiba," kata dokter itu kemarin (14/4).',
     date(2017, 4, 15), "kemarin (14/4)", "2017-04-14"),
    # outside the quote marks the journalist's "kemarin" is the publication's
    ('Polisi memeriksa dua saksi kemarin, kata Argo Yuwono, Selasa (30/5).',
     date(2017, 5, 31), "kemarin", "2017-05-30"),
]


@pytest.mark.parametrize("sentence, published, word, day", QUOTED_DAY_CASES)
def test_day_words_inside_a_dated_quote_take_the_quotes_day(sentence, published, word, day):
    from telaah.analyze import analyze_articles
    from telaah.document import Article

    text = "Jakarta, CNN Indonesia -- Polisi menangkap tersangka penyebar hoaks.\n\n" + sentence
    corpus = analyze_articles([Article(id="a", text=text, published=published)])
    found = [t for t in corpus.articles[0].times if t.text == word]
    assert found and found[0].value[:10] == day


@pytest.mark.parametrize("sentence,value", [
    # "di depan" is a place (in front of): the Monday is the last one (session 22, probe 9)
    ("Polisi membebaskan 19 orang yang diamankan dalam unjuk rasa di depan Kantor Gubernur pada hari Senin.",
     "2026-11-16"),
    # "pekan depan" still points ahead
    ("Sidang lanjutan digelar pekan depan pada hari Senin.", "2026-11-23"),
])
def test_depan_as_a_place_does_not_point_ahead(sentence, value):
    art = _staged(f"Judul Berita\n\nKamis, 19 November 2026 14:10 WIB\n\n{sentence}\n")
    assert [t.value[:10] for t in art.times if t.text.endswith("Senin")] == [value]


@pytest.mark.parametrize("text", [
    "Pemain berusia 29 tahun itu mencetak gol kedua pada 2026.",  # probe 10: an age, no year
    "Selama dua hari itu warga mengungsi sejak 3 Maret 2024.",
])
def test_a_number_before_an_anaphoric_unit_makes_it_a_length_not_a_date(text):
    found = extract_times(text, one_line(text), REF)
    assert not any(t.text.lower() in ("tahun itu", "hari itu") for t in found)


def test_an_anaphoric_year_after_a_named_year_still_resolves():
    text = "Banjir besar melanda pada 2019. Tahun itu juga jembatan runtuh."
    assert find(text, REF, "Tahun itu").value == "2019"

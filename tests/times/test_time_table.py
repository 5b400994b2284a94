"""Time expressions as a table, dateparser style: (text, publication date) -> the expression
found, its value, type and flags. One row per behaviour the issue asks for."""
from __future__ import annotations

from datetime import date

import pytest

from telaah.document import Sentence
from telaah.times import extract_times
from telaah.times.resolve import period_end

PUB = date(2024, 3, 8)  # a Friday

# (text, publication date, expression text, value, type, granularity, anchor)
RESOLVED = [
    # explicit dates in every form
    ("Rapat digelar 8 Maret 2024.", PUB, "8 Maret 2024", "2024-03-08", "DATE", "day", "explicit"),
    ("Rapat digelar 8/3/2024.", PUB, "8/3/2024", "2024-03-08", "DATE", "day", "explicit"),
    ("Rapat digelar 08-03-2024.", PUB, "08-03-2024", "2024-03-08", "DATE", "day", "explicit"),
    ("Rapat digelar Jumat (8/3/2024).", PUB, "Jumat (8/3/2024)", "2024-03-08", "DATE", "day", "explicit"),
    ("Rapat digelar Jumat (8/3).", PUB, "Jumat (8/3)", "2024-03-08", "DATE", "day", "published"),
    ("Harga naik sejak Maret 2024.", PUB, "Maret 2024", "2024-03", "DATE", "month", "explicit"),
    ("Ia lulus pada 5 Agt 2019.", PUB, "5 Agt 2019", "2019-08-05", "DATE", "day", "explicit"),
    ("Ia lulus pada 5 Okt 2019.", PUB, "5 Okt 2019", "2019-10-05", "DATE", "day", "explicit"),
    ("Ia lulus pada 5 Des 2019.", PUB, "5 Des 2019", "2019-12-05", "DATE", "day", "explicit"),
    # a direction word after a full date belongs to it: the day is kept
    ("Tsunami melanda Aceh pada 26 Desember 2004 silam.", PUB, "26 Desember 2004 silam", "2004-12-26", "DATE", "day", "explicit"),
    ("Tsunami melanda Aceh pada 26 Desember 2004 lalu.", PUB, "26 Desember 2004 lalu", "2004-12-26", "DATE", "day", "explicit"),
    # ... and without a year it says which way to look from publication
    ("Ia dilantik pada 10 Maret lalu.", PUB, "10 Maret lalu", "2023-03-10", "DATE", "day", "published"),
    ("Ia dilantik pada 1 Maret lalu.", PUB, "1 Maret lalu", "2024-03-01", "DATE", "day", "published"),
    ("Upacara digelar 17 Agustus mendatang.", PUB, "17 Agustus mendatang", "2024-08-17", "DATE", "day", "published"),
    ("Upacara digelar 1 Maret mendatang.", PUB, "1 Maret mendatang", "2025-03-01", "DATE", "day", "published"),
    # bare years and decades
    ("Ia pindah ke Jakarta pada tahun 2019.", PUB, "tahun 2019", "2019", "DATE", "year", "explicit"),
    ("Krisis terjadi pada tahun 1990-an.", PUB, "tahun 1990-an", "199X", "DATE", "decade", "explicit"),
    # relative to the publication date
    ("Polisi menangkapnya pada hari Senin.", PUB, "hari Senin", "2024-03-04", "DATE", "day", "published"),
    ("Polisi menangkapnya Senin lalu.", PUB, "Senin lalu", "2024-03-04", "DATE", "day", "published"),
    ("Polisi menangkapnya Senin (4/3).", PUB, "Senin (4/3)", "2024-03-04", "DATE", "day", "published"),
    ("Polisi menangkapnya pada hari Minggu.", PUB, "hari Minggu", "2024-03-03", "DATE", "day", "published"),
    ("Polisi menangkapnya minggu lalu.", PUB, "minggu lalu", "2024-W09", "DATE", "week", "published"),
    ("Polisi menangkapnya pekan lalu.", PUB, "pekan lalu", "2024-W09", "DATE", "week", "published"),
    ("Sidang digelar pekan depan.", PUB, "pekan depan", "2024-W11", "DATE", "week", "published"),
    ("Ia tiba hari ini.", PUB, "hari ini", "2024-03-08", "DATE", "day", "published"),
    ("Ia tiba kemarin.", PUB, "kemarin", "2024-03-07", "DATE", "day", "published"),
    ("Ia tiba besok.", PUB, "besok", "2024-03-09", "DATE", "day", "published"),
    ("Ia tiba lusa.", PUB, "lusa", "2024-03-10", "DATE", "day", "published"),
    ("Harga naik bulan lalu.", PUB, "bulan lalu", "2024-02", "DATE", "month", "published"),
    ("Harga naik tahun lalu.", PUB, "tahun lalu", "2023", "DATE", "year", "published"),
    ("Ia tiba dua hari lalu.", PUB, "dua hari lalu", "2024-03-06", "DATE", "day", "published"),
    ("Ia tiba tiga pekan lalu.", PUB, "tiga pekan lalu", "2024-W07", "DATE", "week", "published"),
    ("Banjir melanda pada bulan Juni.", PUB, "bulan Juni", "2023-06", "DATE", "month", "published"),
    # times of day, attached to their day
    ("Rapat digelar Selasa (5/3/2024) pukul 15.00 WIB.", PUB, "pukul 15.00 WIB", "2024-03-05T15:00", "TIME", "day", "explicit"),
    ("Ledakan terjadi Selasa (5/3/2024) malam.", PUB, "Selasa (5/3/2024) malam", "2024-03-05TNI", "TIME", "day", "explicit"),
    ("Ia datang kemarin pagi.", PUB, "kemarin pagi", "2024-03-07TMO", "TIME", "day", "published"),
    ("Ia datang pukul 10.00 malam.", PUB, "pukul 10.00 malam", "2024-03-08T22:00", "TIME", "day", "published"),
    ("Ia datang pukul 3 sore.", PUB, "pukul 3 sore", "2024-03-08T15:00", "TIME", "day", "published"),
    ("Ia datang pukul 02.00 dini hari.", PUB, "pukul 02.00 dini hari", "2024-03-08T02:00", "TIME", "day", "published"),
    # a clock said before its day takes that day ("pukul 21.35 WIB, Senin (29/5)"), not the publication's
    ("Gempa terjadi pukul 21.35 WIB, Selasa (5/3/2024).", PUB, "pukul 21.35 WIB", "2024-03-05T21:35", "TIME", "day", "explicit"),
    ("Gempa terjadi pukul 21.35 WIB pada hari Selasa (5/3).", PUB, "pukul 21.35 WIB", "2024-03-05T21:35", "TIME", "day", "published"),
    # "besok Jumat", "lusa Senin": the coming weekday
    ("Tunggu besok Senin saja di Jakarta.", PUB, "Senin", "2024-03-11", "DATE", "day", "published"),
    # a day and month without a year: the year in which the weekday fits, when the nearest is months off
    ("Ia datang Selasa (15/8).", PUB, "Selasa (15/8)", "2023-08-15", "DATE", "day", "published"),
]


@pytest.mark.parametrize("text,pub,expr,value,etype,granularity,anchor", RESOLVED)
def test_resolved(text, pub, expr, value, etype, granularity, anchor):
    found = {t.text: t for t in extract_times(text, [Sentence("s", 0, len(text), 0)], pub)}
    assert expr in found, f"{expr!r} not found in {list(found)}"
    t = found[expr]
    assert (t.value, t.type, t.granularity, t.anchor) == (value, etype, granularity, anchor)
    assert not t.warnings and not t.corrected


# recognised, but not put on the calendar: (text, expression, type)
NOT_ON_CALENDAR = [
    ("Ia ditahan selama tiga tahun.", "tiga tahun", "DURATION"),
    ("Ia bekerja di sana bertahun-tahun.", "bertahun-tahun", "DURATION"),
    ("Baru-baru ini ia datang.", "Baru-baru ini", "DATE"),
    ("Sehari setelah pertemuan itu ia pergi.", "Sehari setelah", "DATE"),
    ("Dua pekan sebelum pemilu ia mundur.", "Dua pekan sebelum", "DATE"),
]


@pytest.mark.parametrize("text,expr,etype", NOT_ON_CALENDAR)
def test_recognised_not_calendared(text, expr, etype):
    found = {t.text: t for t in extract_times(text, [Sentence("s", 0, len(text), 0)], PUB)}
    assert expr in found, f"{expr!r} not found in {list(found)}"
    t = found[expr]
    assert t.type == etype
    assert t.granularity is None or t.type == "DURATION"
    assert t.value is None or t.value.startswith("P")


# weekday and date disagree: (text, publication date, value, corrected, warning fragment)
CONFLICTS = [
    # a one-digit month slip that makes them agree is proposed and marked corrected
    ("Rapat digelar Kamis (15/7/2024).", PUB, "2024-08-15", True, "read as 15/8/2024"),
    # no slip fits: the date stays, with the warning
    ("Rapat digelar Selasa (15/8).", date(2024, 8, 16), "2024-08-15", False, "does not match 15/8/2024 (a Thursday)"),
    ("Rapat digelar Selasa (15/8/2024).", date(2024, 8, 16), "2024-08-15", False, "a Thursday"),
]


@pytest.mark.parametrize("text,pub,value,corrected,warning", CONFLICTS)
def test_weekday_conflicts(text, pub, value, corrected, warning):
    [t] = [t for t in extract_times(text, [Sentence("s", 0, len(text), 0)], pub) if t.warnings]
    assert t.value == value and t.corrected is corrected
    assert any(warning in w for w in t.warnings)


def test_inferred_anchor_and_basis():
    from telaah.times import infer_publication

    text = "Polisi menangkap tersangka pada Kamis (7/3/2024). Ia diperiksa kemarin."
    sents = [Sentence("s1", 0, 49, 0), Sentence("s2", 50, len(text), 0)]
    inferred = infer_publication(text, sents, today=date(2025, 1, 1))
    assert inferred["value"] == "2024-03-07" and "Kamis (7/3/2024)" in inferred["basis"]
    times = extract_times(text, sents, date.fromisoformat(inferred["value"]), anchor="inferred")
    [kemarin] = [t for t in times if t.text == "kemarin"]
    assert kemarin.value == "2024-03-06" and kemarin.anchor == "inferred"


# the last day a value covers (disputes use it to tell background figures)
@pytest.mark.parametrize("value, end", [
    ("2014-12-29", date(2014, 12, 29)),
    ("2014-07", date(2014, 7, 31)),
    ("2014-12", date(2014, 12, 31)),
    ("2005", date(2005, 12, 31)),
    ("196X", date(1969, 12, 31)),
    ("PXX", None),
    ("2014-W52", None),
])
def test_period_end(value, end):
    assert period_end(value) == end

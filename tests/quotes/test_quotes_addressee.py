"""The one told is part of the attribution: "mengatakan kepada wartawan, …" reports what follows."""
import pytest

from telaah.pipeline import Options
from telaah.quotes import QuoteStage
from test_quotes_cases import article

TOLD = [
    ("Andi mengatakan kepada wartawan bahwa ia tidak hadir dalam rapat itu.", "ia tidak hadir dalam rapat itu", "Andi", "assert"),
    ("Andi mengatakan kepada wartawan, ia tidak hadir dalam rapat itu.", "ia tidak hadir dalam rapat itu", "Andi", "assert"),
    ("Andi mengatakan kepada Reuters pada hari Senin, pemerintah akan menaikkan harga.", "pemerintah akan menaikkan harga",
     "Andi", "assert"),
    ("Andi menjelaskan kepada para wartawan di Jakarta, Senin (6/3), bahwa anggaran sudah cair.", "anggaran sudah cair",
     "Andi", "assert"),
    # when it was said, before "bahwa" (wire copy: "said on Monday that …"); and the same with the one told
    ("Andi mengatakan pada hari Senin bahwa menteri telah menerima uang.", "menteri telah menerima uang", "Andi", "assert"),
    ('Hendra mengatakan kepada wartawan pada hari Selasa bahwa tuduhan itu "fitnah".', 'tuduhan itu "fitnah"', "Hendra", "deny"),
    # the opening words decide the stance once the one told is out of the way
    ("Pengacara Petersen mengatakan kepada pengadilan, kliennya itu tidak bermaksud menakut-nakuti para wanita itu.",
     "kliennya itu tidak bermaksud menakut-nakuti para wanita itu", "Petersen", "deny"),
    # an act asked of the one told stays with it
    ("Andi meminta kepada pemerintah agar segera bertindak.", "kepada pemerintah agar segera bertindak", "Andi", "demand"),
    ("Andi mengimbau kepada semua saksi untuk mencontoh sikap Djafar, demi kelancaran penyidikan.",
     "kepada semua saksi untuk mencontoh sikap Djafar, demi kelancaran penyidikan", "Andi", "demand"),
]


@pytest.mark.parametrize("text,content,speaker,stance", TOLD)
def test_the_one_told_is_not_the_content(text, content, speaker, stance):
    art = article(text, ())
    QuoteStage()(art, Options())
    (q,) = art.quotes
    assert (q.text, q.speaker.text, q.stance, q.direct) == (content, speaker, stance, False)

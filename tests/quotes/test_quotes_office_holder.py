"""A speaker named only by an office ("kata Kapolsek", "ujar Kadiskes") is the person the
article introduced with that office, even when the office was shortened or the entity stage read
the office as a name. Invented sentences (fictional people)."""
from __future__ import annotations

import pytest

from telaah.analyze import analyze_articles
from telaah.document import Article
from telaah.pipeline import Options


def _speakers(text: str) -> list[tuple[str, str]]:
    corpus = analyze_articles([Article(id="a1", text=text)], Options(workers=1))
    a = corpus.articles[0]
    return [(q.text, q.speaker.text if q.speaker else None) for q in a.quotes]


@pytest.mark.parametrize("text, content, speaker", [
    ("Kapolsekta Medan Timur Kompol Andi Wirawan mengatakan pelaku sudah ditangkap warga.\n\n"
     '"Kasusnya masih kami dalami bersama penyidik," kata Kapolsek.', "Kasusnya masih kami dalami", "Andi Wirawan"),
    ("Jaksa menuntut Rudi Hartono dan Sugeng Prasetyo dengan pasal korupsi.\n\n"
     'Dalam sidang itu, jaksa mengatakan keduanya merugikan negara.', "keduanya merugikan negara", "jaksa"),
])
def test_an_office_names_its_holder(text, content, speaker):
    got = [sp for c, sp in _speakers(text) if c.startswith(content)]
    assert got == [speaker]

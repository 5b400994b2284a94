"""Stances from an analyst's probe (session 24, probe 10), through the whole pipeline: a refusal
after a put-off ("Nanti saja, …") or with "menyampaikan" declines to confirm."""
from __future__ import annotations

from datetime import date

import pytest

from telaah.analyze import analyze_articles
from telaah.document import Article
from telaah.pipeline import Options


def _stances(text: str) -> list[str]:
    article = analyze_articles([Article(id="a", text=text, published=date(2026, 11, 5))],
                               Options(workers=1)).articles[0]
    return [q.stance for q in article.quotes]


@pytest.mark.parametrize("sentence,stance", [
    ('"Nanti saja, kami belum bisa menyampaikan apa-apa," kata Idrus.', "unconfirmed"),
    ('"Kami belum bisa menyampaikan apa-apa. Semua laporan kami telaah," kata Idrus.', "unconfirmed"),
    ('"Mohon maaf, saya belum bisa memberikan keterangan," kata Idrus.', "unconfirmed"),
    # a put-off before something else is no refusal
    ('"Nanti saja, kami akan menyampaikan hasilnya pekan depan," kata Idrus.', "assert"),
])
def test_refusals_after_a_put_off(sentence, stance):
    assert _stances("Judul Berita\n\nPALU - " + sentence) == [stance]

"""Stances from an analyst's probe (session 27, probe 12), through the whole pipeline: a
subject's ber- adjective ("pihak berwenang") is no verb before a refusal, and "Ini bukan X, ini
Y" names Y a wrongdoing."""
from __future__ import annotations

from datetime import date

import pytest
from stancekit import stances


def _stances(text: str) -> list[str]:
    return stances(text, date(2026, 11, 26))


@pytest.mark.parametrize("sentence,stance", [
    ("Gubernur Malatya Hüseyin Çelik mengatakan pihak berwenang belum dapat mengonfirmasi berapa banyak orang "
     "yang masih terperangkap.", "unconfirmed"),
    ("Kapolres mengatakan pihak berwajib belum bisa memastikan penyebab kebakaran itu.", "unconfirmed"),
    ('"Ini bukan bencana alam, ini kelalaian. Pemerintah membiarkan bangunan rapuh tetap berdiri," kata '
     'pemimpin oposisi Mehmet Yildirim.', "accuse"),
    # not a wrongdoing named: the statement stays as it was
    ('"Ini bukan bencana alam, ini ujian bagi kita semua," kata pemimpin oposisi Mehmet Yildirim.', "assert"),
    # the refusal after a verb of the subject's own is no refusal of the subject's
    ("Kapolres mengatakan petugas berjaga belum bisa memastikan penyebabnya.", "assert"),
])
def test_stances_of_probe_12(sentence, stance):
    assert _stances("Judul Berita\n\nJAKARTA - " + sentence) == [stance]

"""Stances from an analyst's probe (session 29, probe 13), through the whole pipeline: a refusal
after a fronted question or with its object fronted, an accident named instead of a wrongdoing,
and a rhetorical "Mana mungkin …?" that rejects the charge."""
from __future__ import annotations

from datetime import date

import pytest
from stancekit import stances


def _stances(text: str) -> list[str]:
    return stances(text, date(2026, 10, 15))


@pytest.mark.parametrize("sentence,stance", [
    ('"Apakah ada unsur kelalaian atau tidak, kami belum bisa sampaikan. Semua masih menunggu hasil Labfor," '
     'kata Agus.', "unconfirmed"),
    ('"Penyebab pasti ledakan belum bisa kami simpulkan. Kami masih menunggu hasil Labfor," kata Agus.',
     "unconfirmed"),
    ('"Itu murni kecelakaan, bukan kelalaian. Kami turut berduka," ujar Hendra.', "deny"),
    ('"Mana mungkin kami membiarkan pekerja kami sendiri bekerja di dekat mesin yang bocor?" kata Hendra.', "deny"),
    # not a wrongdoing rejected, nor a refusal: the statements stay as they were
    ('"Itu kecelakaan, bukan bencana alam," ujar Hendra.', "assert"),
    ('"Siapa pelakunya, kami sudah tahu," kata Agus.', "assert"),
])
def test_stances_of_probe_13(sentence, stance):
    assert _stances("Judul Berita\n\nKENDAL - " + sentence) == [stance]

"""Stances from an analyst's probe (session 28, probe 12 continued), through the whole pipeline:
a lawyer's "Pak Fauzi tidak pernah …" defends the one named (a denial), and "tidak pernah yang
lain" (nothing else) denies no deed. A later sentence of a direct quote does not change the
quote's stance (QUOTES_GUIDELINES.md: a direct quote takes its cue's stance unless its content
opens as a denial); contradictions read those sentences themselves."""
from __future__ import annotations

from datetime import date

import pytest
from stancekit import stances


def _stances(text: str) -> list[str]:
    return stances(text, date(2026, 11, 26))


@pytest.mark.parametrize("sentence,stance", [
    ('"Pak Fauzi tidak pernah meminta fee dari proyek mana pun. Uang yang disita itu uang pribadi," kata '
     'kuasa hukum Dedi Kurniawan.', "deny"),
    ('"Klien kami tidak pernah meminta apa pun dari kontraktor," kata kuasa hukum Dedi Kurniawan.', "deny"),
    ('"Kliennya tidak pernah menerima uang itu," kata pengacara Dedi Kurniawan.', "deny"),
    # an experience, not a deed; a lower-case office is no name defended
    ('"Bu Risma tidak pernah melihat surat itu sebelumnya," kata ajudan Budi Santoso.', "assert"),
    ('"Pak camat tidak pernah datang ke desa kami," kata warga Budi Santoso.', "assert"),
    ('"Saya bertemu Ibu Mustokoweni untuk urus atribut pilkada. Tidak pernah yang lain," kata Andi.', "assert"),
    # later sentences leave the stance of the cue
    ('"Sudah lama warga mengeluhkan tambang itu. Perusahaan lalai dan pemerintah tidak pernah mengawasi," '
     'kata anggota DPRD Hendra Situmorang.', "assert"),
])
def test_stances_of_probe_12_continued(sentence, stance):
    assert _stances("Judul Berita\n\nJAKARTA - " + sentence) == [stance]

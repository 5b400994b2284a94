"""A small batch (what a person gathers on one story) joins at the batch cut; ``--one-story``
skips grouping; the cut given by a caller always wins."""
from __future__ import annotations

from datetime import date

import pytest

from telaah.analyze import analyze_articles
from telaah.cli import build_parser
from telaah.document import Article
from telaah.pipeline import Options
from telaah.stories.grouping import GroupingConfig, batch_config, load_scorer


@pytest.mark.parametrize(("size", "given", "expected"), [
    (1, None, "batch"),
    (5, None, "batch"),
    (12, None, "batch"),
    (13, None, None),
    (3463, None, None),
    (0, None, None),
    (5, 0.5, 0.5),
])
def test_batch_config_picks_the_cut(size, given, expected):
    config = batch_config(GroupingConfig(threshold=given), size)
    want = GroupingConfig().batch_threshold if expected == "batch" else expected
    assert config.threshold == want


def test_hand_weights_and_fitting_weights_keep_their_cut():
    assert batch_config(GroupingConfig.plain(0.3), 3).threshold is None
    fitting = GroupingConfig(scorer_weights=(("body", 1.0),))
    assert batch_config(fitting, 3).threshold is None


def test_batch_cut_is_below_the_corpus_cut():
    assert GroupingConfig().batch_threshold < load_scorer("story_scorer.json")["threshold"]


def _articles() -> list[Article]:
    texts = ["Harga cabai di Pasar Minggu naik tajam pada Senin karena hujan.",
             "Tim nasional sepak bola Indonesia menang 2-0 atas Vietnam di Hanoi.",
             "Gunung Merapi kembali meluncurkan awan panas guguran sejauh dua kilometer."]
    return [Article(id=f"a{n}", text=t, published=date(2024, 3, 4)) for n, t in enumerate(texts)]


def test_one_story_puts_every_article_in_one_story():
    corpus = analyze_articles(_articles(), Options(workers=1, extras={"one_story": True}))
    assert [s.articles for s in corpus.stories] == [["a0", "a1", "a2"]]


def test_unrelated_small_batch_still_splits():
    corpus = analyze_articles(_articles(), Options(workers=1))
    assert len(corpus.stories) == 3


@pytest.mark.parametrize("value", ["1.5", "-0.1", "tinggi"])
def test_cli_rejects_a_bad_story_threshold(value, capsys):
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["analyze", "x.txt", "--story-threshold", value])
    assert exc.value.code == 2
    assert "not a number from 0 to 1" in capsys.readouterr().err


def test_cli_one_story_and_threshold_exclude_each_other(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["analyze", "x.txt", "--one-story", "--story-threshold", "0.3"])


def test_small_batch_looks_back_past_the_window_only_with_a_strong_score():
    corpus = GroupingConfig()
    small = batch_config(corpus, 5)
    assert small.window_days == corpus.batch_window_days > corpus.window_days
    assert small.confident_days == corpus.window_days
    assert small.late_threshold == corpus.batch_late_threshold
    assert batch_config(corpus, 500).window_days == corpus.window_days
    assert batch_config(GroupingConfig(window_days=None), 5).window_days is None


def _trial(published: date, text: str, n: int) -> Article:
    return Article(id=f"t{n}", text=text, published=published)


TRIAL = [
    (date(2024, 3, 4), "Jaksa KPK menuntut Bupati Muara Lintang nonaktif Hendra Saputra Wijaya sembilan tahun "
     "penjara dalam perkara suap proyek jalan Tanjung Raja. Jaksa KPK Rudi Simanjuntak menyebut Hendra "
     "menerima suap Rp4,75 miliar dari kontraktor PT Lintang Karya Utama, Agus Salim Harahap. Kuasa hukum "
     "Hendra, Maria Lumbantobing, membantah kliennya menerima suap proyek jalan Tanjung Raja itu."),
    (date(2024, 3, 25), "Majelis hakim Pengadilan Tipikor Jakarta memvonis Bupati Muara Lintang nonaktif Hendra "
     "Saputra Wijaya tujuh tahun penjara dalam perkara suap proyek jalan Tanjung Raja. Hakim menyatakan Hendra "
     "terbukti menerima suap Rp4,75 miliar dari kontraktor PT Lintang Karya Utama, Agus Salim Harahap. Vonis "
     "itu lebih ringan dari tuntutan jaksa KPK Rudi Simanjuntak, sembilan tahun penjara."),
]


def test_a_trial_followed_for_three_weeks_is_one_story_in_a_small_batch():
    articles = [_trial(d, t, n) for n, (d, t) in enumerate(TRIAL)]
    corpus = analyze_articles(articles, Options(workers=1))
    assert [s.articles for s in corpus.stories] == [["t0", "t1"]]

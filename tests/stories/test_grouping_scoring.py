"""The scoring side of story grouping: the headline-against-lead feature, the error report of
`telaah eval stories --errors`, B-cubed on a gold without the asked split, and the grouped
folds of scripts/fit_story_scorer.py."""
import importlib.util
from datetime import date
from pathlib import Path

import pytest

from telaah.document import Article, Sentence
from telaah.evaluation.stories import bcubed, grouping_errors, main
from telaah.stories.grouping import FEATURES, GroupingConfig, StoryGrouper, load_scorer

ROOT = Path(__file__).resolve().parents[2]


def make(aid, lines, day, title=None, outlet=None):
    text = "\n".join(lines)
    sentences, pos = [], 0
    for n, line in enumerate(lines, 1):
        sentences.append(Sentence(id=f"{aid}:s{n}", start=pos, end=pos + len(line), block=n - 1))
        pos += len(line) + 1
    return Article(id=aid, text=text, published=day, title=title, outlet=outlet, sentences=sentences)


FLOOD = make("flood1", ["Banjir bandang melanda Kabupaten Garut setelah hujan deras mengguyur semalaman.",
                        "Bupati Garut Rudy Gunawan meninjau lokasi pengungsian."], date(2017, 5, 10),
             title="Banjir bandang landa Garut", outlet="antaranews")
FLOOD_LATER = make("flood2", ["Korban banjir bandang Garut bertambah menjadi 20 orang.",
                              "Tim evakuasi menyisir Sungai Cimanuk."], date(2017, 5, 12),
                   title="Korban banjir Garut bertambah", outlet="kumparan")
MATCH = make("match", ["Persib Bandung mengalahkan Persipura Jayapura di Stadion Gelora Bandung Lautan Api.",
                       "Pelatih Persib memuji anak asuhnya."], date(2017, 5, 10), title="Persib tekuk Persipura")


def test_title_lead_sees_a_headline_in_the_lead_of_another_report():
    grouper = StoryGrouper()
    grouper.add(FLOOD)
    story = grouper.clusters[grouper.story_of["flood1"]]
    x = grouper.pair_features(story, grouper.vectors(FLOOD_LATER))
    assert "title_lead" in FEATURES and 0.0 < x["title_lead"] <= 1.0 + 1e-9
    unrelated = grouper.pair_features(story, grouper.vectors(MATCH))
    assert unrelated["title_lead"] == 0.0


def test_shipped_scorer_uses_the_headline_views_with_sensible_signs():
    model = load_scorer("story_scorer.json")
    assert model["weights"]["title_lead"] > 0 and model["weights"]["span"] <= 0


def test_errors_report_a_split_story_with_its_features_and_a_merge():
    articles = [FLOOD, FLOOD_LATER, MATCH]
    gold = [{"story": "g1", "split": "dev", "ids": ["flood1", "flood2"]},
            {"story": "g2", "split": "dev", "ids": ["match"]}]
    config = GroupingConfig()
    split_lines = grouping_errors([["flood1"], ["flood2"], ["match"]], gold, articles, config)
    assert split_lines[0].startswith("SPLIT g1")
    assert any("kumparan" in line and "Korban banjir" in line for line in split_lines)
    assert any("vs earlier: score=" in line and "title_lead=" in line for line in split_lines)
    merged = grouping_errors([["flood1", "flood2", "match"]], gold, articles, config)
    assert merged[0].startswith("MERGE predicted story of 3: gold g1, g2")
    assert grouping_errors([["flood1", "flood2"], ["match"]], gold, articles, config) == []


def test_bcubed_of_a_split_the_gold_lacks_is_empty_not_a_crash():
    gold = [{"story": "g1", "split": "blind", "ids": ["a"]}]
    assert bcubed([["a"]], gold, "dev")["articles"] == 0
    assert bcubed([["a"]], gold)["f1"] == 1.0


def test_eval_refuses_a_missing_gold_file_cleanly(tmp_path, capsys):
    assert main(["--gold", str(tmp_path / "none.jsonl")]) == 2
    assert "error:" in capsys.readouterr().err


def _fit_script():
    spec = importlib.util.spec_from_file_location("fit_story_scorer", ROOT / "scripts" / "fit_story_scorer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fit_folds_keep_each_story_whole_and_spread_multi_article_stories():
    fit = _fit_script()
    gold = [{"story": f"m{n}", "ids": [f"m{n}a", f"m{n}b"]} for n in range(6)]
    gold += [{"story": f"s{n}", "ids": [f"s{n}"]} for n in range(4)]
    folds = fit.folds_of(gold, 3)
    assert sorted(r["story"] for f in folds for r in f) == sorted(r["story"] for r in gold)
    assert all(sum(len(r["ids"]) > 1 for r in f) == 2 for f in folds)


def test_fit_choice_prefers_the_most_regularised_near_best_point():
    fit = _fit_script()
    parts = {}
    for c in fit.C_GRID:
        for t in fit.THRESHOLD_GRID:
            f1 = 0.9 if (c, t) == (fit.C_GRID[-1], 0.3) else (0.898 if (c, t) == (fit.C_GRID[1], 0.3) else 0.8)
            parts[(c, t)] = [{"p": f1, "p_cut": f1, "r": f1, "n": 1}]
    c, t, (p, r, f1), _ = fit.choose(parts)
    assert (c, t) == (fit.C_GRID[1], 0.3) and f1 == pytest.approx(0.898)

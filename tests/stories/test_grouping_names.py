"""The name views of story grouping (reports of one event that share names but little wording),
and the two-gold fitting protocol of scripts/fit_story_scorer.py."""
import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

from telaah.document import Article, Sentence
from telaah.stories.grouping import FEATURES, StoryGrouper, load_scorer

ROOT = Path(__file__).resolve().parents[2]


def make(aid, lines, day, title=None):
    text = "\n".join(lines)
    sentences, pos = [], 0
    for n, line in enumerate(lines, 1):
        sentences.append(Sentence(id=f"{aid}:s{n}", start=pos, end=pos + len(line), block=n - 1))
        pos += len(line) + 1
    return Article(id=aid, text=text, published=day, title=title, sentences=sentences)


# One event told twice in other words: only the names (Antasari, Tangerang) are shared.
RELEASE = make("r1", ["Mantan Ketua KPK Antasari Azhar resmi bebas bersyarat dari Lapas Tangerang.",
                      "Keluarga menjemput Antasari di pintu lapas pagi itu."], date(2016, 11, 10),
               title="antasari azhar bebas bersyarat")
REACTION = make("r2", ["Penyidik senior menyambut Antasari sebagai bagian dari keluarga besar lembaga.",
                       "Ia berharap Antasari tetap sehat setelah keluar dari Tangerang."], date(2016, 11, 12),
                title="penyidik sambut antasari")
OTHER = make("o1", ["Harga bawang putih di pasar induk naik tajam menjelang Ramadan.",
                    "Pedagang mengeluhkan pasokan dari importir yang tersendat."], date(2016, 11, 11),
             title="harga bawang putih naik")


def grouper_with(*articles):
    g = StoryGrouper()
    for a in articles:
        g.observe(a)
    return g


def test_shared_rare_name_and_headline_name_are_seen_across_wording():
    g = grouper_with(RELEASE, REACTION, OTHER)
    g.add(RELEASE)
    story = g.clusters[0]
    x = g.pair_features(story, g.vectors(REACTION))
    assert {"name_rare", "title_names"} <= set(FEATURES)
    assert 0.0 < x["name_rare"] <= 3.0 and x["title_names"] > 0.0
    unrelated = g.pair_features(story, g.vectors(OTHER))
    assert unrelated["name_rare"] == 0.0 and unrelated["title_names"] == 0.0


def test_story_names_accumulate_and_are_freed_when_it_closes():
    g = grouper_with(RELEASE, REACTION, OTHER)
    g.add(RELEASE)
    story = g.clusters[0]
    assert "N:antasari" in story.names and "N:antasari" in story.title_names
    g._close(story)
    assert story.names == {} and story.title_names == set()


def test_shipped_scorer_weighs_rare_shared_names_up():
    model = load_scorer("story_scorer.json")
    assert model["weights"]["name_rare"] > 0
    note = json.loads((ROOT / "src/telaah/stories/model/story_scorer.json").read_text())["note"]
    assert "stories_gold.jsonl" in note and "stories_test_blind.jsonl" in note


def _fit_script():
    spec = importlib.util.spec_from_file_location("fit_story_scorer", ROOT / "scripts" / "fit_story_scorer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_folds_over_two_golds_hold_stories_of_both(tmp_path):
    fit = _fit_script()
    a, b = tmp_path / "stories_gold.jsonl", tmp_path / "stories_test_blind.jsonl"
    a.write_text("".join(json.dumps({"story": f"g{n}", "ids": [f"g{n}a", f"g{n}b"]}) + "\n" for n in range(7)))
    b.write_text("".join(json.dumps({"story": f"b{n}", "ids": [f"b{n}a"] + ([f"b{n}b"] if n < 3 else [])}) + "\n"
                         for n in range(5)))
    gold = fit.load_golds([a, b])
    folds = fit.folds_of(gold, 3)
    assert sorted(r["story"] for f in folds for r in f) == sorted(r["story"] for r in gold)
    assert all({r["file"] for r in f if len(r["ids"]) > 1} == {"stories_gold", "stories_test_blind"} for f in folds)
    files = fit.by_file(gold)
    assert files["all"] == files["stories_gold"] | files["stories_test_blind"] and len(files["all"]) == 14 + 8


def test_two_golds_may_not_share_a_story_id(tmp_path):
    fit = _fit_script()
    a, b = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    for path in (a, b):
        path.write_text(json.dumps({"story": "g1", "ids": [path.stem]}) + "\n")
    with pytest.raises(ValueError, match="g1"):
        fit.load_golds([a, b])


def test_a_story_pickled_before_the_name_views_still_scores():
    import pickle

    g = grouper_with(RELEASE, REACTION, OTHER)
    g.add(RELEASE)
    story = g.clusters[0]
    del story.names, story.title_names  # as an older telaah pickled it into a store
    old = pickle.loads(pickle.dumps(story))
    assert old.names == {} and old.title_names == set()
    assert g.pair_features(old, g.vectors(REACTION))["name_rare"] == 0.0

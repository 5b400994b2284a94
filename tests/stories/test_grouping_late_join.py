"""A continuation after a quiet spell (``confident_days``) joins its story only on strong
evidence; off by default, so ordinary grouping is unchanged."""
from dataclasses import replace
from datetime import date

from telaah.document import Article, Sentence
from telaah.stories.grouping import GroupingConfig, StoryGrouper, group_articles


def make(aid, text, day):
    return Article(id=aid, text=text, published=day, sentences=[Sentence(f"{aid}:s1", 0, len(text), 0)])


FLOOD = "Banjir bandang melanda Kabupaten Garut setelah hujan deras, ratusan rumah warga Garut terendam."
FLOOD_2 = "Korban banjir bandang Garut bertambah, BPBD Garut mencatat ratusan rumah terendam banjir."


def late_pair(config):
    return group_articles([make("a1", FLOOD, date(2017, 5, 1)), make("a2", FLOOD_2, date(2017, 5, 11))], config)


def test_late_join_off_by_default_and_window_closes():
    assert GroupingConfig().confident_days is None
    corpus = GroupingConfig(batch_articles=0)  # grouped as an archive, not a small batch
    assert late_pair(corpus) == [["a1"], ["a2"]]  # ten days: out of the 7-day window


def test_small_batch_joins_a_late_report_only_on_strong_evidence():
    # a person's two articles on one flood, ten days apart: the batch's look-back reaches them
    assert late_pair(GroupingConfig()) == [["a1", "a2"]]
    strict = GroupingConfig(batch_late_threshold=1.01)
    assert late_pair(strict) == [["a1"], ["a2"]]


def test_late_join_needs_the_late_threshold():
    config = replace(GroupingConfig(), window_days=14.0, confident_days=7.0, threshold=0.05)
    g = StoryGrouper(config)
    first, late = make("a1", FLOOD, date(2017, 5, 1)), make("a2", FLOOD_2, date(2017, 5, 11))
    g.observe(first)
    g.observe(late)  # as group_articles does: frequencies over the batch first
    g.add(first)
    v = g.vectors(late)
    score = g._score(g.clusters[0], v)
    assert score >= config.threshold
    assert late_pair(replace(config, late_threshold=score + 0.01)) == [["a1"], ["a2"]]
    assert late_pair(replace(config, late_threshold=score)) == [["a1", "a2"]]
    assert late_pair(replace(config, confident_days=None)) == [["a1", "a2"]]  # plain 14-day window


def test_late_rule_leaves_reports_within_confident_days_alone():
    config = replace(GroupingConfig(), window_days=14.0, confident_days=7.0, late_threshold=1.01, threshold=0.05)
    pair = [make("a1", FLOOD, date(2017, 5, 1)), make("a2", FLOOD_2, date(2017, 5, 4))]
    assert group_articles(pair, config) == [["a1", "a2"]]

"""The view helpers: nested annotation rendering, the disputed-figure chart, search snippets."""
from markupsafe import Markup

from telaah.web.views import Span, dispute_chart, nest, non_overlapping, sentence_url, snippet_html


def test_nest_keeps_text_exact_and_tags_balanced():
    text = "Budi berkata <b>200</b> orang hadir."
    sentences = [Span(0, len(text), Markup('<span id="s1">'), Markup("</span>"), Markup("<span>"))]
    quotes = [Span(13, 28, Markup("<q>"), Markup("</q>"))]
    marks = [Span(0, 4, Markup("<mark>"), Markup("</mark>")), Span(20, 30, Markup("<i>"), Markup("</i>"))]
    html = str(nest(text, 0, len(text), [sentences, quotes, marks]))
    assert "<b>" not in html and "&lt;b&gt;" in html
    # the mark crossing the quote's end is split at that edge, so the tags nest properly
    assert html.count("<i>") == 2 and "</i></q><i>" in html
    plain = html
    for tag in ('<span id="s1">', "</span>", "<q>", "</q>", "<mark>", "</mark>", "<i>", "</i>"):
        plain = plain.replace(tag, "")
    assert plain.replace("&lt;", "<").replace("&gt;", ">") == text


def test_a_split_sentence_keeps_its_id_once():
    text = "Satu dua.\n\ntiga empat."
    sent = [Span(0, len(text), Markup('<span id="s-x">'), Markup("</span>"), Markup("<span>"))]
    html = str(nest(text, 0, 9, [sent])) + str(nest(text, 11, len(text), [sent]))
    assert html.count('id="s-x"') == 1


def test_non_overlapping_prefers_rank():
    a, b = Span(0, 5, Markup(""), Markup("")), Span(3, 8, Markup(""), Markup(""))
    assert non_overlapping([a, b], lambda s: -s.start) == [b]


def test_dispute_chart_escapes_labels_and_draws_each_source():
    rows = [{"text": "12 orang", "value": 12, "low": None, "high": None, "label": "<script>x</script>",
             "date": "2024-03-04", "date_inferred": False},
            {"text": "ratusan", "value": None, "low": 100, "high": 999, "label": "B", "date": "2024-03-06",
             "date_inferred": True},
            {"text": "5", "value": 5, "low": None, "high": None, "label": "C", "date": None, "date_inferred": False}]
    svg = str(dispute_chart(rows, "orang <tewas>"))
    assert svg.startswith("<svg") and "<script>" not in svg and "&lt;script&gt;" in svg
    assert svg.count("<circle") == 1 and 'stroke-width="4"' in svg  # a value and a range; undated left out
    assert "style=" not in svg
    assert "No dated values" in str(dispute_chart(rows[2:], "x"))


def test_snippet_and_links_are_escaped():
    assert str(snippet_html([["a <b>", False], ["hit", True]])) == "a &lt;b&gt;<mark>hit</mark>"
    assert sentence_url("x/y z", "x/y z:s1") == "/articles/x%2Fy%20z#s-x_2f_y_20_z_3a_s1"


def test_a_statement_taking_part_through_one_sentence_shows_that_sentence():
    """A long assertion whose second sentence denies is listed under deny with that sentence."""
    from telaah.web.views import story_view

    text = '"Pihak keluarga yang meminta mundur. Bukan Djanur mundur," ujar Irfan.'
    start = 1
    end = text.index('," ujar')
    deny_at = text.index("Bukan")
    dossier = {
        "articles": [{"id": "a1", "text": text, "title": "t", "published": "2017-06-06", "outlet": "x",
                      "blocks": [{"start": 0, "end": len(text), "kind": "body"}],
                      "sentences": [{"id": "a1:s1", "start": 0, "end": len(text)}]}],
        "quotes": [{"id": "q1", "article": "a1", "sentence": "a1:s1", "start": start, "end": end,
                    "text": text[start:end], "direct": True, "stance": "assert",
                    "speaker": {"text": "Irfan", "start": 0, "end": 0, "entity": None}}],
        "numbers": [], "entities": [], "times": [],
        "stories": [{"id": "s1", "title": "t", "articles": ["a1"], "summary": [], "timeline": [],
                     "number_disputes": [],
                     "claim_conflicts": [{"claim": "Djanur mundur", "assert": [], "deny": ["q1"], "unconfirmed": [],
                                          "passages": [{"quote": "q1", "role": "deny", "article": "a1",
                                                        "start": deny_at, "end": end, "text": text[deny_at:end]}]}]}],
    }
    view = story_view(dossier, "s1")
    [side] = view["conflicts"][0]["sides"]
    [q] = side["quotes"]
    assert q["text"] == "… Bukan Djanur mundur" and q["stance"] == "deny"


def test_a_toll_that_grew_is_shown_as_change_and_not_counted_as_a_dispute():
    """(session 24 review) The view carries the dispute's ``change``: a rising toll reads
    "changed over time" and the disputed-figure badge leaves it out, as the report does."""
    from telaah.dossier.readout import contradicts, dispute_status
    from telaah.web.views import story_view

    text = "Korban tewas 9 orang. Korban tewas naik menjadi 12 orang."
    dossier = {
        "articles": [{"id": a, "text": text, "title": "t", "published": day, "outlet": a,
                      "blocks": [{"start": 0, "end": len(text), "kind": "body"}],
                      "sentences": [{"id": f"{a}:s1", "start": 0, "end": len(text)}]}
                     for a, day in (("a1", "2026-11-18"), ("a2", "2026-11-19"))],
        "quotes": [], "entities": [], "times": [],
        "numbers": [{"id": "n1", "article": "a1", "sentence": "a1:s1", "start": 13, "end": 20, "text": "9 orang", "value": 9},
                    {"id": "n2", "article": "a2", "sentence": "a2:s1", "start": 43, "end": 51, "text": "12 orang", "value": 12}],
        "stories": [{"id": "s1", "title": "t", "articles": ["a1", "a2"], "summary": [], "timeline": [],
                     "claim_conflicts": [],
                     "number_disputes": [{"object": "orang tewas", "head": "dead", "numbers": ["n1", "n2"],
                                          "disputed": True, "change": "rising"}]}],
    }
    view = story_view(dossier, "s1")
    [d] = view["disputes"]
    assert d["status"] == dispute_status(dossier["stories"][0]["number_disputes"][0])
    assert d["status"].startswith("changed over time: rising")
    assert view["n_disputed"] == 0
    assert not contradicts({"disputed": True, "change": "rising"}) and contradicts({"disputed": True, "change": None})
    assert not contradicts({"disputed": False})

"""The quote stage's fast paths give what the slower formulations they replace give."""
import re

from telaah.quotes.extract import (QUOTE_MARKS, _Text, _content_deny, _cue_starters, _direct_spans, _indirect,
                                   _paragraphs, lexicon)

TEXT = ("Menurut Kapolri, pelaku sudah ditangkap. Jokowi mengatakan bahwa proyek itu selesai, "
        "ujarnya. Hal itu dibantah oleh juru bicara KPK, katanya kepada wartawan.\n\n"
        "\"Saya dituduh menerima uang. Padahal saya tidak menerima apa pun,\" tegasnya. "
        "Ia bukan dalang kerusuhan seperti yang dituduhkan polisi, kata pengacaranya. "
        "Cuaca cerah sepanjang hari di pantai itu.")


def test_cue_starts_equal_the_suffix_and_lookup_test():
    lex = lexicon()
    t = _Text(TEXT)
    slow = [i for i, w in enumerate(t.low)
            if w in lex.first_words or (w.endswith("nya") and (w[:-3],) in lex.cues)]
    assert t.cue_starts == slow
    for w in ("katanya", "ujarnya", "tegasnya", "menurutnya", "nya", "bantahnya", "rumahnya"):
        assert (w in _cue_starters()) == (w in lex.first_words or (w.endswith("nya") and (w[:-3],) in lex.cues))


def test_quote_marks_found_in_place_as_in_a_slice():
    for ps, pe in _paragraphs(TEXT):
        marks = [ps + m.start() for m in re.finditer(f"[{QUOTE_MARKS}]", TEXT[ps:pe])]
        spans = _direct_spans(TEXT, (ps, pe))
        assert {o for o, _, _ in spans} <= set(marks)
    assert _direct_spans(TEXT, _paragraphs(TEXT)[1])  # the quotation is found


def test_content_denials_with_and_without_the_literal_prefilter():
    assert _content_deny(TEXT, TEXT.index("Saya dituduh"), TEXT.index(",\" tegas"), "assert") == "deny"
    start = TEXT.index("Ia bukan")
    assert _content_deny(TEXT, start, TEXT.index(", kata peng"), "assert") == "deny"
    assert _content_deny(TEXT, TEXT.index("Cuaca"), len(TEXT), "assert") == "assert"


def test_region_without_a_cue_start_yields_nothing():
    t = _Text(TEXT)
    start = TEXT.index("Cuaca")
    assert _indirect(t, start, len(TEXT)) == ([], [])
    assert _indirect(t, 0, TEXT.index("ujarnya"))[0]  # a region with cues still has its statements

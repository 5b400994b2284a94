"""The reported-speech scan jumps between the tokens a cue may start at (_Text.cue_starts)."""
from telaah.quotes.extract import _Text


def test_cue_starts_hold_every_token_a_cue_starts_at():
    text = ("Menurut Kapolri, pelaku sudah ditangkap. Jokowi mengatakan bahwa proyek itu selesai, "
            "ujarnya. Hal itu dibantah oleh juru bicara KPK, katanya kepada wartawan. "
            "Ia menegaskan, tuduhan tersebut tidak benar.")
    t = _Text(text)
    found = [i for i in range(len(t.low)) if t.match_cue(i, len(t.low))[0]]
    assert found  # the text has cues
    assert set(found) <= set(t.cue_starts)
    assert t.cue_starts == sorted(t.cue_starts)

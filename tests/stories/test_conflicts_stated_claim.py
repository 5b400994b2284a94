"""A denial that spells out what it denies ("kabar bahwa P itu tidak benar") answers P: when P
shares almost nothing with the story's accusation it is a claim of its own, not a reply to the
accusation (session 12, from an analyst's probe of a bribery story)."""
import pytest

from test_stories_conflicts import _article, _run

ACCUSATION = ("Andreas", "accuse", "Andreas menuding Hendra menerima suap Rp2 miliar dari PT Sarana.",
              "Hendra menerima suap Rp2 miliar dari PT Sarana")


def test_a_denied_rumour_is_a_claim_of_its_own():
    a1 = _article("a1", [ACCUSATION])
    a2 = _article("a2", [
        ("Hendra", "deny", "Hendra membantah tudingan bahwa dirinya menerima suap dari PT Sarana.",
         "tudingan bahwa dirinya menerima suap dari PT Sarana"),
        ("Rudi", "deny", "Rudi membantah kabar yang beredar bahwa KPK sudah menetapkan Hendra sebagai tersangka.",
         "kabar yang beredar bahwa KPK sudah menetapkan Hendra sebagai tersangka"),
        ("Juru bicara", "deny",
         "Juru bicara berkata: Kabar bahwa KPK sudah menetapkan menteri sebagai tersangka itu tidak benar.",
         "Kabar bahwa KPK sudah menetapkan menteri sebagai tersangka itu tidak benar"),
    ])
    bribe, rumour = _run(a1, a2)
    assert bribe["assert"] == ["q1"] and bribe["deny"] == ["q2"]
    assert rumour["assert"] == [] and rumour["deny"] == ["q3", "q4"]
    assert rumour["claim"] == "KPK sudah menetapkan Hendra sebagai tersangka"


@pytest.mark.parametrize("sentence,content", [
    # what is denied is the accusation itself, spelled out again
    ("Hendra membantah tudingan bahwa dirinya menerima suap Rp2 miliar.", "tudingan bahwa dirinya menerima suap Rp2 miliar"),
    # "bahwa" opens the denier's own words, not the claim
    ('Hendra mengatakan tuduhan itu "fitnah" dan bahwa dia tidak pernah menerima uang dari perusahaan mana pun.',
     'tuduhan itu "fitnah" dan bahwa dia tidak pernah menerima uang dari perusahaan mana pun'),
    # no proposition spelled out: a loose denial still pairs with the accusation
    ("Hendra menyebut tuduhan itu fitnah yang bermotif politik.", "tuduhan itu fitnah yang bermotif politik"),
])
def test_a_denial_of_the_accusation_stays_with_it(sentence, content):
    a1 = _article("a1", [ACCUSATION])
    a2 = _article("a2", [("Hendra", "deny", sentence, content)])
    [c] = _run(a1, a2)
    assert c["assert"] == ["q1"] and c["deny"] == ["q2"]

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


def _with_role(article, quote_index, role):
    article.quotes[quote_index].speaker.role = role
    return article


def test_a_member_does_not_deny_his_own_organisations_accusation():
    # the students' leader denies the police's provocateur claim, not his union's accusation
    a1 = _article("a1", [
        ("BEM SI", "accuse", "BEM SI menuding polisi menggunakan kekerasan berlebihan saat membubarkan massa.",
         "polisi menggunakan kekerasan berlebihan saat membubarkan massa"),
        ("Arief", "assert", "Arief menegaskan bahwa kericuhan dipicu oleh provokator.", "kericuhan dipicu oleh provokator"),
    ])
    a2 = _with_role(_article("a2", [
        ("Rizky", "deny", "Rizky membantah tudingan polisi soal kekerasan berlebihan dan provokator.",
         "tudingan polisi soal kekerasan berlebihan dan provokator"),
    ]), 0, "Koordinator Pusat BEM SI")
    claims = _run(a1, a2)
    assert not any("q1" in c["assert"] and "q3" in c["deny"] for c in claims)
    assert any("q3" in c["deny"] for c in claims)  # the denial is still surfaced


def test_one_party_denying_another_in_several_sentences_is_one_contradiction():
    a1 = _article("a1", [
        ("Arief", "assert", "Arief menegaskan bahwa kericuhan dipicu oleh provokator.", "kericuhan dipicu oleh provokator"),
        ("Arief", "assert", "Arief mengatakan orang berpakaian hitam menyusup dan melempari petugas dengan batu.",
         "orang berpakaian hitam menyusup dan melempari petugas dengan batu"),
    ])
    a2 = _article("a2", [
        ("Rizky", "deny", "Rizky membantah tudingan bahwa kericuhan dipicu oleh mahasiswa.",
         "tudingan bahwa kericuhan dipicu oleh mahasiswa"),
        ("Rizky", "deny", "Rizky mengatakan mahasiswa tidak pernah membawa batu, orang berpakaian hitam itu bukan mereka.",
         "mahasiswa tidak pernah membawa batu, orang berpakaian hitam itu bukan mereka"),
    ])
    [c] = _run(a1, a2)
    assert c["assert"] == ["q1", "q2"] and sorted(c["deny"]) == ["q3", "q4"]


def test_the_claim_is_not_named_by_a_clause_of_time_or_cause():
    """"…, setelah hasil awal menunjukkan …" dates the accusation; what is claimed is the fraud
    (session 13, probe 4: an election story named its claim by the vote share)."""
    a1 = _article("a1", [
        ("Petrovic", "accuse", "Petrovic menuduh partai berkuasa melakukan kecurangan dalam pemilu, setelah hasil "
         "awal menunjukkan koalisi pemerintah memenangkan 47 persen suara.",
         "partai berkuasa melakukan kecurangan dalam pemilu, setelah hasil awal menunjukkan koalisi pemerintah "
         "memenangkan 47 persen suara")])
    a2 = _article("a2", [("Komisi", "deny", "Komisi membantah hasil pemungutan suara dicurangi.",
                          "hasil pemungutan suara dicurangi")])
    [c] = _run(a1, a2)
    assert c["claim"].startswith("partai berkuasa melakukan kecurangan"), c["claim"]

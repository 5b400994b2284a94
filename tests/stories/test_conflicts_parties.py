"""Session 15 (probes 5b and 6, the second written blind): which accusation a denial answers,
who counts as one party, and refusals to comment. Sentences are synthetic, in the shape of the
probes' problems."""
from test_stories_conflicts import _article, _run


def test_a_denial_of_its_own_proposition_does_not_answer_an_unrelated_accusation():
    a1 = _article("a1", [
        ("Mejri", "accuse", "Mejri menyalahkan provokator asing yang menyusup ke barisan pengunjuk rasa.",
         "provokator asing yang menyusup ke barisan pengunjuk rasa"),
    ])
    a2 = _article("a2", [
        ("Kementerian", "deny", "Kementerian membantah polisi menggunakan amunisi hidup.", "polisi menggunakan amunisi hidup"),
    ])
    claims = _run(a1, a2)
    assert [c["assert"] for c in claims] == [[]]  # a denial on its own, not a reply to Mejri


def test_a_denial_of_fault_answers_blame_without_a_shared_word():
    a1 = _article("a1", [
        ("Yusran", "accuse", "Yusran menuding manajemen mengabaikan peringatan soal keselamatan kerja.",
         "manajemen mengabaikan peringatan soal keselamatan kerja"),
    ])
    a2 = _article("a2", [
        ("Meilani", "deny", "Meilani membantah ledakan terjadi karena kelalaian perusahaan.",
         "ledakan terjadi karena kelalaian perusahaan"),
    ])
    [c] = _run(a1, a2)
    assert c["assert"] == ["q1"] and c["deny"] == ["q2"]


def test_two_voices_of_one_foreign_country_are_one_party():
    a1 = _article("a1", [
        ("Yerevan", "assert", "Yerevan mengatakan pasukan Azerbaijan memulai penembakan.",
         "pasukan Azerbaijan memulai penembakan"),
        ("Kementerian Pertahanan Armenia", "deny",
         "Kementerian Pertahanan Armenia membantah bahwa pasukannya memulai penembakan.",
         "pasukannya memulai penembakan"),
    ])
    claims = _run(a1)
    assert not any("q1" in c["assert"] and "q2" in c["deny"] for c in claims)  # Armenia does not contradict itself


def test_a_refusal_to_comment_joins_the_story_s_one_contradiction_and_a_decliner_asserts_nothing():
    a1 = _article("a1", [
        ("Darius", "accuse", "Darius menuding Kemendag memanipulasi data stok beras.", "Kemendag memanipulasi data stok beras"),
        ("Kemendag", "deny", "Kemendag membantah memanipulasi data stok beras.", "memanipulasi data stok beras"),
        ("Bulog", "assert", "Bulog menyebut data stok beras berbeda dari angka Kemendag.",
         "data stok beras berbeda dari angka Kemendag"),
        ("Bulog", "unconfirmed", "Bulog enggan menanggapi tudingan manipulasi data stok beras itu.",
         "tudingan manipulasi data stok beras itu"),
        ("Adita", "unconfirmed", "Adita belum bisa berkomentar.", "berkomentar"),
    ])
    [c] = _run(a1)
    assert c["assert"] == ["q1"] and c["deny"] == ["q2"]
    assert set(c["unconfirmed"]) == {"q4", "q5"}


def test_a_refusal_does_not_open_a_claim_on_an_assertion_that_defers():
    a1 = _article("a1", [
        ("Yohanes", "assert", "Yohanes mengatakan penetapan tersangka ledakan smelter menunggu hasil labfor.",
         "penetapan tersangka ledakan smelter menunggu hasil labfor"),
        ("Ridwan", "unconfirmed", "Ridwan belum bisa memastikan tersangka ledakan smelter itu.",
         "tersangka ledakan smelter itu"),
    ])
    assert _run(a1) == []


def test_a_reported_accusation_names_the_claim_before_a_quoted_one():
    a1 = _article("a1", [
        ("Darius", "accuse", "Darius berkata: Ini manipulasi data, tiba-tiba Kemendag bilang 800 ribu ton.",
         "Ini manipulasi data, tiba-tiba Kemendag bilang 800 ribu ton"),
        ("Darius", "accuse", "Darius menuding Kementerian Perdagangan memanipulasi data stok beras.",
         "Kementerian Perdagangan memanipulasi data stok beras"),
        ("Ratna", "deny", "Ratna membantah ada manipulasi data stok beras.", "ada manipulasi data stok beras"),
    ])
    a1.quotes[0].direct = True
    [c] = _run(a1)
    assert c["claim"].startswith("Kementerian Perdagangan memanipulasi")


def test_the_accused_side_s_own_assertion_is_a_defence_not_support():
    """Session 25 (probe 10): "Perusahaan selalu mematuhi … standar keselamatan" beside the
    company's denial is no assertion of the union's claim that it ignored safety standards."""
    a1 = _article("a1", [
        ("Serikat Pekerja", "accuse", "Serikat Pekerja menuding perusahaan telah lama mengabaikan standar keselamatan kerja.",
         "perusahaan telah lama mengabaikan standar keselamatan kerja"),
        ("Perusahaan", "deny", "Perusahaan membantah mengabaikan standar keselamatan kerja.",
         "mengabaikan standar keselamatan kerja"),
    ])
    a2 = _article("a2", [
        ("Perusahaan", "assert", "Perusahaan mengatakan selalu mematuhi standar keselamatan kerja yang berlaku.",
         "selalu mematuhi standar keselamatan kerja yang berlaku"),
    ])
    [c] = _run(a1, a2)
    assert c["assert"] == ["q1"] and c["deny"] == ["q2"]


def test_a_denied_claim_that_is_itself_negative_still_meets_its_accusation():
    """Session 25 (probe 11): "membantah tudingan bahwa dapurnya tidak higienis" answers "makanan
    diolah dengan cara yang tidak higienis"; both negate "higienis", and that is the claim."""
    a1 = _article("a1", [
        ("Heru", "assert", "Heru mengatakan makanan diolah dengan cara yang tidak higienis di dapur katering.",
         "makanan diolah dengan cara yang tidak higienis di dapur katering"),
    ])
    a2 = _article("a2", [
        ("Sutinah", "deny", "Sutinah membantah tudingan bahwa dapurnya tidak higienis.",
         "tudingan bahwa dapurnya tidak higienis"),
    ])
    [c] = _run(a1, a2)
    assert c["assert"] == ["q1"] and c["deny"] == ["q2"]

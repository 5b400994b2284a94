"""Near-duplicate detection: republished copies with new chrome and light edits."""
from datetime import date

import pytest

from telaah.document import Article, Corpus, Sentence
from telaah.pipeline import Options
from telaah.stories.duplicates import DuplicateStage, find_near_duplicates, jaccard, shingles

BODY = [
    "Satu pesawat latih dilaporkan jatuh di areal persawahan Dusun Tunggul Wulung, Jeruklegi, Kabupaten Cilacap, Rabu pagi.",
    "Pesawat jenis Piper Warrior milik sekolah penerbangan itu diterbangkan seorang instruktur dan seorang siswa.",
    "Kepala Kepolisian Resor Cilacap mengatakan kedua awak selamat meskipun mengalami luka ringan di bagian kepala.",
    "Petugas masih menyelidiki penyebab jatuhnya pesawat yang lepas landas dari Bandara Tunggul Wulung pukul 07.30 WIB.",
    "Warga sekitar berbondong-bondong mendatangi lokasi kejadian untuk melihat bangkai pesawat di tengah sawah.",
]


def make(aid, lines, published=None, chrome=("",)):
    """An article whose sentences are its body lines; chrome lines are not sentences."""
    text, sentences, pos = "", [], 0
    for line in [*chrome, *lines]:
        if line in lines:
            sentences.append(Sentence(id=f"{aid}:s{len(sentences) + 1}", start=pos, end=pos + len(line), block=0))
        text += line + "\n"
        pos += len(line) + 1
    return Article(id=aid, text=text, published=published, sentences=sentences)


def test_republished_copy_with_new_chrome_and_light_edits_points_to_earliest():
    original = make("antara", BODY, date(2016, 10, 19), chrome=("Semarang (ANTARA News) -",))
    edited = [BODY[0].replace("Rabu pagi", "pada Rabu (19/10) pagi"), *BODY[1:4]]
    copy = make("portal", edited, date(2016, 10, 20), chrome=("RADAR JATENG", "Baca juga: Harga cabai naik"))
    copy2 = make("portal2", BODY, date(2016, 10, 21), chrome=("Cilacap, Rabu -",))
    # input order must not matter: the earliest copy is the original
    assert find_near_duplicates([copy2, copy, original]) == {"portal": "antara", "portal2": "antara"}


def test_same_event_in_other_words_is_not_a_duplicate():
    a = make("a", BODY, date(2016, 10, 19))
    b = make("b", [
        "Sebuah pesawat latih milik sekolah penerbangan terjatuh di sawah warga Cilacap.",
        "Dua orang di dalamnya, instruktur dan siswa pilot, berhasil dievakuasi dengan selamat.",
        "Polisi memasang garis polisi dan menunggu tim penyelidik dari Jakarta.",
    ], date(2016, 10, 19))
    assert find_near_duplicates([a, b]) == {}


def test_undated_articles_fall_back_to_input_order():
    a, b = make("first", BODY), make("second", BODY)
    assert find_near_duplicates([a, b]) == {"second": "first"}


def test_shingles_ignore_case_and_punctuation():
    assert shingles("Satu, DUA tiga; empat lima!") == shingles("satu dua tiga empat lima")
    assert jaccard(set(), {"x"}) == 0.0


def test_bad_threshold_is_a_clear_error():
    with pytest.raises(ValueError, match="threshold"):
        find_near_duplicates([], threshold=0)


def test_stage_marks_duplicate_of_and_declares_its_contract():
    corpus = Corpus(articles=[make("x", BODY, date(2017, 1, 1)), make("y", BODY, date(2017, 1, 2)),
                              make("z", ["Sesuatu yang sama sekali berbeda terjadi di tempat lain hari ini."])])
    DuplicateStage()(corpus, Options())
    assert [a.duplicate_of for a in corpus.articles] == [None, "x", None]
    assert DuplicateStage.requires == ("article.sentences",)
    assert DuplicateStage.assigns == ("article.duplicate_of",)

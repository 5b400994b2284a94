"""Recognition of PER/ORG/LOC mentions, role stripping, and gazetteer integrity."""
from __future__ import annotations

import csv
from importlib import resources

import pytest

from telaah.document import Article, Sentence
from telaah.entities import EntityStage
from telaah.entities.gazetteer import COLUMNS, TYPES, capital_country, gazetteer_files, load_gazetteer, lookup
from telaah.entities.recognize import load_model, recognize
from telaah.pipeline import Options


def sentences_of(text: str) -> list[Sentence]:
    """One sentence per line (tests do not depend on the sentence splitter)."""
    out, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        if line.strip():
            out.append(Sentence(f"a:s{i}", pos, pos + len(line), 0))
        pos += len(line) + 1
    return out


def found(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in recognize(text, sentences_of(text))}


def test_model_loads():
    assert load_model() is not None


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Presiden Rusia Vladimir Putin mengatakan hal itu di Moskow.", "Vladimir Putin", "Presiden Rusia"),
        ("Juru bicara Kemlu Lalu Muhammad Iqbal mengatakan WNI dalam keadaan aman.", "Lalu Muhammad Iqbal", "Juru bicara Kemlu"),
        ("Menteri Luar Negeri Retno Marsudi bertemu mitranya di Jakarta.", "Retno Marsudi", "Menteri Luar Negeri"),
        ("Presiden Joko Widodo meresmikan jalan tol itu pada Senin.", "Joko Widodo", "Presiden"),
        ("Kapolri Jenderal Tito Karnavian menyatakan pelaku sudah ditangkap.", "Tito Karnavian", "Kapolri Jenderal"),
    ],
)
def test_titles_and_roles_are_not_part_of_the_name(text, name, role):
    mentions = [m for m in recognize(text, sentences_of(text)) if m.type == "PER"]
    assert [m.text for m in mentions] == [name]
    assert mentions[0].role == role
    assert text[mentions[0].start:mentions[0].end] == name


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ketua KPK Agus Rahardjo bertemu pimpinan DPR di Jakarta.",
         {("Agus Rahardjo", "PER"), ("KPK", "ORG"), ("DPR", "ORG"), ("Jakarta", "LOC")}),
        ("Korea Utara mengirim pasukan ke Rusia, kata Kementerian Pertahanan Korea Selatan.",
         {("Korea Utara", "LOC"), ("Rusia", "LOC")}),
        ("Sekretaris Jenderal PBB Antonio Guterres mengecam serangan itu.",
         {("PBB", "ORG"), ("Antonio Guterres", "PER")}),
        # a province the model leaves untagged is a place, and an organisation's regional branch
        ("Polisi dari Polda Jawa Tengah menangkap dua orang di Jawa Tengah.",
         {("Jawa Tengah", "LOC"), ("Polda Jawa Tengah", "ORG")}),
    ],
)
def test_known_entities_in_sentences(text, expected):
    assert expected <= found(text)


def test_offsets_are_standoff_and_sentence_ids_set():
    text = "Judul berita\nPresiden Rusia Vladimir Putin tiba di Beijing pada Rabu.\n"
    sents = sentences_of(text)[1:]
    for m in recognize(text, sents):
        assert text[m.start:m.end] == m.text
        assert m.sentence == sents[0].id


def test_entity_stage_assigns_mentions():
    text = "Presiden Joko Widodo berkunjung ke Jepang."
    art = Article(id="a", text=text, sentences=sentences_of(text))
    stage = EntityStage()
    assert stage.requires == ("article.sentences",) and stage.assigns == ("article.mentions",)
    stage(art, Options())
    assert ("Joko Widodo", "PER") in {(m.text, m.type) for m in art.mentions}


def test_empty_input_gives_no_mentions():
    assert recognize("", []) == []
    assert recognize("   ", [Sentence("a:s0", 0, 3, 0)]) == []


# --- gazetteer -----------------------------------------------------------------------------

def test_gazetteer_files_have_the_columns_and_no_duplicates():
    root = resources.files("telaah.lang").joinpath("id")
    for fname in gazetteer_files():
        lines = [ln for ln in root.joinpath(fname).read_text(encoding="utf-8").splitlines()
                 if ln and not ln.startswith("#")]
        rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
        assert tuple(rows[0]) == COLUMNS, fname
        keys = [tuple(r[:5]) for r in rows[1:]]
        assert all(len(r) == len(COLUMNS) for r in rows[1:]), fname
        assert len(keys) == len(set(keys)), fname
        for r in rows[1:]:
            assert r[0].strip() == r[0] and r[0], (fname, r)
            assert r[1] in TYPES, (fname, r)
            assert r[4] == "" or (len(r[4]) == 2 and r[4].isupper()), (fname, r)
            assert r[5], (fname, r)


@pytest.mark.parametrize(
    "name, canonical, typ",
    [
        ("AS", "Amerika Serikat", "LOC"),
        ("Korsel", "Korea Selatan", "LOC"),
        ("UEA", "Uni Emirat Arab", "LOC"),
        ("PBB", "Perserikatan Bangsa-Bangsa", "ORG"),
        ("UN", "Perserikatan Bangsa-Bangsa", "ORG"),
        ("UE", "Uni Eropa", "ORG"),
        ("Kemlu", "Kementerian Luar Negeri", "ORG"),
        ("Kemenlu", "Kementerian Luar Negeri", "ORG"),
        ("Bawaslu", "Badan Pengawas Pemilihan Umum", "ORG"),
        ("AFP", "Agence France-Presse", "ORG"),
        ("Erdoğan", "Recep Tayyip Erdogan", "PER"),
        ("Sergei Lavrov", "Sergey Lavrov", "PER"),
        ("DKI Jakarta", "Jakarta", "LOC"),  # the city and the province are one place in news
        ("Jakarta", "Jakarta", "LOC"),
    ],
)
def test_gazetteer_lookup(name, canonical, typ):
    assert any(e.canonical == canonical and e.type == typ for e in lookup(name))


def test_capital_links_to_country():
    assert capital_country("Teheran") == "Iran"
    assert capital_country("Moskow") == "Rusia"
    assert capital_country("Surabaya") is None


def test_gazetteer_covers_every_kind():
    kinds = {e.kind for e in load_gazetteer()}
    assert {"country", "capital", "intl_org", "institution", "ministry", "news_agency",
            "head_of_state", "foreign_minister", "spokesperson"} <= kinds


def test_decode_reads_iob2_as_the_plain_loop_does():
    """decode visits only the tagged tokens; it gives what a walk over every tag gives."""
    import itertools

    from telaah.entities.recognize import decode

    def every_tag(tags):
        out, start, typ = [], None, None
        for i, t in enumerate([*tags, "O"]):
            if t == "O" or t.startswith("B-") or t[2:] != typ:
                if start is not None:
                    out.append((start, i, typ))
                start, typ = (i, t[2:]) if t != "O" else (None, None)
        return out

    labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    for n in range(6):
        for tags in itertools.product(labels, repeat=n):
            assert decode(list(tags)) == every_tag(list(tags)), tags

import io
import json
from datetime import date

import pytest

from telaah.document import Article
from telaah.readers import IgnoredFile, InputProblem, read_inputs, unique_ids

BODY = "Presiden Joko Widodo meresmikan jembatan itu pada Senin (4/3). Jembatan itu panjangnya 1.500 meter.\n"


def read(paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def test_text_file_kept_exactly(tmp_path):
    text = "Judul\r\n\r\n" + BODY.replace("\n", "\r\n")
    p = tmp_path / "berita-satu.txt"
    p.write_bytes(text.encode("utf-8"))
    [art] = read([p])
    assert isinstance(art, Article)
    assert art.text == text and art.id == "berita-satu" and art.source == str(p)
    assert art.warnings == []


def test_cp1252_falls_back_with_warning(tmp_path):
    text = "“Kami menolak,” kata Café Jaya. " + BODY
    p = tmp_path / "lama.txt"
    p.write_bytes(text.encode("cp1252"))
    [art] = read([p])
    assert art.text == text
    assert any("not valid UTF-8" in w and "decoded as" in w for w in art.warnings)


def test_latin1_falls_back(tmp_path):
    text = "Le café à Jakarta est très bon, katanya. Harga naik. " * 3
    p = tmp_path / "latin.txt"
    p.write_bytes(text.encode("latin-1"))
    [art] = read([p])
    assert art.text == text and art.warnings


@pytest.mark.parametrize("content,code", [
    (b"", "E002"),
    (b"   \n\n\t  \n", "E002"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "E003"),
    (bytes(range(0, 32)) * 20, "E003"),
])
def test_bad_text_files_are_reported(tmp_path, content, code):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    [problem] = read([p])
    assert isinstance(problem, InputProblem) and problem.code == code and str(p) in str(problem)


def test_huge_file_refused_without_reading(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.write(b"Berita panjang sekali. " * (50_000_000 // 23 + 1))
    [problem] = read([p])
    assert problem.code == "E005" and "MB" in problem.reason


def test_missing_path(tmp_path):
    [problem] = read([tmp_path / "nope.txt"])
    assert problem.code == "E001"


def test_jsonl_records_ids_and_bad_lines(tmp_path):
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "antara-1", "text": BODY, "title": "Jembatan", "published": "2024-03-04", "outlet": "Antara"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": BODY, "published": "2024-03-05T10:00:00+07:00"}),
        json.dumps({"html": "<html><body><article><h1>Judul</h1><p>" + BODY * 3 + "</p></article></body></html>", "id": "h1"}),
        json.dumps({"text": BODY, "published": "kemarin"}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read([p])
    arts = [i for i in items if isinstance(i, Article)]
    probs = [i for i in items if isinstance(i, InputProblem)]
    assert [a.id for a in arts] == ["antara-1", "batch-4", "h1", "batch-6"]
    assert arts[0].published == date(2024, 3, 4) and arts[0].outlet == "Antara" and arts[0].title == "Jembatan"
    assert arts[1].published == date(2024, 3, 5)
    assert "Jembatan" in arts[2].text
    assert arts[3].published is None and any("not an ISO date" in w for w in arts[3].warnings)
    assert sorted(p.path.rsplit(":", 1)[1] for p in probs) == ["2", "3"]


def test_stdin_jsonl():
    stream = io.BytesIO((json.dumps({"id": "x", "text": BODY}) + "\n").encode())
    [art] = list(read_inputs(["-"], stdin=stream))
    assert art.id == "x"


def test_html_file(tmp_path):
    html = f"""<html><head><title>Jembatan Baru - Contoh</title>
    <meta property="article:published_time" content="2024-03-04T08:00:00+07:00"></head>
    <body><nav>Home Berita</nav><article><h1>Jembatan Baru Diresmikan</h1>
    <p>{BODY}</p><p>Jembatan itu menghubungkan dua kabupaten dan dibangun selama tiga tahun oleh kontraktor negara.</p>
    </article><footer>Copyright</footer></body></html>"""
    p = tmp_path / "halaman.html"
    p.write_text(html, encoding="utf-8")
    [art] = read([p])
    assert isinstance(art, Article) and "meresmikan jembatan" in art.text
    assert art.published == date(2024, 3, 4)
    assert art.raw is not None and art.input_kind == "html"


def test_html_page_dated_after_the_machines_today_keeps_its_own_date(tmp_path):
    """Session 20 (probe 8): htmldate drops dates after today by default, so a page a day ahead
    of the clock was dated by its URL's month ("/2099/03/" read as 1 March)."""
    html = f"""<html><head><title>Jembatan Baru</title>
    <meta property="article:published_time" content="2099-03-25T19:42:00+08:00">
    <link rel="canonical" href="https://contoh.id/daerah/2099/03/25/jembatan"></head>
    <body><article><h1>Jembatan Baru Diresmikan</h1><time datetime="2099-03-25T19:42:00+08:00">Rabu, 25 Maret 2099</time>
    <p>{BODY}</p><p>Jembatan itu menghubungkan dua kabupaten dan dibangun selama tiga tahun oleh kontraktor negara.</p>
    </article><aside><a href="/daerah/2099/03/01/lain">Berita lain</a></aside></body></html>"""
    p = tmp_path / "halaman.html"
    p.write_text(html, encoding="utf-8")
    [art] = read([p])
    assert art.published == date(2099, 3, 25)


def test_html_date_comes_from_the_markup_not_a_copyright_line(tmp_path):
    """Probe 12: htmldate's free-text search read a footer's "© 2026" as 1 January 2026 (so
    "kemarin" became 31 December 2025) and an event's date in the body as the page's."""
    html = f"""<html><head><title>Warga Kaget</title></head><body><nav>Home | Kuningan</nav>
    <div class="post"><h1>Warga Kaget</h1><p>{BODY}</p><p>Peristiwa itu terjadi Selasa malam (24/11/2026), kata warga.</p></div>
    <footer>© 2026 Radar Contoh. All Rights Reserved.</footer></body></html>"""
    p = tmp_path / "halaman.html"
    p.write_text(html, encoding="utf-8")
    [art] = read([p])
    assert art.published is None


@pytest.mark.parametrize("content", [b"<html><body></body></html>", b"<html><head><title>x</title></head><body><div>", b"<<<>>>",
                                     b"<html><body><nav>Home | News</nav><footer>(c) 2026</footer></body></html>"])
def test_html_without_article_is_reported(tmp_path, content):
    p = tmp_path / "kosong.html"
    p.write_bytes(content)
    [problem] = read([p])
    assert isinstance(problem, InputProblem) and problem.code in ("E006", "E002")


def test_feed(tmp_path):
    rss = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kabar</title>
    <item><title>Satu</title><link>https://contoh.id/1</link><pubDate>Mon, 04 Mar 2024 08:00:00 +0700</pubDate>
    <description><![CDATA[<p>{BODY}</p><p>Paragraf kedua.</p>]]></description></item>
    <item><title>Dua</title><link>https://contoh.id/2</link><description></description></item>
    </channel></rss>"""
    p = tmp_path / "feed.xml"
    p.write_text(rss, encoding="utf-8")
    items = read([p])
    art, prob = items
    assert art.title == "Satu" and art.published == date(2024, 3, 4) and art.url == "https://contoh.id/1"
    assert "\n\nParagraf kedua." in art.text
    assert isinstance(prob, InputProblem) and prob.code == "E006"


def test_malformed_feed(tmp_path):
    p = tmp_path / "rusak.xml"
    p.write_text("<rss><channel><title>x</title></chan", encoding="utf-8")
    [problem] = read([p])
    assert isinstance(problem, InputProblem) and problem.code == "E006"


def test_directory_recursive_and_ignored(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "README.md").write_text("# readme", encoding="utf-8")
    items = read([tmp_path])
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "b"]
    assert [type(i) for i in items].count(IgnoredFile) == 1


def test_unique_ids():
    arts = unique_ids([Article(id="x", text="a"), Article(id="x", text="b"), Article(id="x-2", text="c")])
    assert len({a.id for a in arts}) == 3 and arts[1].warnings


def _dossier_like():
    return {"schema": "telaah.dossier/1", "articles": [{"id": "a1", "text": BODY}], "entities": [],
            "quotes": [], "numbers": [], "times": [], "stories": []}


@pytest.mark.parametrize("name", ["dossier.json", "dossier.jsonl", "dossier"])
def test_pretty_printed_dossier_refused_once(tmp_path, name):
    """A previous output fed back in is one clear problem, not one per physical line."""
    p = tmp_path / name
    p.write_text(json.dumps(_dossier_like(), indent=1), encoding="utf-8")
    [problem] = read([p])
    assert isinstance(problem, InputProblem) and problem.code == "E006"
    assert problem.path == str(p) and "a telaah dossier, not articles" in problem.reason


def test_one_line_dossier_in_jsonl_named_as_dossier(tmp_path):
    p = tmp_path / "out.jsonl"
    p.write_text(json.dumps(_dossier_like()) + "\n", encoding="utf-8")
    [problem] = read([p])
    assert problem.code == "E006" and "a telaah dossier" in problem.reason


def test_json_object_that_is_not_an_article_refused_once(tmp_path):
    p = tmp_path / "config.json"
    p.write_text(json.dumps({"model": "x", "threshold": 0.5, "nested": {"a": [1, 2]}}, indent=2), encoding="utf-8")
    [problem] = read([p])
    assert problem.code == "E006" and problem.path == str(p)
    assert "not an article record" in problem.reason and "'model'" in problem.reason


def test_pretty_printed_article_record_and_array(tmp_path):
    one = tmp_path / "satu.json"
    one.write_text(json.dumps({"id": "s1", "text": BODY, "published": "2024-03-04"}, indent=2), encoding="utf-8")
    many = tmp_path / "banyak.json"
    many.write_text(json.dumps([{"text": BODY}, {"nope": 1}, {"id": "b3", "text": BODY}], indent=2), encoding="utf-8")
    items = read([one, many])
    assert [i.id for i in items if isinstance(i, Article)] == ["s1", "banyak-1", "b3"]
    assert items[0].published == date(2024, 3, 4)
    [problem] = [i for i in items if isinstance(i, InputProblem)]
    assert problem.path == f"{many}:[2]" and problem.code == "E006"


def test_one_line_json_file_still_read_as_jsonl(tmp_path):
    p = tmp_path / "satu.json"
    p.write_text(json.dumps({"text": BODY}) + "\n", encoding="utf-8")
    [art] = read([p])
    assert isinstance(art, Article) and art.id == "satu-1"


def test_many_bad_jsonl_lines_are_summarised(tmp_path):
    p = tmp_path / "rusak.jsonl"
    lines = [f"bukan json {i}" for i in range(1, 3001)] + [json.dumps({"id": "ok", "text": BODY})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read([p])
    probs = [i for i in items if isinstance(i, InputProblem)]
    assert [i.id for i in items if isinstance(i, Article)] == ["ok"]
    assert len(probs) == 6
    assert [pr.path for pr in probs[:5]] == [f"{p}:{n}" for n in range(1, 6)]
    assert probs[-1].path == str(p) and probs[-1].code == "E006"
    assert "and 2995 more lines skipped" in probs[-1].reason and "first at line 6" in probs[-1].reason


def test_few_bad_jsonl_lines_all_reported(tmp_path):
    p = tmp_path / "sedikit.jsonl"
    p.write_text("\n".join(["x"] * 5) + "\n", encoding="utf-8")
    probs = read([p])
    assert len(probs) == 5 and not any("more lines" in pr.reason for pr in probs)


def test_bad_stdin_lines_are_summarised():
    stream = io.BytesIO(b"{\n" * 50)
    probs = list(read_inputs(["-"], stdin=stream))
    assert len(probs) == 6 and "and 45 more lines skipped" in probs[-1].reason
    assert "pretty-printed JSON" in probs[0].reason


MARKDOWN = """---
title: "Kadis PU Jember Ajukan Praperadilan"
date: 2026-11-09T11:40:00+07:00
author: Redaksi Lensa Hukum
site_name: Lensahukum.id
tags: [korupsi, praperadilan]
---

# Kadis PU Jember Ajukan Praperadilan

*Lensahukum.id · Senin, 9 November 2026 · 11.40 WIB*

**Surabaya, Lensahukum.id** — Tersangka kasus dugaan korupsi proyek jalan, Teguh Santoso, mengajukan praperadilan.

> **Baca juga:** [Jaksa Agung Minta Kejati Percepat Perkara](https://lensahukum.id/nasional/x)

---

"Klien kami tidak pernah menerima uang sepeser pun," kata Sugeng.
"""


def test_markdown_front_matter_and_markup(tmp_path):
    """Session 29 (probe 13): a clipped Markdown article is read, its front matter gives title,
    date and outlet, and its markup is gone from the text every offset points into."""
    p = tmp_path / "praperadilan.md"
    p.write_text(MARKDOWN, encoding="utf-8")
    [art] = read([p])
    assert isinstance(art, Article) and art.input_kind == "markdown"
    assert art.title == "Kadis PU Jember Ajukan Praperadilan"
    assert str(art.published) == "2026-11-09" and art.outlet == "Lensahukum.id"
    assert "**" not in art.text and "](" not in art.text and "\n#" not in art.text and "---" not in art.text
    assert "Baca juga: Jaksa Agung Minta Kejati Percepat Perkara" in art.text
    assert art.text.count("Kadis PU Jember Ajukan Praperadilan") == 1
    assert art.raw == MARKDOWN.encode("utf-8")


def test_markdown_edge_cases(tmp_path):
    only_front = tmp_path / "kosong.md"
    only_front.write_text("---\ntitle: x\n---\n\n", encoding="utf-8")
    plain = tmp_path / "tanpa-front.markdown"
    plain.write_text("Jakarta - Harga cabai naik lagi di pasar induk, kata pedagang.\n", encoding="utf-8")
    bad_date = tmp_path / "tanggal.md"
    bad_date.write_text("---\ndate: kemarin sore\n---\nJakarta - Harga cabai naik lagi, kata pedagang.\n",
                        encoding="utf-8")
    problem, art, dated = read([only_front, plain, bad_date])
    assert isinstance(problem, InputProblem) and problem.code == "E002"
    assert art.text.startswith("Jakarta - Harga cabai") and art.title is None
    assert dated.published is None and any("not an ISO date" in w for w in dated.warnings)


def test_a_folders_own_notes_are_not_articles(tmp_path):
    (tmp_path / "README.md").write_text("# Catatan\n\nBerkas ini menjelaskan isi folder.", encoding="utf-8")
    (tmp_path / "SOURCES.md").write_text("Sumber data: arsip redaksi.", encoding="utf-8")
    (tmp_path / "berita.md").write_text("Jakarta - Harga cabai naik lagi, kata pedagang.", encoding="utf-8")
    items = read([tmp_path])
    assert [i.id for i in items if isinstance(i, Article)] == ["berita"]
    assert [type(i) for i in items].count(IgnoredFile) == 2
    # named on the command line, a README.md is read like any article
    [named] = read([tmp_path / "README.md"])
    assert isinstance(named, Article)

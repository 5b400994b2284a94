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


@pytest.mark.parametrize("content", [b"<html><body></body></html>", b"<html><head><title>x</title></head><body><div>", b"<<<>>>"])
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

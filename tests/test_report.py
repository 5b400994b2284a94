from telaah.analyze import analyze_articles
from telaah.document import Article
from telaah.dossier import to_dossier
from telaah.report import render_report

EVIL = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def test_report_escapes_everything():
    arts = [Article(id=EVIL, title=EVIL, text=EVIL + "\n\nPresiden <b>Joko</b> Widodo berkata \"" + IMG + "\" di Jakarta, Senin (4/3). Sebanyak 200 orang hadir.\n",
                    source=IMG, outlet=IMG)]
    html = render_report(to_dossier(analyze_articles(arts)))
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>Joko</b>" not in html
    assert "Content-Security-Policy" in html


def test_report_links_summary_to_sentence_anchor():
    arts = [Article(id="a1", title="Banjir Jakarta", text="Banjir Jakarta\n\nBanjir merendam 200 rumah di Jakarta pada Senin (4/3). Warga mengungsi ke masjid.\n")]
    d = to_dossier(analyze_articles(arts))
    html = render_report(d)
    for story in d["stories"]:
        for item in story["summary"]:
            assert 'href="#s-a1_3a_s' in html
    assert 'id="s-a1_3a_s1"' in html
    assert "http://" not in html.replace("http-equiv", "") and "https://" not in html


def test_report_marks_background_events():
    from datetime import date

    text = ("Kapal tenggelam di Selat Bali\n\nKapal feri tenggelam di Selat Bali pada Senin (4/3/2024) malam. "
            "Kapal lain pernah tenggelam di selat itu pada 20 April 1997 silam.\n")
    arts = [Article(id="a1", title="Kapal tenggelam di Selat Bali", text=text, published=date(2024, 3, 5))]
    d = to_dossier(analyze_articles(arts))
    marks = [(e["date"], e["background"]) for e in d["stories"][0]["timeline"]]
    assert ("1997-04-20", True) in marks and ("2024-03-04", False) in marks
    assert "1997-04-20 (background)" in render_report(d)

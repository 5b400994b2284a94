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

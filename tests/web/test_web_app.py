"""The web app through FastAPI's TestClient over a real store: pages, the JSON API, security
headers, escaping, and readable 404/422/500 pages."""
import re

import pytest

from telaah.dossier import validate

HOSTILE = "<img src=x onerror=alert(1)>"


def _sentence_links(html: str) -> list[tuple[str, str]]:
    return re.findall(r'href="(/articles/[^"#]+)#(s-[^"]+)"', html)


def test_every_response_has_strict_security_headers(client):
    for url in ("/", "/api/stories", "/static/app.css", "/stories/nope", "/api/nope", "/?since=bad", "/openapi.json"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp, url
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, url
        assert r.headers["x-content-type-options"] == "nosniff", url
        assert r.headers["referrer-policy"] == "no-referrer", url


def test_stories_page_lists_stories_with_badges_and_escapes_titles(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.text
    assert "Banjir Bandang Landa Garut" in html and "Miryam" in html
    assert "disputed figure" in html and "contradiction" in html
    assert HOSTILE not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    biggest = client.get("/?order=biggest").text
    assert biggest.index("Miryam") < biggest.index("Banjir")  # 11 articles before 3


def test_stories_filters(client):
    assert "Miryam" not in client.get("/?since=2024-01-01").text
    assert "Banjir" in client.get("/?since=2024-01-01").text
    only = client.get("/?q=bendungan").text
    assert "Banjir" in only and "Miryam" not in only
    assert client.get("/?since=").status_code == 200  # an empty form field means no filter


def test_story_page_sections_and_citations_reach_their_sentences(client, story_ids):
    r = client.get(f"/stories/{story_ids['banjir']}")
    assert r.status_code == 200
    html = r.text
    for heading in ("Summary", "Disputed figures", "Contradictions", "Statements by speaker", "Timeline",
                    "Entities", "Sources side by side"):
        assert heading in html
    assert "<svg" in html and "Harian Contoh: 12 orang" in html  # the chart of the disputed death toll
    links = _sentence_links(html)
    assert links
    article_url, anchor = links[0]
    article = client.get(article_url).text
    assert f'id="{anchor}"' in article
    assert 'href="/entities/per-satria-budi"' in html


def test_article_page_anchors_every_sentence_and_marks_annotations(client):
    art = client.get("/api/articles/banjir-3").json()
    html = client.get("/articles/banjir-3").text
    for s in art["sentences"]:
        assert html.count('id="s-' + s["id"].replace(":", "_3a_") + '"') == 1
    assert 'class="st spk-' in html and 'class="ent ent-PER"' in html
    assert 'class="num"' in html and 'class="time"' in html
    assert "Satria Budi" in html


def test_boilerplate_is_greyed_not_dropped(client):
    html = client.get("/articles/tempel-situs").text
    assert 'class="k-boilerplate"' in html


def test_hostile_article_is_escaped_everywhere(client, story_ids):
    for url in (f"/stories/{story_ids['hostile']}", "/articles/hostile", "/search?q=pejabat", "/entities"):
        html = client.get(url).text
        assert "<img src=" not in html and "<script>alert" not in html and "<b>Outlet</b>" not in html, url
    assert "&lt;img src=x onerror=alert(1)&gt;" in client.get("/articles/hostile").text


def test_pages_have_no_inline_script_handlers_or_styles(client, story_ids):
    for url in ("/", f"/stories/{story_ids['banjir']}", f"/stories/{story_ids['miryam']}", "/articles/banjir-3",
                "/search?speaker=Satria", "/entities", "/entities/per-satria-budi", "/stories/nope"):
        html = client.get(url).text
        assert re.findall(r"<script(?![^>]*\bsrc=)", html) == [], url
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), url
        assert not re.search(r"<[^>]+\sstyle\s*=", html), url
        assert "http://" not in html and "https://" not in html, url  # no external assets


def test_search_page_by_words_and_by_speaker(client):
    html = client.get("/search?q=bendungan").text
    assert "<mark>bendungan</mark>" in html.lower() or "<mark>Bendungan</mark>" in html
    by_speaker = client.get("/search?speaker=Satria").text
    assert "Satria Budi" in by_speaker and "bendungan jebol" in by_speaker
    assert "Search titles" in client.get("/search").text


def test_entity_page_lists_statements_by_date(client):
    html = client.get("/entities/per-satria-budi").text
    assert "Satria Budi" in html and "bendungan jebol" in html
    listing = client.get("/entities?q=satria").text
    assert "/entities/per-satria-budi" in listing


def test_api_story_is_a_valid_dossier(client, story_ids):
    for sid in story_ids.values():
        d = client.get(f"/api/stories/{sid}").json()
        validate(d)
        assert [s["id"] for s in d["stories"]] == [sid]
    listing = client.get("/api/stories?order=biggest&limit=2").json()
    assert len(listing["stories"]) == 2 and listing["stories"][0]["n_articles"] >= listing["stories"][1]["n_articles"]


def test_api_article_search_entities(client):
    art = client.get("/api/articles/banjir-3").json()
    assert art["id"] == "banjir-3" and art["story_id"] and art["quotes"]
    hits = client.get("/api/search", params={"q": "bendungan"}).json()["results"]
    assert hits and {"kind", "article_id", "snippet"} <= set(hits[0])
    assert client.get("/api/search", params={"speaker": "Satria"}).json()["results"]
    ents = client.get("/api/entities", params={"q": "satria"}).json()["entities"]
    assert any(e["key"] == "per-satria-budi" for e in ents)
    assert client.get("/api/entities/per-satria-budi").json()["statements"]


def test_openapi_is_served_and_docs_need_no_cdn(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/search",
                 "/api/entities", "/api/entities/{key}"):
        assert path in spec["paths"], path
    assert not any(p.startswith("/articles") for p in spec["paths"])  # pages are not API
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


@pytest.mark.parametrize("url", ["/stories/nope", "/articles/nope", "/entities/per-nobody", "/no/such/page"])
def test_unknown_ids_give_a_readable_404_page(client, url):
    r = client.get(url)
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "Not found" in r.text and "Traceback" not in r.text


@pytest.mark.parametrize("url", ["/api/stories/nope", "/api/articles/nope", "/api/entities/nobody", "/api/nothing"])
def test_unknown_ids_give_json_404_under_api(client, url):
    r = client.get(url)
    assert r.status_code == 404 and r.json()["status"] == 404


@pytest.mark.parametrize("url", ["/?since=yesterday", "/?order=oldest", "/?offset=-3", "/search?q=%22%22",
                                 "/search?q=x&since=2024-13-40"])
def test_bad_queries_give_a_readable_422_page(client, url):
    r = client.get(url)
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html"), url
    assert "could not be understood" in r.text and "Traceback" not in r.text


@pytest.mark.parametrize("url", ["/api/stories?limit=0", "/api/stories?since=x", "/api/search", "/api/search?q=%22%22"])
def test_bad_queries_give_json_422_under_api(client, url):
    r = client.get(url)
    assert r.status_code == 422 and r.json()["status"] == 422, url


def test_a_failing_store_gives_a_readable_500_without_trace():
    from fastapi.testclient import TestClient

    from telaah.web import create_app

    class Broken:
        def list_stories(self, **kw):
            raise RuntimeError("secret internal detail")

    with TestClient(create_app(open_store=Broken), raise_server_exceptions=False) as c:
        r = c.get("/")
        assert r.status_code == 500 and "went wrong" in r.text and "secret internal detail" not in r.text
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert c.get("/api/stories").json()["status"] == 500


def test_host_guard_refuses_foreign_host_names(web_db):
    from fastapi.testclient import TestClient

    from telaah.web import create_app
    from telaah.web.commands import allowed_hosts

    with TestClient(create_app(web_db, allowed_hosts=allowed_hosts("127.0.0.1")), base_url="http://127.0.0.1") as c:
        assert c.get("/").status_code == 200
        refused = c.get("/", headers={"host": "attacker.example"})
        assert refused.status_code == 400 and "script-src 'self'" in refused.headers["content-security-policy"]


def test_create_app_refuses_a_missing_store(tmp_path):
    from telaah.web import create_app

    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "none.db")


def test_serve_command_without_a_store_exits_1(tmp_path, capsys):
    from telaah.cli import main

    assert main(["serve", "--db", str(tmp_path / "missing.db")]) == 1
    assert "no store at" in capsys.readouterr().err


def test_every_citation_on_a_story_page_reaches_an_anchor(client, story_ids):
    pages = {}
    for sid in story_ids.values():
        for url, anchor in _sentence_links(client.get(f"/stories/{sid}").text):
            if url not in pages:
                pages[url] = client.get(url).text
            assert f'id="{anchor}"' in pages[url], (sid, url, anchor)
    assert len(pages) >= 10


"""The web app in a real browser: Debian's chromium, driven by Playwright through
``executable_path`` (never a downloaded browser), against the real server on a free port.
Screenshots go to test-output/browser/. Skips with a message when chromium or Playwright is absent."""
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "browser"
HOSTILE = "<img src=x onerror=alert(1)>"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(web_db):
    import uvicorn

    from telaah.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) for browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright (the Python package) is not installed: pip install -e '.[dev]'")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 860})
        yield context
        context.close()


@pytest.fixture
def page(browser):
    """A page that records dialogs (dismissed) and console errors (a CSP violation is one)."""
    page = browser.new_page()
    page.dialogs, page.errors = [], []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    page.close()


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_stories_story_citation_lands_on_highlighted_sentence(server, page):
    page.goto(server + "/")
    assert page.get_by_role("link", name="Banjir Bandang Landa Garut").is_visible()
    shot(page, "01-stories")

    page.get_by_role("link", name="Banjir Bandang Landa Garut").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Banjir Bandang Landa Garut"
    assert page.locator("svg.chart").count() >= 1
    shot(page, "02-story")

    cite = page.locator("#summary a.cite").first
    href = cite.get_attribute("href")
    anchor = href.split("#", 1)[1]
    cite.click()
    page.wait_for_url("**/articles/**")
    page.wait_for_function("document.querySelector('.sent.hl') !== null")
    state = page.evaluate("""() => {
        const t = document.querySelector(':target');
        const r = t.getBoundingClientRect();
        return {id: t.id, cls: t.className, top: r.top, bottom: r.bottom, h: window.innerHeight};
    }""")
    assert state["id"] == anchor
    assert "hl" in state["cls"].split()
    assert 0 <= state["top"] and state["bottom"] <= state["h"], state  # in the viewport
    shot(page, "03-article-cited-sentence")
    assert page.errors == [] and page.dialogs == []


def test_search_for_a_speaker(server, page):
    page.goto(server + "/search")
    page.fill("input[name=speaker]", "Satria")
    page.locator("form.filters button").click()
    page.wait_for_url("**/search?**")
    results = page.locator("ol.results li")
    assert results.count() >= 1
    assert "Satria Budi" in results.first.inner_text()
    shot(page, "04-search-speaker")
    page.locator("ol.results a.result-title").first.click()
    page.wait_for_function("document.querySelector('.sent.hl') !== null")
    assert page.errors == []


def test_hostile_title_shows_as_text_and_runs_nothing(server, page):
    page.goto(server + "/")
    assert page.get_by_text(HOSTILE, exact=True).count() >= 1
    page.get_by_text(HOSTILE, exact=True).first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == HOSTILE
    shot(page, "05-hostile-story")
    page.goto(server + "/articles/hostile")
    assert page.locator("h1").inner_text() == HOSTILE
    assert page.locator("main img").count() == 0 and page.locator("main script").count() == 0
    assert "<script>alert(2)</script>" in page.locator("#doc").inner_text()
    shot(page, "06-hostile-article")
    page.wait_for_timeout(200)  # give any injected handler a chance to fire
    assert page.dialogs == []
    assert page.errors == []


def test_entity_and_layer_toggles(server, page):
    page.goto(server + "/entities/per-satria-budi")
    assert "bendungan jebol" in page.locator("table.statements").inner_text()
    shot(page, "07-entity")
    page.goto(server + "/articles/banjir-3")
    toggle = page.locator(".layer-toggles input[data-layer=ent]")
    assert toggle.is_visible()
    toggle.uncheck()
    assert "hide-ent" in page.locator("#doc").get_attribute("class")
    assert page.errors == []

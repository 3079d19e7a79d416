"""The HTML maps in a real headless Chromium: drawn, offline, safe, searchable, fast."""

from __future__ import annotations

import os

import pytest

from graphkit.render import write_html

from .bench import CHROMIUM_ARGS, chromium_path, synthetic_graph, time_map_in_browser
from .test_render import hostile_graph

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if chromium_path() is None:
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed; .ci/run installs Debian's chromium", pytrace=False)
    pytest.skip("chromium is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


def _open(browser, path):
    page = browser.new_page()
    events = {"console": [], "errors": [], "requests": [], "dialogs": []}
    page.on("console", lambda m: events["console"].append((m.type, m.text)))
    page.on("pageerror", lambda e: events["errors"].append(str(e)))
    page.on("request", lambda r: events["requests"].append(r.url))

    def on_dialog(d):
        events["dialogs"].append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.resolve().as_uri())
    page.wait_for_selector("body[data-ready]", timeout=30000)
    return page, events


def test_seed_map_draws_offline_and_search_focuses(browser, seed_graph, tmp_path):
    path = write_html(seed_graph, tmp_path / "graph.html")
    page, ev = _open(browser, path)
    assert page.evaluate("window.graphkit.network.body.nodeIndices.length") == seed_graph.number_of_nodes()
    assert page.evaluate("window.graphkit.network.body.edgeIndices.length") == seed_graph.number_of_edges()
    # the canvas has pixels drawn on it
    assert page.evaluate(
        "(() => { const c = document.querySelector('#network canvas');"
        " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        " for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false; })()"
    )
    page.fill("#search", "Zhiding Yu")
    page.press("#search", "Enter")
    assert page.evaluate("window.graphkit.network.getSelectedNodes()") == ["person:zhiding-yu"]
    assert "Zhiding Yu" in page.inner_text("#panel")
    assert "mentor of: Zizheng Pan" in page.inner_text("#panel")
    page.fill("#search", "no such person")
    page.press("#search", "Enter")
    assert "No entity matches" in page.inner_text("#search-msg")
    # filters hide a type
    page.uncheck('[data-filter="PERSON"]')
    visible = page.evaluate("window.graphkit.network.body.nodeIndices.length")
    people = sum(1 for _, d in seed_graph.nodes(data=True) if d["type"] == "PERSON")
    assert visible == seed_graph.number_of_nodes() - people
    assert ev["errors"] == [] and [c for c in ev["console"] if c[0] == "error"] == []
    assert [u for u in ev["requests"] if not u.startswith("file:")] == []
    page.screenshot(path=str(tmp_path / "seed.png"))


def test_hostile_text_does_not_run(browser, tmp_path):
    path = write_html(hostile_graph(), tmp_path / "x.html")
    page, ev = _open(browser, path)
    assert page.evaluate("window.__pwned") is None
    assert ev["dialogs"] == [] and ev["errors"] == []
    page.evaluate("window.graphkit.select('person:x')")
    assert "<img src=x onerror=alert(1)>" in page.inner_text("#panel")
    assert page.evaluate("document.querySelectorAll('#panel img').length") == 0


def test_big_map_renders_within_ten_seconds(browser, tmp_path):
    g = synthetic_graph(5000, 15000)
    path = write_html(g, tmp_path / "big.html")
    seconds = time_map_in_browser(path, browser)
    assert seconds < 10, f"5,000-node map took {seconds:.1f}s"

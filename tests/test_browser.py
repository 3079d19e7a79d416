"""The HTML maps in a real headless Chromium: drawn, offline, safe, searchable, fast."""

from __future__ import annotations

import os

import pytest

from graphkit.render import write_html

from .bench import CHROMIUM_ARGS, chromium_path, sparse_graph, synthetic_graph, time_map_in_browser
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


def _open(browser, path, viewport=None):
    page = browser.new_page(viewport=viewport or {"width": 1400, "height": 900})
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


DRAWN = "window.graphkit.network.body.nodeIndices.length"
DRAWN_EDGES = "window.graphkit.network.body.edgeIndices.length"
# every entity label drawn, with the screen position and radius vis-network gives its entity
LABELS = """() => {
  const net = window.graphkit.network, scale = net.getScale();
  return window.graphkit.labels().map((b) => {
    const n = net.body.nodes[b.id], p = net.canvasToDOM({ x: n.x, y: n.y });
    return { ...b, cx: p.x, cy: p.y, r: n.options.size * scale };
  });
}"""
EDGE_LABELS = (
    "Object.values(window.graphkit.network.body.edges).filter(e => (e.options.label || '').trim()).length"
)


def _connected(g):
    return {n for n, k in g.degree() if k > 0}


def _check_labels(labels, width, height):
    """Labels sit inside the map, next to their own entity, and no two overlap."""
    for b in labels:
        assert b["x"] >= 0 and b["y"] >= 0
        assert b["x"] + b["w"] <= width and b["y"] + b["h"] <= height
        # the entity's centre is within its radius (and a few pixels) of its label box
        dx = max(b["x"] - b["cx"], 0, b["cx"] - b["x"] - b["w"])
        dy = max(b["y"] - b["cy"], 0, b["cy"] - b["y"] - b["h"])
        assert (dx * dx + dy * dy) ** 0.5 <= b["r"] + 4, b
    boxes = sorted(labels, key=lambda b: b["x"])
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if b["x"] >= a["x"] + a["w"]:
                break
            assert not (a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]), (a, b)


def _drawn_after(page, action):
    """Do ``action`` (JavaScript, with ``n`` the network) and wait until the map is drawn again."""
    page.evaluate(
        "new Promise((done) => { const n = window.graphkit.network;"
        f" n.once('afterDrawing', () => done()); {action}; n.redraw(); }})"
    )


def _map_size(page):
    return page.evaluate(
        "[document.getElementById('network').clientWidth, document.getElementById('network').clientHeight]"
    )


def test_seed_map_draws_offline_and_search_focuses(browser, seed_graph, tmp_path):
    path = write_html(seed_graph, tmp_path / "graph.html")
    page, ev = _open(browser, path)
    connected = _connected(seed_graph)
    # the connected structure, all of it: every entity with a relation and every relation
    assert page.evaluate(DRAWN) == len(connected)
    assert page.evaluate(DRAWN_EDGES) == seed_graph.number_of_edges()
    labels = page.evaluate(LABELS)
    assert {b["id"] for b in labels} == connected
    _check_labels(labels, *_map_size(page))
    assert page.evaluate(EDGE_LABELS) == seed_graph.number_of_edges()  # a small map keeps relation labels
    hidden = seed_graph.number_of_nodes() - len(connected)
    assert f"{hidden} hidden" in page.inner_text("#shown")
    # the canvas has pixels drawn on it
    assert page.evaluate(
        "(() => { const c = document.querySelector('#network canvas');"
        " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        " for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false; })()"
    )
    page.screenshot(path=str(tmp_path / "seed.png"))
    page.fill("#search", "Zhiding Yu")
    page.press("#search", "Enter")
    assert page.evaluate("window.graphkit.network.getSelectedNodes()") == ["person:zhiding-yu"]
    assert "Zhiding Yu" in page.inner_text("#panel")
    assert "mentor of: Zizheng Pan" in page.inner_text("#panel")
    page.fill("#search", "no such person")
    page.press("#search", "Enter")
    assert "No entity matches" in page.inner_text("#search-msg")
    # an entity without relations is found and drawn
    lonely = min(n for n in seed_graph if n not in connected)
    page.fill("#search", seed_graph.nodes[lonely]["name"])
    page.press("#search", "Enter")
    assert page.evaluate("window.graphkit.network.getSelectedNodes()") == [lonely]
    assert page.evaluate(DRAWN) == len(connected) + 1
    # all of them on request
    page.check("#show-hidden")
    assert page.evaluate(DRAWN) == seed_graph.number_of_nodes()
    # filters hide a type
    page.uncheck('[data-filter="PERSON"]')
    visible = page.evaluate(DRAWN)
    people = sum(1 for _, d in seed_graph.nodes(data=True) if d["type"] == "PERSON")
    assert visible == seed_graph.number_of_nodes() - people
    assert ev["errors"] == [] and [c for c in ev["console"] if c[0] == "error"] == []
    assert [u for u in ev["requests"] if not u.startswith("file:")] == []


def test_seed_map_with_all_draws_every_entity(browser, seed_graph, tmp_path):
    path = write_html(seed_graph, tmp_path / "all.html", min_degree=0)
    page, ev = _open(browser, path)
    assert page.evaluate(DRAWN) == seed_graph.number_of_nodes()
    assert page.evaluate(DRAWN_EDGES) == seed_graph.number_of_edges()
    _check_labels(page.evaluate(LABELS), *_map_size(page))
    assert not page.is_visible("#show-hidden")
    assert ev["errors"] == []


def test_corpus_map_opens_on_its_connected_structure(browser, tmp_path):
    """3,000 entities, 150 with relations: the 150 are drawn, the most connected
    labelled, no two labels overlapping; more labels come with zoom."""
    g = sparse_graph(3000, 150)
    connected = _connected(g)
    path = write_html(g, tmp_path / "corpus.html")
    page, ev = _open(browser, path)
    assert page.evaluate(DRAWN) == 150
    width, height = _map_size(page)
    labels = page.evaluate(LABELS)
    page.screenshot(path=str(tmp_path / "corpus.png"))
    print(f"initial view: {len(labels)} labelled entities of 150 drawn, {width}x{height} px")
    assert 40 <= len(labels) <= 200
    _check_labels(labels, width, height)
    labelled = {b["id"] for b in labels}
    hubs = sorted(connected, key=lambda n: (-g.degree(n), g.nodes[n]["name"]))[:5]
    assert set(hubs) <= labelled
    assert page.evaluate(EDGE_LABELS) == 0  # relation labels on hover and selection only
    # zooming in shows labels that did not fit before
    _drawn_after(page, "n.moveTo({ scale: n.getScale() * 3 })")
    zoomed = page.evaluate(LABELS)
    _check_labels(zoomed, width, height)
    assert {b["id"] for b in zoomed} - labelled
    # hovering a relation labels it
    page.evaluate("void window.graphkit.network.emit('hoverEdge', { edge: 'e0' })")
    assert page.evaluate(EDGE_LABELS) == 1
    page.evaluate("void window.graphkit.network.emit('blurEdge', { edge: 'e0' })")
    assert page.evaluate(EDGE_LABELS) == 0
    # hovering an entity labels it, wherever it is
    unlabelled = page.evaluate(
        """(labelled) => { const net = window.graphkit.network;
          return net.body.nodeIndices.filter((id) => { const n = net.body.nodes[id];
            const p = net.canvasToDOM({ x: n.x, y: n.y });
            return !labelled.includes(id) && p.x > 150 && p.x < 950 && p.y > 50 && p.y < 850; })[0]; }""",
        [b["id"] for b in zoomed],
    )
    assert unlabelled
    _drawn_after(page, f"n.emit('hoverNode', {{ node: {unlabelled!r} }})")
    assert unlabelled in {b["id"] for b in page.evaluate(LABELS)}
    _drawn_after(page, f"n.emit('blurNode', {{ node: {unlabelled!r} }})")
    # selecting an entity labels its relations
    page.evaluate(f"window.graphkit.select({hubs[0]!r})")
    assert page.evaluate(EDGE_LABELS) == g.degree(hubs[0])
    # every entity on request, labels still apart
    page.evaluate("window.graphkit.showHidden(true)")
    assert page.evaluate(DRAWN) == 3000
    _drawn_after(page, "n.fit({ animation: false })")
    _check_labels(page.evaluate(LABELS), width, height)
    assert ev["errors"] == [] and [c for c in ev["console"] if c[0] == "error"] == []


def test_search_shows_a_hidden_entity_with_its_neighbourhood(browser, tmp_path):
    g = sparse_graph(400, 120, seed=5)
    path = write_html(g, tmp_path / "deg.html", min_degree=3)
    page, ev = _open(browser, path)
    drawn = {n for n, k in g.degree() if k >= 3}
    assert page.evaluate(DRAWN) == len(drawn)
    leaf = min(n for n, k in g.degree() if k == 1)
    neighbour = next(iter(set(g.predecessors(leaf)) | set(g.successors(leaf))))
    assert page.evaluate(f"window.graphkit.search({g.nodes[leaf]['name']!r})") == leaf
    ids = set(page.evaluate("window.graphkit.network.body.nodeIndices"))
    assert {leaf, neighbour} <= ids
    assert page.evaluate("window.graphkit.network.getSelectedNodes()") == [leaf]
    assert ev["errors"] == []


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

"""The HTML report in real headless Chromium (Debian's `chromium`, driven by Playwright).

One browser for the session; each test gets a fresh page that records every request that is
not file:// or data:, console errors, page errors, dialogs and CSP violations. The reports
are written to tmp_path and opened from file:// URLs, as a reader opens them from disk.
Screenshots go to artifacts/ (git-ignored).

Skipped, with the reason, only when Playwright or a Chromium binary is missing; set
RECONCILE_CHROMIUM to use a binary other than /usr/bin/chromium or `chromium` on PATH.
(Fixtures live here rather than in a conftest.py: a second `conftest` module would shadow
tests/conftest.py for the test modules that import from it.)
"""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


def chromium_path() -> str | None:
    for candidate in (os.environ.get("RECONCILE_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    exe = chromium_path()
    if exe is None:
        pytest.skip("no chromium binary (install Debian's `chromium` or set RECONCILE_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=ARGS)
        yield b
        b.close()


# CSP violations are DOM events, not console messages we could rely on: record them from the
# first script of every document (init scripts run before the page's own and outside its CSP).
RECORD_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI);
});
"""


class Page:
    """A page plus what it did: requests off disk, console errors, dialogs, CSP violations."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.add_init_script(RECORD_CSP)
        page.on("request", self._request)
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("dialog", self._dialog)

    def _request(self, req) -> None:
        if not req.url.startswith(("file://", "data:")):
            self.requests.append(req.url)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def open(self, path: Path, fragment: str = "") -> None:
        self.page.goto(path.as_uri() + fragment)
        self.page.wait_for_function("() => document.getElementById('q-count').textContent")

    def csp(self) -> list[str]:
        return self.page.evaluate("window.__csp")

    def assert_quiet(self) -> None:
        assert self.requests == [], f"network requests: {self.requests}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"dialogs: {self.dialogs}"
        assert self.csp() == [], f"CSP violations: {self.csp()}"

    # -- what the reader sees -------------------------------------------------------------
    def visible_cards(self) -> list[dict]:
        """Each finding card on screen: id, severity, rule, source names, group, text."""
        return self.page.evaluate("""() => Array.from(document.querySelectorAll(
            "article.finding")).filter(el => el.checkVisibility()).map(el => ({
              id: el.id.slice(2),
              severity: ["error", "warning", "info"].find(s => el.classList.contains(s)),
              rule: el.querySelector("a.rule").getAttribute("href").slice(6),
              sources: Array.from(el.querySelectorAll(".quote figcaption b"),
                                  b => b.textContent),
              group: el.closest("section.group").querySelector("h3").textContent,
              text: el.textContent.toLowerCase()}))""")

    def count_text(self) -> str:
        return self.page.text_content("#q-count") or ""


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = Page(context.new_page())
    yield p
    context.close()


@pytest.fixture(scope="module")
def seed_report_root():
    """The seed corpus checked with cwd at the repository root (paths as `nox -s reports`)."""
    import reconcile

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return reconcile.check(["fixtures/seeds"])
    finally:
        os.chdir(here)


@pytest.fixture(scope="module")
def seed_file(seed_report_root, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "report.html"
    path.write_text(seed_report_root.to_html(), encoding="utf-8")
    return path


@pytest.fixture
def seed(page, seed_file):
    page.open(seed_file)
    return page


def label(doc) -> str:
    return doc.title or doc.path


# -- opening -------------------------------------------------------------------------------

def test_seed_report_opens_quietly(seed, seed_report_root):
    seed.assert_quiet()
    cards = seed.visible_cards()
    assert len(cards) == len(seed_report_root.findings)
    n = len(cards)
    assert seed.count_text() == f"Showing {n} of {n} matching findings ({n} in all)"
    # the CSP really is in force: an inline script added now is refused (and reported)
    blocked = seed.page.evaluate("""() => new Promise(done => {
        document.addEventListener("securitypolicyviolation", () => done(true), {once: true});
        const s = document.createElement("script");
        s.textContent = "window.__ran = 1";
        document.body.appendChild(s);
        setTimeout(() => done(false), 1000);
      })""")
    assert blocked and seed.page.evaluate("window.__ran") is None
    seed.errors.clear()
    seed.page.evaluate("window.__csp = []")


# -- filters -------------------------------------------------------------------------------

def changed(page, before: str) -> None:
    page.page.wait_for_function("t => document.getElementById('q-count').textContent !== t",
                                arg=before)


def test_severity_checkboxes(seed, seed_report_root):
    by = Counter(f.severity for f in seed_report_root.findings)
    assert by["info"] and by["warning"]
    before = seed.count_text()
    seed.page.uncheck("input[name=sev][value=info]")
    changed(seed, before)
    cards = seed.visible_cards()
    assert len(cards) == len(seed_report_root.findings) - by["info"]
    assert {c["severity"] for c in cards} == {"warning", "error"} & set(by)
    # only info left
    for s in ("error", "warning"):
        seed.page.uncheck(f"input[name=sev][value={s}]")
    seed.page.check("input[name=sev][value=info]")
    cards = seed.visible_cards()
    assert len(cards) == by["info"] and {c["severity"] for c in cards} == {"info"}
    for s in ("error", "warning", "info"):
        seed.page.uncheck(f"input[name=sev][value={s}]")
    assert seed.visible_cards() == []
    assert seed.page.locator("section.group:visible").count() == 0
    seed.assert_quiet()


def test_rule_select(seed, seed_report_root):
    by = Counter(f.rule for f in seed_report_root.findings)
    options = seed.page.eval_on_selector_all(
        "#q-rule option", "os => os.map(o => [o.value, o.textContent])")
    tried = 0
    for value, rule in options:
        if not value or not by[rule]:
            continue
        seed.page.select_option("#q-rule", value)
        cards = seed.visible_cards()
        assert len(cards) == by[rule], rule
        assert {c["rule"] for c in cards} == {rule}
        tried += 1
    assert tried >= 3
    seed.page.select_option("#q-rule", "")
    assert len(seed.visible_cards()) == len(seed_report_root.findings)
    seed.assert_quiet()


def test_source_select(seed, seed_report_root):
    r = seed_report_root
    for i, doc in enumerate(r.sources):
        seed.page.select_option("#q-src", str(i))
        expected = {f.id for f in r.findings if any(e.source == doc.id for e in f.evidence)}
        cards = seed.visible_cards()
        assert {c["id"] for c in cards} == expected, label(doc)
        for c in cards:
            assert label(doc) in c["sources"]
    assert 0 < len(expected) < len(r.findings) or len(r.sources) == 1
    seed.assert_quiet()


def test_entity_select(seed, seed_report_root):
    options = seed.page.eval_on_selector_all(
        "#q-ent option", "os => os.filter(o => o.value).map(o => [o.value, o.textContent])")
    assert len(options) >= 3
    for value, text in options:
        name, n = re.fullmatch(r"(.*) \((\d+)\)", text).groups()
        seed.page.select_option("#q-ent", value)
        cards = seed.visible_cards()
        assert len(cards) == int(n), name
        assert {c["group"] for c in cards} == {name}
        assert seed.page.locator("section.group:visible").count() == 1
    seed.assert_quiet()


def test_text_search(seed, seed_report_root):
    total = len(seed_report_root.findings)
    for words in ("novitsky", "vasilevskaya", "374 days", "MS-25 launch"):
        before = seed.count_text()
        seed.page.fill("#q-text", words)
        changed(seed, before)  # the search applies after a short pause in typing
        cards = seed.visible_cards()
        assert 0 < len(cards) < total, words
        for c in cards:
            hay = c["text"] + " " + c["group"].lower()
            assert all(w in hay for w in words.lower().split()), (words, c["id"])
    before = seed.count_text()
    seed.page.fill("#q-text", "zzz-no-such-words")
    changed(seed, before)
    assert seed.visible_cards() == []
    assert "Showing 0 of 0" in seed.count_text()
    seed.assert_quiet()


def test_filters_combine(seed, seed_report_root):
    r = seed_report_root
    ms25 = next(e for e in r.entities if e.name == "Soyuz MS-25")
    value = seed.page.eval_on_selector_all(
        "#q-ent option", "os => os.find(o => o.textContent.startsWith('Soyuz MS-25 (')).value")
    seed.page.select_option("#q-ent", value)
    seed.page.select_option("#q-rule", label="field-quality")
    expected = {f.id for f in r.findings if f.subject == ms25.id and f.rule == "field-quality"}
    assert {c["id"] for c in seed.visible_cards()} == expected and expected


# -- permalinks ----------------------------------------------------------------------------

def in_view(page, fid: str) -> dict:
    """Where the card is once scrolling has settled, and whether its header is the topmost
    thing at its own position (not under the sticky filter bar)."""
    page.page.evaluate("""id => new Promise(done => {
        const el = document.getElementById("f-" + id);
        let last = NaN, frames = 0;  // the page holds a card in place for 8 frames
        const tick = () => {
          const top = el.getBoundingClientRect().top;
          if (top === last && ++frames > 10) { done(); }
          else { last = top; requestAnimationFrame(tick); }
        };
        requestAnimationFrame(tick);
      })""", fid)
    return page.page.evaluate("""id => {
        const el = document.getElementById("f-" + id);
        const r = el.getBoundingClientRect(), h = el.querySelector("header").getBoundingClientRect();
        const hit = document.elementFromPoint(h.left + 40, h.top + h.height / 2);
        return {top: r.top, bottom: r.bottom, height: innerHeight, shown: el.checkVisibility(),
                focused: document.activeElement === el, topmost: !!hit && el.contains(hit)};
      }""", fid)


def test_permalink_scrolls_to_its_finding(page, seed_file, seed_report_root):
    fid = seed_report_root.findings[-1].id  # the last card: far below the first screen
    page.open(seed_file, f"#f-{fid}")
    where = in_view(page, fid)
    assert where["shown"] and where["focused"]
    assert 0 <= where["top"] < where["height"], where
    assert where["topmost"], f"the card's header is covered: {where}"
    # and following a permalink inside the page does the same
    other = seed_report_root.findings[3].id
    page.page.evaluate("id => { location.hash = '#f-' + id; }", other)
    page.page.wait_for_function("id => document.activeElement.id === 'f-' + id", arg=other)
    where = in_view(page, other)
    assert 0 <= where["top"] < where["height"] and where["topmost"], where
    page.assert_quiet()


def test_permalink_opens_a_finding_not_yet_rendered(page, tmp_path, seed_report_root):
    from reconcile.render.html import render_html

    path = tmp_path / "paged.html"
    path.write_text(render_html(seed_report_root, page=5), encoding="utf-8")
    fid = seed_report_root.findings[-1].id
    page.open(path)
    assert page.page.locator(f'[id="f-{fid}"]').count() == 0
    assert len(page.visible_cards()) == 5
    page.page.evaluate("id => { location.hash = '#f-' + id; }", fid)
    page.page.wait_for_function("id => document.activeElement.id === 'f-' + id", arg=fid)
    where = in_view(page, fid)
    assert where["shown"] and 0 <= where["top"] < where["height"] and where["topmost"], where
    page.page.click("#q-more")
    assert len(page.visible_cards()) >= 10
    page.assert_quiet()


# -- timeline ------------------------------------------------------------------------------

def test_timeline_ms25_launch_and_arrival_apart(seed, seed_report_root):
    ms25 = next(e for e in seed_report_root.entities if e.name == "Soyuz MS-25")
    fig = seed.page.locator(f'figure.timeline[data-entity="{ms25.id}"]')
    assert fig.count() == 1
    fig.scroll_into_view_if_needed()

    def marks(pred: str) -> list[dict]:
        return fig.evaluate("""(fig, pred) => Array.from(fig.querySelectorAll(
            `g[data-predicate="${pred}"] [data-date]`)).filter(
              m => !m.classList.contains("hollow")).map(m => {
                const r = m.getBoundingClientRect();
                return {date: m.dataset.date, x: r.left + r.width / 2, w: r.width};
              })""", pred)

    launch, arrival, landing = marks("launch"), marks("arrival"), marks("landing")
    assert {m["date"] for m in launch} == {"2024-03-23"}
    assert {m["date"] for m in arrival} == {"2024-03-25"}
    assert {m["date"] for m in landing} == {"2024-09-23"}
    # on screen, different days are at different places, in order (dots ~10 px wide)
    assert arrival[0]["x"] - launch[0]["x"] >= 2
    assert landing[0]["x"] > arrival[0]["x"] + 100
    assert all(m["w"] > 4 for m in launch + arrival + landing)


def test_timeline_of_a_group_shown_later_is_drawn_when_shown(page, tmp_path, seed_report_root):
    """With one card on the first page, the other groups' timelines wait in rc-tl; choosing
    the entity shows its group and draws its timeline."""
    from reconcile.render.html import render_html

    path = tmp_path / "paged.html"
    path.write_text(render_html(seed_report_root, page=1), encoding="utf-8")
    ms25 = next(e for e in seed_report_root.entities if e.name == "Soyuz MS-25")
    page.open(path)
    fig = page.page.locator(f'figure.timeline[data-entity="{ms25.id}"]')
    if fig.get_attribute("data-tl") is None:
        pytest.skip("MS-25's group holds the first card")
    assert fig.locator("svg").count() == 0
    index = page.page.evaluate("id => [...document.querySelectorAll('#q-ent option')]"
                               ".find(o => o.textContent.startsWith('Soyuz MS-25')).value", ms25.id)
    page.page.select_option("#q-ent", index)
    page.page.wait_for_function("() => !document.querySelector('figure[data-tl]') || "
                                "document.querySelector('figure.timeline svg')")
    dates = fig.evaluate("f => [...f.querySelectorAll('[data-date]')].map(m => m.dataset.date)")
    assert {"2024-03-23", "2024-03-25", "2024-09-23"} <= set(dates)
    page.assert_quiet()


# -- keyboard ------------------------------------------------------------------------------

def test_keyboard_j_k_and_slash(seed):
    p = seed.page
    focused = "() => document.activeElement.id"
    order = p.evaluate("""() => Array.from(document.querySelectorAll("article.finding"))
        .filter(el => el.checkVisibility()).map(el => el.id)""")
    p.keyboard.press("j")
    assert p.evaluate(focused) == order[0]
    p.keyboard.press("j")
    assert p.evaluate(focused) == order[1]
    p.keyboard.press("j")
    assert p.evaluate(focused) == order[2]
    p.keyboard.press("k")
    assert p.evaluate(focused) == order[1]
    assert in_view(seed, order[1][2:])["topmost"]
    p.keyboard.press("/")
    assert p.evaluate(focused) == "q-text"
    assert p.input_value("#q-text") == ""  # the slash is not typed into the box
    p.keyboard.type("vasilevskaya")
    assert p.input_value("#q-text") == "vasilevskaya"
    changed(seed, f"Showing {len(order)} of {len(order)} matching findings "
                  f"({len(order)} in all)")
    p.keyboard.press("Escape")  # leaves the box, keeps the search
    assert p.evaluate(focused) != "q-text"
    assert p.input_value("#q-text") == "vasilevskaya"
    first = next(c["id"] for c in seed.visible_cards())
    p.evaluate("() => window.scrollTo(0, 0)")
    p.keyboard.press("j")  # j now walks the filtered list
    assert p.evaluate(focused) == "f-" + first
    seed.assert_quiet()


# -- hostile input -------------------------------------------------------------------------

HOSTILE = """= Soyuz MS-25 <script>alert(1)</script> =
- Launch date: 24 March 2024
- Website: javascript:alert(1)

Soyuz MS-25 <script>alert(1)</script> launched on 24 March 2024 "><img src=x onerror=alert(1)>.
See [javascript:alert(1) the page] and <a href="javascript:alert(1)">click</a> and
[[javascript:alert(1)|here]]. The commander was Oleg Novitsky "><svg onload=alert(1)>.
"""

PLAIN = """= Soyuz MS-25 =
- Launch date: 23 March 2024

Soyuz MS-25 launched on 23 March 2024. The commander was Oleg Novitskiy.
"""


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    import reconcile

    folder = tmp_path_factory.mktemp("hostile")
    (folder / '"><img src=x onerror=alert(1)>.txt').write_text(HOSTILE, encoding="utf-8")
    (folder / "plain.txt").write_text(PLAIN, encoding="utf-8")
    return reconcile.check([str(folder)])


@pytest.mark.parametrize("first_page", [150, 1], ids=["rendered", "lazy"])
def test_hostile_source_executes_nothing_and_shows_text(page, tmp_path, hostile_report,
                                                       first_page):
    from render_sample import sample_report

    from reconcile.render.html import render_html

    assert hostile_report.findings, "the hostile source should disagree with the plain one"
    for name, report in (("checked", hostile_report), ("sample", sample_report())):
        path = tmp_path / f"{name}.html"
        path.write_text(render_html(report, page=first_page), encoding="utf-8")
        page.open(path)
        p = page.page
        # bring every lazy card into the DOM (through the <template> path) and every view open
        while p.is_visible("#q-more"):
            p.click("#q-more")
        n = len(report.findings)
        assert page.count_text() == f"Showing {n} of {n} matching findings ({n} in all)"
        p.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        links = p.locator("article.finding a:visible, .doc a:visible")
        for k in range(min(links.count(), 40)):
            links.nth(k).click(timeout=5_000)
        p.wait_for_timeout(200)
        counts = p.evaluate("""() => ({
            scripts: document.scripts.length, imgs: document.querySelectorAll("img").length,
            svgs: document.querySelectorAll("svg [onload], [onerror], [onload], [onclick]").length,
            hrefs: Array.from(document.querySelectorAll("[href]"), a => a.getAttribute("href"))
                   .filter(h => !h.startsWith("#")),
          })""")
        assert counts == {"scripts": 4, "imgs": 0, "svgs": 0, "hrefs": []}, name
        text = p.inner_text("body")
        for needle in ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
                       "javascript:alert(1)"):
            assert needle in text, (name, needle)
        page.assert_quiet()


# -- screenshots ---------------------------------------------------------------------------

def shot(locator, name: str) -> None:
    out = ARTIFACTS / f"report-{name}.png"
    locator.screenshot(path=str(out), animations="disabled")
    assert out.stat().st_size > 5_000, out


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(browser, seed_file, seed_report_root, scheme):
    """Summary, one finding and one source view, for a person to look at (artifacts/)."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        p = Page(context.new_page())
        p.open(seed_file)
        p.page.screenshot(path=str(ARTIFACTS / f"report-top-{scheme}.png"))
        shot(p.page.locator("#summary"), f"summary-{scheme}")
        r = seed_report_root
        # a finding as a permalink shows it: below the filter bar, drawn at its real size
        # (off-screen cards have an estimated height until drawn, which would clip the shot)
        fid = next(f.id for f in r.findings if f.rule == "cross-event")
        p.page.evaluate("id => { location.hash = '#f-' + id; }", fid)
        in_view(p, fid)
        shot(p.page.locator(f'[id="f-{fid}"]'), f"finding-{scheme}")
        ms25 = next(e.id for e in r.entities if e.name == "Soyuz MS-25")
        fig = p.page.locator(f'figure.timeline[data-entity="{ms25}"]')
        fig.evaluate("el => el.scrollIntoView({block: 'center'})")
        shot(fig, f"timeline-ms25-{scheme}")
        src = next(i for i, d in enumerate(r.sources) if d.title == "Soyuz MS-25")
        p.page.evaluate("i => { location.hash = '#src-' + i; }", src)
        p.page.wait_for_function("i => document.querySelector('#src-' + i + ' details').open",
                                 arg=src)
        shot(p.page.locator(f"#src-{src}"), f"source-{scheme}")
        p.assert_quiet()
    finally:
        context.close()

"""Every HTML report, the index and the reader pages, rendered in a real headless Chromium: article text stays
text, and the page fits its width on screen and on paper.

The fixture site (tests/fixtures/report/, with the hostile corpus) is built into tests/browser/out/site/;
the committed reports in reports/, a site on a dozen development-corpus articles imported from CSV
(tests/browser/out/foreign/, see tests/foreign.py) and the seminar handouts in reports/seminar/ are checked too.
Each page gets a screenshot in tests/browser/out/screenshots/
and its DOM, as Chromium built it, must hold no script, no event handler and no ``javascript:`` URL, while
the injected markup is visible as literal text.

The layout check measures a copy of each page (the pages themselves run no script): a small script added to the
copy opens every ``<details>``, then lists every element drawn outside the page and every table or cell whose
content is wider than its box (a column cut off). It runs at a screen width and at the width of an A4 page with
the page's print rules applied, and the index must show its recorded values as tables, never as raw JSON.
"""

from __future__ import annotations

import html
import html.parser
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kit import config, report
from kit.report.plan import bound_corpus
from tests.browser.processes import run_in_group, scratch_folder
from tests.devcorpus import DEVCORPUS
from tests.foreign import build_site
from tests.report.helpers import reader_pages

OUT = config.ROOT / "tests" / "browser" / "out"
SITE = OUT / "site"
SCREENSHOTS = OUT / "screenshots"
FIXTURES = config.ROOT / "tests" / "fixtures" / "report"
XSS_PAGES = {"01-xss__xss/report.html", "index.html"}
# What the hostile article and manifest contain; each must show up as text, never as an element.
INJECTED_TEXT = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">read more</a>',
)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=1280,3000",
)


def site_pages() -> list[str]:
    runs = report.plan(FIXTURES / "notebooks", FIXTURES / "params")
    return ["index.html", *(f"{run.name}/report.html" for run in runs), *reader_pages()]


def committed_pages() -> list[str]:
    pages = [
        config.REPORTS / "index.html",
        *config.REPORTS.glob("*/report.html"),
        *config.REPORTS.glob("reader/*.html"),
    ]
    return sorted(p.relative_to(config.REPORTS).as_posix() for p in pages)


def foreign_pages() -> list[str]:
    """The pages of a site on a corpus of another's: every report whose parameter set is not bound to the seeds."""
    if not (DEVCORPUS / config.MANIFEST_NAME).is_file():
        return []
    runs = [run for run in report.plan(config.NOTEBOOKS, config.PARAMS) if bound_corpus(run) is None]
    return ["index.html", *(f"{run.name}/report.html" for run in runs)]


SEMINAR = config.REPORTS / "seminar"
FOREIGN = OUT / "foreign"
FOLDERS = {"reports": config.REPORTS, "seminar": SEMINAR, "foreign": FOREIGN / "my-site"}
PAGES = (
    [("site", name) for name in site_pages()]
    + [("reports", name) for name in committed_pages()]
    + [("foreign", name) for name in foreign_pages()]
    + [("seminar", p.relative_to(SEMINAR).as_posix()) for p in sorted(SEMINAR.rglob("*.html"))]
)


@pytest.fixture(scope="module")
def site() -> Path:
    shutil.rmtree(SITE, ignore_errors=True)
    code = report.run(
        notebooks_dir=FIXTURES / "notebooks", params_dir=FIXTURES / "params", reports_dir=SITE, progress=False
    )
    assert code == 0
    return SITE


@pytest.fixture(scope="module")
def foreign() -> Path | None:
    """A site built as a new user builds one: a CSV of a dozen devcorpus articles → kit import → kit report --out."""
    if not foreign_pages():
        return None
    shutil.rmtree(FOREIGN, ignore_errors=True)
    FOREIGN.mkdir(parents=True)
    return build_site(FOREIGN)["site"]


def chromium_run(binary: str, *args: str) -> subprocess.CompletedProcess:
    with scratch_folder() as profile:
        return run_in_group([binary, *FLAGS, f"--user-data-dir={profile}", *args], timeout=120)


class DomSummary(html.parser.HTMLParser):
    """What a test needs from Chromium's DOM: active content, loaded resources, and the visible text."""

    INVISIBLE = frozenset({"head", "title", "style", "script", "noscript", "template"})
    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self.script_urls: list[str] = []
        self.remote_loads: list[str] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}>")
            url = re.sub(r"[\x00-\x20]+", "", value or "").lower()
            if name in {"href", "src", "action", "formaction", "xlink:href"} and url.startswith("javascript:"):
                self.script_urls.append(f"<{tag} {name}={value}>")
            if name == "src" and url.startswith(("http:", "https:", "//")):
                self.remote_loads.append(f"<{tag} src={value}>")
        if tag == "link" and any(n == "href" and (v or "").startswith(("http", "//")) for n, v in attrs):
            self.remote_loads.append(f"<link {attrs}>")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "script":
            self.scripts.append(data)
        if not self.INVISIBLE.intersection(self.stack):
            self.text.append(data)

    @property
    def visible_text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text))


@pytest.mark.browser
@pytest.mark.enable_socket
@pytest.mark.parametrize(("group", "name"), PAGES, ids=[f"{g}/{n}" for g, n in PAGES])
def test_page_renders_article_text_as_text(chromium, site, foreign, group, name):
    page = (site if group == "site" else FOLDERS[group]) / name
    assert page.exists(), page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screenshot = SCREENSHOTS / f"{group}__{name.replace('/', '__').removesuffix('.html')}.png"
    screenshot.unlink(missing_ok=True)

    shot = chromium_run(chromium, f"--screenshot={screenshot}", page.as_uri())
    assert screenshot.exists() and screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", shot.stderr[-2000:]
    print(f"screenshot: {screenshot}")

    dumped = chromium_run(chromium, "--dump-dom", page.as_uri())
    assert dumped.returncode == 0 and "</body>" in dumped.stdout, dumped.stderr[-2000:]
    dom = DomSummary()
    dom.feed(dumped.stdout)
    dom.close()

    assert dom.scripts == [], "a report runs no script at all (offline, no JavaScript needed)"
    assert dom.handlers == [], "no element may carry an event handler (onerror=...)"
    assert dom.script_urls == [], "no link or image may point at a javascript: URL"
    assert dom.remote_loads == [], "a report loads nothing from the network"
    assert dom.visible_text.strip(), "the page shows text"
    if group == "site" and name in XSS_PAGES:
        for literal in INJECTED_TEXT:
            assert literal in dom.visible_text


# Screen: a laptop window. Print: A4 (210 mm) less the page margins of kit.css, at 96 pixels per inch.
WIDTHS = {"screen": 1280, "print": 703}
LAYOUT_ID = "kit-layout-check"
# Lists what does not fit; runs after the page (and its images) loaded.
MEASURE = """
<script>
window.addEventListener("load", () => {
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  const width = document.documentElement.clientWidth;
  const problems = [];
  const name = (el) => el.tagName.toLowerCase() + " '" + (el.textContent || "").trim().slice(0, 70) + "'";
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push("the page scrolls sideways: " + document.documentElement.scrollWidth + "px > " + width + "px");
  }
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && (box.right > width + 1 || box.left < -1)) {
      problems.push("outside the page (" + Math.round(box.left) + "–" + Math.round(box.right) + "px): " + name(el));
    }
    const style = getComputedStyle(el);
    if (style.overflowX !== "visible" && el.scrollWidth > el.clientWidth + 1) {
      problems.push("content wider than its box (" + style.overflowX + "): " + name(el));
    }
  }
  for (const table of document.querySelectorAll("table")) {
    if (table.getBoundingClientRect().right > table.parentElement.getBoundingClientRect().right + 1) {
      problems.push("a table wider than its box: " + name(table));
    }
    for (const cell of table.querySelectorAll("th, td")) {
      if (cell.scrollWidth > cell.clientWidth + 1) problems.push("a cell cut off: " + name(cell));
    }
  }
  const out = document.createElement("pre");
  out.id = "LAYOUT_ID";
  out.textContent = JSON.stringify(problems);
  document.body.appendChild(out);
});
</script>
""".replace("LAYOUT_ID", LAYOUT_ID)


def layout_problems(chromium: str, page: Path, medium: str) -> list[str]:
    """What does not fit on ``page`` at the medium's width (print: with the page's @media print rules applied)."""
    text = page.read_text(encoding="utf-8")
    if medium == "print":
        text = text.replace("@media print", "@media all")
    # A page carries its styles and figures inline, so its copy lays out the same anywhere; the copies are kept
    # under tests/browser/out/layout/ (never beside the reports) for a look when a check fails.
    copy = OUT / "layout" / f"{page.parent.name}__{medium}__{page.name}"
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(text.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    width = WIDTHS[medium]
    dumped = chromium_run(
        chromium, f"--window-size={width},2000", "--virtual-time-budget=10000", "--dump-dom", copy.as_uri()
    )
    found = re.search(f'<pre id="{LAYOUT_ID}">(.*?)</pre>', dumped.stdout, re.S)
    assert found, f"the layout check did not run on {page.name}: {dumped.stderr[-1000:]}"
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.browser
@pytest.mark.enable_socket
@pytest.mark.parametrize("medium", sorted(WIDTHS))
@pytest.mark.parametrize(("group", "name"), PAGES, ids=[f"{g}/{n}" for g, n in PAGES])
def test_page_fits_its_width_and_no_column_is_cut_off(chromium, site, foreign, group, name, medium):
    page = (site if group == "site" else FOLDERS[group]) / name
    problems = layout_problems(chromium, page, medium)
    assert problems == [], f"{group}/{name} at {WIDTHS[medium]}px ({medium}):\n" + "\n".join(problems[:20])


RAW_JSON = re.compile(r'[{\[]\s*"[^"]*"\s*:|"\s*:\s*[{\[]')


@pytest.mark.browser
@pytest.mark.enable_socket
@pytest.mark.parametrize("folder", ["site", "reports", *(["foreign"] if foreign_pages() else [])])
def test_the_index_shows_values_as_tables_not_raw_json(chromium, site, foreign, folder):
    page = (site if folder == "site" else FOLDERS[folder]) / config.REPORT_INDEX_NAME
    dumped = chromium_run(chromium, "--dump-dom", page.as_uri())
    dom = DomSummary()
    dom.feed(dumped.stdout)
    dom.close()
    assert dom.visible_text.strip(), "the index shows text"
    assert not RAW_JSON.search(dom.visible_text), RAW_JSON.search(dom.visible_text)
    if folder == "reports":
        # The seeds' reports record values per document and per theme: they are laid out as tables.
        assert '<table class="kit-values">' in dumped.stdout


class Links(html.parser.HTMLParser):
    """Every ``href`` of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [value for name, value in attrs if name == "href" and value]


REPORT_PAGES = [(group, name) for group, name in PAGES if name.endswith("/report.html")]


@pytest.mark.browser
@pytest.mark.enable_socket
@pytest.mark.parametrize(("group", "name"), REPORT_PAGES, ids=[f"{g}/{n}" for g, n in REPORT_PAGES])
def test_every_report_links_its_own_tables_and_the_index(site, foreign, group, name):
    page = (site if group == "site" else FOLDERS[group]) / name
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    own = sorted(path.name for path in page.parent.iterdir() if path.suffix in {".csv", ".json", ".ipynb"})
    assert own and set(own) <= set(links.hrefs), f"{name} does not link {sorted(set(own) - set(links.hrefs))}"
    assert "../index.html" in links.hrefs
    index = Links()
    index.feed((page.parent.parent / config.REPORT_INDEX_NAME).read_text(encoding="utf-8"))
    assert f"{page.parent.name}/report.html" in index.hrefs

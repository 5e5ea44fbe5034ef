"""The report in a real headless Chromium (Debian's, through Playwright): it renders, links work, no script runs."""

import json
import re
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.report import write_report
from newsgraph.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (/usr/bin/chromium): apt-get install chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")

ROOT = Path(__file__).parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic"]
SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
HOSTILE = {
    "id": "hostile-1",
    "title": "<script>alert('title')</script> Talks in Madrid",
    "published": "2023-03-05",
    "text": f"Talks in Madrid {SCRIPT}\n\nForeign Minister Marta Lindqvist of Sweden met Foreign Minister "
            f"Pedro Alvarez of Spain in Madrid on March 3, 2023. {IMAGE} The two ministers discussed trade.\n",
}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """The seeds and one hostile JSONL article, built and reported as a user would."""
    folder = tmp_path_factory.mktemp("browser")
    (folder / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        assert main(["build", "seeds", str(folder / "hostile.jsonl"), "--out", str(folder / "out")]) == 0
    with open_store(folder / "out", read_only=True) as store:
        return write_report(store, folder / "report").parent


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh --user-data-dir
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=FLAGS, headless=True,
            viewport={"width": 1280, "height": 900})
        yield context
        context.close()


@pytest.fixture
def page(browser):
    """A tab that records console errors, page errors, dialogs and every request."""
    page = browser.new_page()
    page.problems, page.dialogs, page.requests = [], [], []
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    page.close()


def test_the_overview_renders_with_its_pictures_and_no_console_error(report, page, tmp_path):
    page.goto((report / "index.html").as_uri(), wait_until="load")
    shot = tmp_path / "overview.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    widths = page.evaluate("[...document.images].map(image => image.naturalWidth)")
    assert len(widths) == 2 and all(w > 500 for w in widths)
    assert page.locator(".counts").inner_text().split() [:2] == ["3", "articles"]
    assert page.problems == [] and page.dialogs == []
    assert all(url.startswith("file://") for url in page.requests), page.requests


def test_a_fact_link_opens_its_highlighted_sentence(report, page, tmp_path):
    event = next(report.glob("event-meeting-2022-01-14-*.html"))
    page.goto(event.as_uri(), wait_until="load")
    link = page.locator("ul a[href*='#char-']").first
    href = link.get_attribute("href")
    anchor = link.inner_text()
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(href)
    # The text of the target without the small fact links (<sup>) inside it.
    target = page.evaluate("(() => { const t = document.querySelector(':target'); if (!t) return null;"
                           " const copy = t.cloneNode(true); copy.querySelectorAll('sup').forEach(s => s.remove());"
                           " return {tag: t.tagName, id: t.id, text: copy.textContent,"
                           " outline: getComputedStyle(t).outlineStyle}; })()")
    assert target["tag"] == "MARK" and target["id"] == href.split("#")[1]
    assert target["text"] == anchor and target["outline"] == "solid"
    assert page.locator(f"mark#{target['id']}").is_visible()
    page.screenshot(path=str(tmp_path / "sentence.png"))
    assert page.problems == []


def test_a_hostile_article_renders_as_text_and_runs_nothing(report, page):
    article = report / "article-hostile-1.html"
    page.goto(article.as_uri(), wait_until="load")
    page.wait_for_timeout(300)  # time for an onerror handler, had an image been created
    text = page.locator(".article").inner_text()
    assert SCRIPT in text and IMAGE in text
    assert page.get_by_text(SCRIPT, exact=False).first.is_visible()
    assert page.locator("script").count() == 0 and page.locator(".article img").count() == 0
    assert "<script>alert('title')</script>" in page.locator("h1").inner_text()
    meeting = page.locator("mark.fact").filter(has_text="Marta Lindqvist")
    assert meeting.count() >= 1  # the real sentence is still extracted and highlighted
    for other in ("index.html", *[p.name for p in report.glob("person-marta-lindqvist*.html")]):
        page.goto((report / other).as_uri(), wait_until="load")
    page.wait_for_timeout(300)
    assert page.dialogs == [] and page.problems == []
    assert all(url.startswith("file://") for url in page.requests), page.requests
    assert not re.search(r"<script|<img src=x", article.read_text(encoding="utf-8"))

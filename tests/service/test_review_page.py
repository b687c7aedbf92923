"""The review page in real headless Chromium (Debian's chromium + chromedriver, driven by Selenium):
upload, untick a proposed redaction, select missed text and add it, download, read the download."""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from tests.service.conftest import TOKEN

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(CHROMIUM is None or DRIVER is None,
                                reason="needs Debian's chromium and chromium-driver (scripts/setup installs them "
                                       "as root: apt-get install chromium chromium-driver)")

LETTER = ("Dear Ms Okoro,\n\nThank you for your letter. Please call me on 07700 900123 about the repairs to "
          "flat 4B before the branch meeting.\n\nYours sincerely,\nGLU case officer\n")

#: select the text between two offsets of the page's document view, as a person dragging would
SELECT = """
const [start, end] = arguments;
const doc = document.getElementById('doc');
const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
let seen = 0, node, range = document.createRange();
while ((node = walker.nextNode())) {
  const n = node.textContent.length;
  if (seen <= start && start <= seen + n) range.setStart(node, start - seen);
  if (seen <= end && end <= seen + n) { range.setEnd(node, end - seen); break; }
  seen += n;
}
const selection = window.getSelection();
selection.removeAllRanges();
selection.addRange(range);
return selection.toString();
"""


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--disable-gpu", "--no-first-run"):
        options.add_argument(arg)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False,
                                              "safebrowsing.enabled": False})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.downloads = downloads
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def wait_for(predicate, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out waiting in the browser")


def downloaded(folder: Path, suffix: str) -> Path:
    return wait_for(lambda: next((p for p in folder.iterdir() if p.name.endswith(suffix)), None))


def make_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    for para in LETTER.split("\n\n"):
        d.add_paragraph(para.replace("\n", " "))
    d.save(str(path))
    return path


def read_back(path: Path) -> str:
    if path.suffix == ".docx":
        import docx

        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("ext", [".txt", ".docx"])
def test_a_reviewer_unticks_one_adds_one_and_downloads_the_result(token_server, browser, tmp_path, ext):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    src = tmp_path / f"repairs{ext}"
    if ext == ".docx":
        make_docx(src)
    else:
        src.write_text(LETTER, encoding="utf-8")
    browser.get(token_server.url + "/")
    assert browser.title.startswith("redactor")
    browser.find_element(By.ID, "file").send_keys(str(src))
    Select(browser.find_element(By.ID, "path")).select_by_value("anonymise")
    browser.find_element(By.ID, "reviewer").send_keys("Dana Reviewer")
    browser.find_element(By.ID, "token").send_keys(TOKEN)
    browser.find_element(By.ID, "propose").click()
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#removals tbody tr"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#removals tbody tr")
    types = [r.find_elements(By.TAG_NAME, "td")[1].text for r in rows]
    assert "PHONE" in types and "PERSON" in types
    assert all(r.find_elements(By.TAG_NAME, "td")[4].text for r in rows)  # every proposal says why
    labels = [s.get_attribute("data-label") for s in browser.find_elements(By.CSS_SELECTOR, "#doc span[data-label]")]
    assert any(label.startswith("PHONE") for label in labels)

    # untick the phone number (a false positive for this reviewer)
    phone_row = rows[types.index("PHONE")]
    phone_row.find_element(By.CSS_SELECTOR, "input[type=checkbox]").click()
    assert "kept" in browser.find_element(By.CSS_SELECTOR, "#removals tbody tr.kept").get_attribute("class")

    # select the missed flat number and add it as an address
    text = browser.execute_script("return document.getElementById('doc').textContent")
    start = text.index("flat 4B")
    assert browser.execute_script(SELECT, start, start + len("flat 4B")) == "flat 4B"
    Select(browser.find_element(By.ID, "add-type")).select_by_value("ADDRESS")
    browser.find_element(By.ID, "add-selection").click()
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#doc span.added"))
    screenshot = os.environ.get("REVIEW_SCREENSHOT_DIR")
    if screenshot:
        browser.save_screenshot(str(Path(screenshot) / f"redactor-review-page{ext.replace('.', '-')}.png"))

    browser.find_element(By.ID, "apply").click()
    link = wait_for(lambda: [e for e in browser.find_elements(By.ID, "download-doc") if e.is_displayed()])[0]
    assert "you kept 1 and added 1" in browser.find_element(By.ID, "status").text
    link.click()
    document = downloaded(browser.downloads, f"repairs.redacted{ext}")
    browser.find_element(By.ID, "download-report").click()
    report = json.loads(downloaded(browser.downloads, "repairs.redacted.report.json").read_text())
    if screenshot:
        browser.save_screenshot(str(Path(screenshot) / f"redactor-review-done{ext.replace('.', '-')}.png"))

    out = read_back(document)
    assert "07700 900123" in out  # unticked: kept
    assert "flat 4B" not in out and "[ADDRESS]" in out  # added: removed
    assert "Okoro" not in out and "[PERSON]" in out  # the rest as proposed
    review = report["review"]
    assert review["reviewer"] == {"name": "Dana Reviewer", "token": "alice"}
    assert [(c["change"], c["type"]) for c in review["changes"]] == [("kept", "PHONE"), ("added", "ADDRESS")]
    assert "07700" not in json.dumps(report) and "flat 4B" not in json.dumps(report)


def test_the_page_loads_nothing_from_elsewhere(open_server):
    import httpx

    page = httpx.get(open_server.url + "/")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text and "//" not in page.text.replace("<!--", "")
    for asset in ("/review.js", "/review.css"):
        body = httpx.get(open_server.url + asset).text
        assert "http://" not in body and "https://" not in body and "@import" not in body

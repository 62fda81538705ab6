"""The release report and data dictionary: opened in headless Chromium, every declared chart draws its
marks and the console stays clean; the pages are byte-identical across builds; the dictionary and the
dataset card cover every column of schemas.TABLES."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from contextlib import ExitStack
from html.parser import HTMLParser
from pathlib import Path

import altair as alt
import polars as pl
import pytest
import yaml
from websockets.sync.client import connect

import pipeline.report_charts as report_charts
from pipeline.blobs import BlobCache
from pipeline.build import build_release
from pipeline.report_charts import svg
from schemas import TABLES

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
TEXTS = ["A_RES_72_284.txt", "A_RES_74_270.txt", "A_RES_74_274.txt", "S_RES_970_1995.txt"]
CHARTS = ["coverage", "verb-strength", "verb-mix", "addressees", "most-cited", "degree-distribution", "deadlines",
          "quarantine"]  # the inputs below have rows for every chart of the report
CHROMIUM = Path("/usr/bin/chromium")
VERSION = "2026.1.1"


def _raw(tmp: Path) -> Path:
    raw = tmp / "raw"
    raw.mkdir()
    for name in TEXTS:
        shutil.copy2(RAW / name, raw / name)
    (raw / "A_RES_99_1.txt").write_text("  \n", encoding="utf-8")  # quarantined: empty
    return raw


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(raw directory, release directory) of a small build."""
    tmp = tmp_path_factory.mktemp("report")
    raw = _raw(tmp)
    assert build_release(raw, tmp / "releases", VERSION) == 0
    return raw, tmp / "releases" / VERSION


class Browser:
    """Headless Chromium driven over the DevTools protocol (loopback websocket, one page at a time)."""

    def __init__(self, profile: Path) -> None:
        self.profile = profile
        self.events: list[dict] = []
        self.next_id = 0
        self._stack = ExitStack()

    def __enter__(self) -> Browser:
        if not CHROMIUM.is_file():
            pytest.fail(f"{CHROMIUM} not found: apt-get install chromium (.ci/run does)")
        self.log = self.profile / "chromium.log"
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={self.profile}",
                 "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank"],
                stdout=subprocess.DEVNULL, stderr=log)
        self._stack.callback(self._stop)
        try:
            self.socket = self._stack.enter_context(connect(self._endpoint(), max_size=None, open_timeout=30))
        except BaseException:
            self._stack.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    def _endpoint(self, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.search(r"DevTools listening on (ws://\S+)", self.log.read_text(errors="replace"))
            if found:
                return found.group(1)
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        pytest.fail(f"chromium did not start: {self.log.read_text(errors='replace')[-2000:]}")

    def call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self.next_id += 1
        message: dict = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv(timeout=60))
            if reply.get("id") == self.next_id:
                assert "error" not in reply, (method, reply["error"])
                return reply["result"]
            self.events.append(reply)

    def open(self, path: Path) -> str:
        """Load a file in a new page; its session id once the load event has fired."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=session)
        self.call("Page.navigate", {"url": path.as_uri()}, session=session)
        deadline = time.monotonic() + 60
        while not any(e.get("method") == "Page.loadEventFired" and e.get("sessionId") == session for e in self.events):
            assert time.monotonic() < deadline, f"{path} did not load"
            self.events.append(json.loads(self.socket.recv(timeout=60)))
        return session

    def evaluate(self, session: str, expression: str) -> object:
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session)
        assert "exceptionDetails" not in result, result
        return result["result"]["value"]

    def console_errors(self, session: str) -> list[str]:
        """Exceptions, console.error/warn/assert calls and error log entries (e.g. a failed load) of a page."""
        errors = []
        for event in (e for e in self.events if e.get("sessionId") == session):
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                errors.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "warning", "assert"):
                errors.append(" ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                errors.append(f"{params['entry']['source']}: {params['entry']['text']}")
        return errors

    def _stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    with Browser(tmp_path_factory.mktemp("chromium")) as chromium:
        yield chromium


RENDERED = """(() => [...document.querySelectorAll('figure.chart')].map(figure => {
  const chart = figure.querySelector('svg'); const box = chart ? chart.getBBox() : {width: 0, height: 0};
  const marks = chart ? [...chart.querySelectorAll('g.role-mark')].reduce((n, g) => n + g.childElementCount, 0) : 0;
  return {id: figure.id, width: box.width, height: box.height, marks: marks};
}))()"""


def test_every_declared_chart_renders_without_console_errors(built: tuple[Path, Path], browser: Browser) -> None:
    page = built[1] / "report" / "index.html"
    session = browser.open(page)
    declared = browser.evaluate(session, "Number(document.body.dataset.charts)")
    charts = browser.evaluate(session, RENDERED)
    assert declared == len(CHARTS)
    assert [c["id"] for c in charts] == [f"chart-{name}" for name in CHARTS]
    drawn = [c["id"] for c in charts if c["width"] > 100 and c["height"] > 50 and c["marks"] > 0]
    assert drawn == [c["id"] for c in charts], charts
    assert browser.evaluate(session, "document.querySelectorAll('script, link[rel=stylesheet], img').length") == 0
    assert browser.console_errors(session) == []


def test_report_shows_the_release(built: tuple[Path, Path], browser: Browser) -> None:
    session = browser.open(built[1] / "report" / "index.html")
    text = browser.evaluate(session, "document.body.innerText")
    assert "A_RES_99_1.txt" in text and "empty" in text  # the quarantine list
    assert "A/RES/72/284" in text  # the gold document in the accuracy table
    rows = browser.evaluate(session, "[...document.querySelectorAll('#health tbody tr')].map(r => r.cells[0].innerText)")
    health = pl.read_parquet(built[1] / "parquet" / "corpus_health.parquet")
    assert set(health["measure"].cast(pl.String)) <= set(rows)


def test_pages_link_only_to_files_of_the_release(built: tuple[Path, Path]) -> None:
    for page in ("index.html", "dictionary.html"):
        source = (built[1] / "report" / page).read_text(encoding="utf-8")
        targets = {href.split("#")[0] for href in re.findall(r'href="([^"]+)"', source)} - {""}
        assert targets, page
        assert all(not re.match(r"[a-z]+:", href) for href in targets), targets  # no network
        missing = [href for href in targets if not (built[1] / "report" / href).is_file()]
        assert missing == [], (page, missing)
        assert all(f'id="{name}"' in (built[1] / "report" / "dictionary.html").read_text(encoding="utf-8")
                   for name in re.findall(r'href="dictionary\.html#([^"]+)"', source))


def test_report_is_byte_identical_across_builds_and_checksummed(built: tuple[Path, Path], tmp_path: Path) -> None:
    raw, release = built
    assert build_release(raw, tmp_path, VERSION) == 0  # a second build in the same process
    for page in ("index.html", "dictionary.html"):
        assert (tmp_path / VERSION / "report" / page).read_bytes() == (release / "report" / page).read_bytes()
    sums = (release / "SHA256SUMS").read_text(encoding="utf-8")
    assert "  report/index.html\n" in sums and "  report/dictionary.html\n" in sums


def test_svg_ids_do_not_depend_on_what_was_rendered_before() -> None:
    data = alt.Data(values=[{"x": i, "y": i % 3, "v": i * 1.5} for i in range(6)])
    chart = alt.Chart(data).mark_rect().encode(x="x:O", y="y:O", color="v:Q")  # a gradient legend: an id
    first, second = svg("a", chart), svg("a", chart)
    assert first == second
    assert 'id="a-1"' in first and "url(#a-1)" in first
    assert svg("b", chart) == first.replace('"a-', '"b-').replace("#a-", "#b-")


def test_a_cached_chart_is_the_chart_drawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = alt.Data(values=[{"x": i, "y": i % 3, "v": i * 1.5} for i in range(6)])
    chart = alt.Chart(data).mark_rect().encode(x="x:O", y="y:O", color="v:Q")
    cache = BlobCache(tmp_path / "charts")
    drawn = svg("a", chart, cache)
    assert drawn == svg("a", chart)
    monkeypatch.setattr(report_charts.vl_convert, "vegalite_to_svg", lambda *args, **kwargs: pytest.fail("drawn again"))
    assert svg("a", chart, cache) == drawn
    other = alt.Chart(alt.Data(values=[{"x": 1, "y": 1, "v": 2.0}])).mark_rect().encode(x="x:O", y="y:O", color="v:Q")
    with pytest.raises(pytest.fail.Exception, match="drawn again"):
        svg("a", other, cache)  # other data: drawn


class _Dictionary(HTMLParser):
    """Column names (first cell of each body row) and example codes, per table section."""

    def __init__(self) -> None:
        super().__init__()
        self.columns: dict[str, list[str]] = {}
        self.examples: dict[tuple[str, str], list[str]] = {}
        self.section: str | None = None
        self.cell = -1
        self.in_body = self.in_code = False
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "section":
            self.section = attributes["id"]
            self.columns[self.section] = []
        elif tag == "tbody":
            self.in_body = self.section is not None
        elif tag == "tr" and self.in_body:
            self.cell = -1
        elif tag == "td" and self.in_body:
            self.cell += 1
        elif tag == "code" and self.in_body:
            self.in_code, self.text = True, ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self.in_body = False
        elif tag == "section":
            self.section = None
        elif tag == "code" and self.in_code:
            self.in_code = False
            if self.cell == 0:
                self.columns[self.section].append(self.text)
            elif self.cell == 5:
                self.examples.setdefault((self.section, self.columns[self.section][-1]), []).append(self.text)

    def handle_data(self, data: str) -> None:
        if self.in_code:
            self.text += data


def test_dictionary_lists_every_column_of_every_table(built: tuple[Path, Path], browser: Browser) -> None:
    page = built[1] / "report" / "dictionary.html"
    parsed = _Dictionary()
    parsed.feed(page.read_text(encoding="utf-8"))
    assert parsed.columns == {name: list(spec.model.to_schema().columns) for name, spec in TABLES.items()}
    documents = pl.read_parquet(built[1] / "parquet" / "documents.parquet")
    assert parsed.examples[("documents", "document_id")] == documents["document_id"].head(3).to_list()
    assert parsed.examples[("quarantine", "reason")] == ["empty"]
    assert parsed.examples[("paragraphs", "number")] == ["1", "2", "3"]  # null in the preamble rows that come first
    session = browser.open(page)
    assert browser.evaluate(session, "document.querySelectorAll('section').length") == len(TABLES)
    assert browser.console_errors(session) == []


def test_card_has_hugging_face_front_matter_and_fields(built: tuple[Path, Path]) -> None:
    card = (built[1] / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\n")
    header = yaml.safe_load(card.split("---\n")[1])
    assert header["license"] == "cc-by-4.0" and header["language"] == ["en"]
    largest = max(pl.read_parquet(built[1] / "parquet" / f"{name}.parquet").height for name in TABLES)
    assert header["size_categories"] == ["n<1K" if largest < 1_000 else "1K<n<10K"]
    assert [c["config_name"] for c in header["configs"]] == list(TABLES)
    assert all((built[1] / c["data_files"]).is_file() for c in header["configs"])
    assert "(report/index.html)" in card and "(report/dictionary.html)" in card
    for name, spec in TABLES.items():
        assert f"<summary><code>{name}</code>" in card
        assert all(f"| `{column}` |" in card for column in spec.model.to_schema().columns)
    assert "## Curation notes" in card and "## Contact" in card

"""The workbench in Chromium: drivers and parameters edited and run, a bad field named, an ensemble whose bands fill
in, the year downloaded (CSV, GEXF, PNG, SVG), and the page at 800 px wide without horizontal overflow."""

from __future__ import annotations

import io
import zipfile

import yaml

TIMEOUT_MS = 120_000


def _set_range(page, selector: str, value: float) -> None:
    page.evaluate("([s, v]) => { const el = document.querySelector(s); el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); }", [selector, value])


def test_workbench(server, browser, shots, ready, runs_dir):
    page = browser.new_page()
    errors: list = []
    page.on("console", lambda m: errors.append(m) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(e))
    try:
        page.goto(server + "/#source=record&year=1914", timeout=TIMEOUT_MS)
        ready(page, year="1914", source="record")
        _downloads(page, shots)
        _edit_and_run(page, ready, runs_dir, shots)
        _bad_field(page)
        _ensemble(page, server, shots)
    except Exception:
        page.screenshot(path=str(shots / "failure-workbench.png"), full_page=True)
        raise
    finally:
        page.close()

    def expected(e) -> bool:  # the one refused run of _bad_field
        loc = getattr(e, "location", None) or {}
        return "422" in getattr(e, "text", "") and "/api/jobs" in str(loc.get("url", ""))

    unexpected = [getattr(e, "text", str(e)) for e in errors if not expected(e)]
    assert not unexpected, f"JavaScript console errors: {unexpected}"


def _downloads(page, shots) -> None:
    for link, member in (("#dl-csv", "states.csv"), ("#dl-gexf", "network.gexf")):
        with page.expect_download(timeout=TIMEOUT_MS) as dl:
            page.click(link)
        path = shots / dl.value.suggested_filename
        dl.value.save_as(path)
        assert path.name.startswith("foedus-record-1914")
        names = zipfile.ZipFile(path).namelist()
        assert f"foedus-record-1914/{member}" in names and f"foedus-record-1914/{member}.json" in names, names
    for which in ("network", "map"):
        page.select_option("#dl-picture", which)
        for fmt, magic in (("png", b"\x89PNG"), ("svg", b"<svg")):
            with page.expect_download(timeout=TIMEOUT_MS) as dl:
                page.click(f"#dl-{fmt}")
            path = shots / f"download-{which}.{fmt}"
            dl.value.save_as(path)
            head = path.read_bytes()[:400]
            assert magic in head, (which, fmt, head[:60])
            assert dl.value.suggested_filename == f"foedus-record-1914-{which}.{fmt}"


def _edit_and_run(page, ready, runs_dir, shots) -> None:
    page.select_option("#run-builtin", "europe-1871")
    page.wait_for_selector('#run-form[data-scenario="europe-1871"] #trends-cyber', timeout=TIMEOUT_MS)
    assert page.input_value("#trends-cyber") == "0"  # europe-1871's T3
    _set_range(page, "#trends-cyber", 0.7)
    assert "changed" in page.get_attribute("#trends-cyber >> xpath=..", "class")
    page.click("#params-box summary")
    page.fill("#params-filter", "reactivity")
    page.fill("#parameters-reactivity", "0.3")
    assert "1 changed" not in page.inner_text("#params-count") and "2 changed" in page.inner_text("#params-count")
    page.fill("#run-years", "2")
    page.fill("#run-seed", "6")
    page.click("#run-button")
    ready(page, source="run:*", year="1872")
    sid = page.get_attribute("body", "data-source")
    written = yaml.safe_load((runs_dir / sid.split(":", 1)[1] / "scenario.yaml").read_text())
    assert written["trends"]["cyber"] == 0.7 and written["parameters"]["reactivity"] == 0.3
    page.locator("#run-card").screenshot(path=str(shots / "08-workbench.png"))


def _bad_field(page) -> None:
    page.fill("#params-filter", "reactivity")
    page.fill("#parameters-reactivity", "5")
    page.click("#run-button")
    page.wait_for_selector("#run-message.error", timeout=TIMEOUT_MS)
    msg = page.inner_text("#run-message")
    assert "field 'parameters.reactivity'" in msg and "less than or equal to 2" in msg, msg
    page.click("#reset-button")
    page.wait_for_function("() => !document.querySelector('#params-count').textContent.includes('changed')", timeout=TIMEOUT_MS)


def _ensemble(page, server, shots) -> None:
    page.fill("#run-years", "3")
    page.fill("#ens-runs", "4")
    page.click("#ens-button")
    page.wait_for_selector('body[data-source^="ensemble:ensembles/europe-1871-x4"][data-ensemble-runs="4"][data-status=ready]', timeout=TIMEOUT_MS)
    seen = [int(x) for x in page.get_attribute("body", "data-runs-seen").split(",")]
    assert seen == sorted(seen) and seen[-1] == 4 and seen[0] >= 1, seen  # drawn from the first run on, more runs each time
    sid = page.get_attribute("body", "data-source")
    bands = page.request.get(f"{server}/api/ensemble?source={sid}").json()
    assert bands["runs"] == 4 and page.locator("#ensemble-bands .main-svg").count() >= len(bands["outcomes"])
    assert "4 runs" in page.inner_text("#ensemble-note")
    page.wait_for_function("() => document.querySelector('#run-message').textContent.startsWith('done: 4 runs')", timeout=TIMEOUT_MS)
    assert not page.locator("#run-message.error").count()
    page.screenshot(path=str(shots / "09-ensemble-from-the-page.png"), full_page=True)


def test_usable_at_800_px(server, browser, shots, ready):
    page = browser.new_page()
    page.set_viewport_size({"width": 800, "height": 900})
    try:
        page.goto(server + "/#source=record&year=1914", timeout=TIMEOUT_MS)
        ready(page, year="1914", source="record")
        page.wait_for_selector("#run-form[data-scenario] #trends .bench-field", timeout=TIMEOUT_MS)
        page.click("#params-box summary")
        assert page.evaluate("document.documentElement.scrollWidth") <= 800
        wide = page.evaluate(
            "() => [...document.querySelectorAll('body *')].filter((e) => { const r = e.getBoundingClientRect();"
            " return r.width > 0 && r.right > document.documentElement.clientWidth + 0.5 && !e.closest('.table-wrap, .params, .blocs'); })"
            ".map((e) => e.id || e.className || e.tagName).slice(0, 10)"
        )
        assert not wide, f"elements past the right edge at 800 px: {wide}"
        for plot in ("network", "map", "ts-agreements"):
            box = page.locator(f"#{plot}").bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 800, (plot, box)
        page.screenshot(path=str(shots / "10-800px.png"), full_page=True)
    finally:
        page.close()

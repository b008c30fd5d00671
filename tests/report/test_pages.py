"""Every report page in headless Chromium: nothing wider than an 800 px window, figures at one width.

Debian's /usr/bin/chromium through Playwright, as ``tests/web/test_browser.py``. The history
report of a toy history, an ensemble page and a validation page are loaded at 800 and at
1280 px: at 800 px the page does not scroll sideways; at 1280 px the ensemble's figures are as
wide as the history report's (they were drawn at half width).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed at /usr/bin/chromium (CI installs it: apt-get install -y chromium chromium-driver)",
)


def _pages(tmp_path: Path) -> dict[str, Path]:
    from foedus.analysis.era_tolerance import TOLERANCE, EraFact
    from foedus.report import ensemble as rep
    from foedus.report.history import write_history_report
    from foedus.report.validation import write_report
    from foedus.testing import toy_history

    h = toy_history(
        [{"id": 1, "start": 1900, "end": 1930, "members": [2, 200, 220]}, {"id": 2, "start": 1910, "end": None, "members": [365, 710]}],
        first_year=1900, last_year=1950, cinc={2: 0.3, 200: 0.2, 220: 0.1, 365: 0.2, 710: 0.2}, majors=[2, 200, 365],
    )
    history = write_history_report(h, tmp_path / "history.html", years=[1920])
    years = np.arange(2000, 2010)
    bands = pd.DataFrame({"indicator": "alliances", "year": years, "runs": 8, "q05": 3.0, "q95": 7.0, "median": 5.0,
                          "median_lo": 4.0, "median_hi": 6.0, "mean": 5.0})
    long_label = {"a very long pair label that could push the page wider than the window": pd.DataFrame(
        {"year": years, "runs": 8, "allied": 4, "probability": np.linspace(0.1, 0.9, len(years)), "lo": 0.0, "hi": 1.0})}
    ensemble = rep.write_html(tmp_path / "ensemble.html", [rep.html_section(bands, title="t", pairs=long_label)])
    name = next(iter(TOLERANCE))
    facts = [EraFact(era="1815-1913", name=name, record=1.0, simulated=1.2, median=1.1, p5=0.9, p95=1.3, in_range=True,
                     tolerance="x", in_sample=True)]
    validation = write_report(facts, tmp_path / "validation.html")[0]
    return {"history": history, "ensemble": ensemble, "validation": validation}


def test_report_pages_fit_an_800px_window_and_share_one_figure_width(tmp_path):
    from playwright.sync_api import sync_playwright

    pages = _pages(tmp_path)
    widths: dict[str, list[float]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            for viewport in (800, 1280):
                page = browser.new_page(viewport={"width": viewport, "height": 900})
                for name, path in pages.items():
                    page.goto(path.resolve().as_uri())
                    client, scroll = page.evaluate("[document.documentElement.clientWidth, document.documentElement.scrollWidth]")
                    assert scroll <= client, f"{name} at {viewport} px scrolls sideways ({scroll} > {client})"
                    svgs = page.evaluate("Array.from(document.querySelectorAll('svg')).map(s => s.getBoundingClientRect().width)")
                    assert svgs and max(svgs) <= client, name
                    if viewport == 1280:
                        widths[name] = svgs
                page.close()
        finally:
            browser.close()
    column = max(widths["history"])
    assert all(w == pytest.approx(column, abs=1) for name in ("history", "ensemble", "validation") for w in widths[name]), widths

"""The history report: one self-contained, reproducible HTML file with the figures of brief H1."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from foedus.testing import toy_history
from foedus.report.history import SNAPSHOT_YEARS, history_main_job, snapshot_years, write_history_report
from foedus.report.provenance import RECORD_MILEX_UNIT, milex_unit, simulated_source
from foedus.sim import Scenario


def _toy(first=1900, last=1960):
    return toy_history(
        [
            {"id": 1, "start": first, "end": first + 12, "members": [2, 200, 220]},
            {"id": 2, "start": first + 5, "end": None, "members": [2, 20], "obligations": ["defense", "consultation"]},
            {"id": 3, "start": first + 20, "end": first + 30, "members": [365, 710], "obligations": ["nonaggression"]},
            {"id": 4, "start": first + 25, "end": None, "members": [365, 290, 310]},
        ],
        first_year=first, last_year=last,
        cinc={2: 0.3, 200: 0.1, 220: 0.08, 20: 0.02, 365: 0.2, 710: 0.2, 290: 0.01, 310: 0.005},
        majors=[2, 365, 710],
    )


class _Resources(HTMLParser):
    """Collects every attribute that could make a browser fetch something."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "srcset", "data", "action", "poster") and value is not None:
                self.links.append(value)


def _figure(html: str, fig_id: str) -> str:
    m = re.search(rf'<figure id="{fig_id}"[^>]*>(.*?)</figure>', html, flags=re.S)
    assert m, f"no figure {fig_id}"
    return m.group(1)


def _caption(html: str, fig_id: str) -> str:
    return re.search(r"<figcaption>(.*?)</figcaption>", _figure(html, fig_id), flags=re.S).group(1)


def _kinds_row(html: str, kind: str) -> list[str]:
    """The cells of ``kind``'s row in the table of agreements by kind."""
    table = re.search(r"<table><caption>Agreements by kind: inherited \+ begun − ended = in force at the end</caption>(.*?)</table>", html, flags=re.S)
    assert table, "no table of agreements by kind"
    row = re.search(rf"<tr><td>{kind}</td>(.*?)</tr>", table.group(1), flags=re.S)
    assert row, f"no row for {kind}"
    return re.findall(r"<td>(.*?)</td>", row.group(1))


def test_record_report(record, tmp_path):
    """One test, so that the record's report (the slow part) is drawn once per test process."""
    path = write_history_report(record, tmp_path / "history.html")
    html = path.read_text(encoding="utf-8")

    # one self-contained file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.html"]

    # the five network snapshots, as embedded images, with the major powers labelled
    assert SNAPSHOT_YEARS == (1914, 1939, 1960, 1990, 2018)
    for year in SNAPSHOT_YEARS:
        body = _figure(html, f"fig-network-{year}")
        assert "<svg" in body and "</svg>" in body
        assert f"Defence-pact network, {year}" in body
    assert all(abb in _figure(html, "fig-network-1914") for abb in (">GMY<", ">AUH<", ">ITA<"))

    # formation (world wars and 1991 marked), agreements in force by kind, size, survival and polarity figures
    for fig_id in ("fig-formation", "fig-kinds", "fig-size", "fig-survival", "fig-polarity"):
        assert "<svg" in _figure(html, fig_id)
    formation = _figure(html, "fig-formation")
    assert "World War I" in formation and "World War II" in formation and "1991" in formation
    assert "Shaded: the two world wars (1914–1918, 1939–1945); dashed line: 1991, dissolution of the USSR." in _caption(html, "fig-formation")
    assert "Shaded: the two world wars; dashed line: 1991." in _caption(html, "fig-kinds")

    # nothing to fetch: no script, style sheet, external image, font or link
    parser = _Resources()
    parser.feed(html)
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    assert all(link.startswith("#") for link in parser.links), [x for x in parser.links if not x.startswith("#")][:5]
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert "@import" not in html and "<!DOCTYPE svg" not in html

    # captions say where the data come from
    assert "ATOP 5.1" in html and "Leeds et al. 2002" in html
    assert "National Material Capabilities" in html
    for fig_id in ("fig-formation", "fig-kinds", "fig-size", "fig-survival", "fig-network-1960", "fig-polarity"):
        caption = re.search(r"<figcaption>(.*?)</figcaption>", _figure(html, fig_id), flags=re.S).group(1)
        assert "Data:" in caption or "Ray &amp; Singer" in caption
    assert ">789<" in html  # headline table: alliances in ATOP 5.1

    # agreements in force by kind: ATOP has alliances only; data README: 789 begun, 417 ended, 372 in force at the end of 2018
    kinds = _figure(html, "fig-kinds")
    assert ">alliances<" in kinds and ">coalitions<" not in kinds and ">defence<" in kinds
    row = _kinds_row(html, "alliance")
    assert row[:3] == ["0", "789", "417"] and row[-1] == "372"

    # the great powers' arms spending and alignments, labelled by COW abbreviation
    for fig_id in ("fig-arms", "fig-alignments"):
        body = _figure(html, fig_id)
        assert "<svg" in body and ">USA<" in body and ">RUS<" in body
    # spending in one unit (billions of current US$, the pounds of 1816-1913 converted), credited to NMC (not to ATOP)
    arms = _caption(html, "fig-arms")
    assert RECORD_MILEX_UNIT.report_caption in arms and "billions of constant 2022 US dollars" in arms and "National Material Capabilities 7.0" in arms and "ATOP" not in arms
    assert "the end of the record (2018)" in _caption(html, "fig-survival")


def test_simulated_window_gets_evenly_spaced_snapshots(tmp_path):
    h = _toy(2019, 2100)
    assert snapshot_years(h) == [2019, 2039, 2060, 2080, 2100]  # numpy.linspace(2019, 2100, 5), rounded
    html = write_history_report(h, tmp_path / "sim.html").read_text(encoding="utf-8")
    for year in (2019, 2039, 2060, 2080, 2100):
        assert "<svg" in _figure(html, f"fig-network-{year}")
    assert "ATOP 5.1 alliance-" not in html  # a simulated history is not credited to ATOP
    # captions describe what is drawn: no world war or 1991 in 2019-2100
    for fig_id in ("fig-formation", "fig-kinds"):
        caption = _caption(html, fig_id)
        assert "world war" not in caption.lower() and "1991" not in caption and "Shaded" not in caption
    # a simulated window gets its own periods, not the record's (issue 14: "before 1945: n=1" for 2022-2051);
    # formation tables show the periods inside the window, survival also the alliances it inherits
    rate = re.search(r"<caption>Alliances begun, by period</caption>(.*?)</table>", html, flags=re.S).group(1)
    assert re.findall(r"<tr><td>(.*?)</td>", rate) == ["2019-2045", "2046-2072", "2073-2100", "all"]
    surv = re.search(r"<caption>Duration \(years\) and Kaplan.*?</table>", html, flags=re.S).group(0)
    assert "before 2019" in surv and "1945" not in surv and "1991" not in surv
    assert "before 1945" not in re.search(r"<caption>By format.*?</table>", html, flags=re.S).group(0)
    assert "before 1945" not in re.search(r"<caption>Headline measures.*?</table>", html, flags=re.S).group(0)


def test_captions_mark_only_the_events_inside_the_window(tmp_path):
    html = write_history_report(_toy(1930, 1960), tmp_path / "w.html", years=[1950]).read_text(encoding="utf-8")
    assert "Shaded: World War II (1939–1945)." in _caption(html, "fig-formation")
    assert "World War I " not in _figure(html, "fig-formation") and "1991" not in _caption(html, "fig-formation")
    html = write_history_report(_toy(1960, 2000), tmp_path / "c.html", years=[1990]).read_text(encoding="utf-8")
    assert "Dashed line: 1991, dissolution of the USSR." in _caption(html, "fig-formation")
    assert "Dashed line: 1991." in _caption(html, "fig-kinds") and "Shaded" not in _caption(html, "fig-kinds")


def test_milex_unit_comes_from_the_source(tmp_path):
    """world-2022 starts from SIPRI figures in constant 2022 US$; the historical scenarios from COW NMC's current US$."""
    alliances = [{"id": 1, "start": 2022, "end": None, "members": [2, 20]}]
    h = toy_history(alliances, first_year=2022, last_year=2030, majors=[2], source="simulation:world-2022:seed=1")
    assert simulated_source(h) == ("world-2022", 1)
    world = Scenario.builtin("world-2022")
    unit = milex_unit(h, world)
    assert unit.money == "constant 2022 US dollars" and "SIPRI" in unit.source
    html = write_history_report(h, tmp_path / "w.html", scenario=world).read_text(encoding="utf-8")
    arms = _caption(html, "fig-arms")
    assert "billions of constant 2022 US dollars" in arms and "current US dollars" not in arms and "pounds" not in arms
    assert "Alliances in a simulated world: world-2022, seed 1, 2022–2030" in html
    # the caller passes the scenario (the report layer does not look scenarios up)
    h1871 = toy_history([{"id": 1, "start": 1871, "end": None, "members": [2, 20]}], first_year=1871, last_year=1880)
    assert milex_unit(h1871, Scenario.builtin("europe-1871")).money == "current US dollars of 1871"
    assert "which dollars" in milex_unit(_toy()).caption  # unknown source: says so


def test_milex_unit_of_a_run_comes_from_its_provenance():
    """A simulated run records its dollars in History.meta: no scenario needed to name them."""
    from foedus.sim import run_scenario

    h = run_scenario("europe-1871", years=2, seed=3)
    assert simulated_source(h) == ("europe-1871", 3)
    unit = milex_unit(h)
    assert unit.money == "current US dollars of 1871" and unit.axis == "thousand current US$ of 1871"
    assert milex_unit(h, Scenario.builtin("europe-1871")).caption == unit.caption


def test_snapshot_year_outside_the_window_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="outside the history's window"):
        write_history_report(_toy(), tmp_path / "x.html", years=[1850])


def test_main_job_writes_report_and_summary(tmp_path):
    s = history_main_job(tmp_path / "out", history=_toy())
    report, js = tmp_path / "out" / "history_report.html", tmp_path / "out" / "history_summary.json"
    assert report.is_file() and js.is_file()
    assert s["outputs"] == {"report": str(report), "summary": str(js)}

    def no_nan(token):
        raise AssertionError(f"non-standard JSON constant {token}")

    data = json.loads(js.read_text(), parse_constant=no_nan)
    assert data["alliances"] == s["alliances"] == 4
    assert data["per_year"] == pytest.approx(4 / 61)


def test_agreements_in_force_by_kind_in_a_simulated_run_with_coalitions(tmp_path):
    """A short simulated run (world-2022, 3 years): the figure has a panel per kind present, the table a row per kind.

    The run is chosen for its coalition. It was europe-1871 (5 years) until coalitions against a global threat were
    dated (terrorism 2001, organised crime 2000, proliferation 2003: sim/steps/crises.py COALITION_FIRST_YEAR): an
    1871 run has none now (seeds 0-29, 5 years). A world-2022 run assembles one in its first year (seeds 0-2: one
    coalition each, begun 2022; seed 0's is the "coalition against aggression (2022)" facing Russia's invasion of
    Ukraine, a crisis the dating leaves alone), and it has organisations and alliances too."""
    from foedus.analysis.in_force import agreements_in_force
    from foedus.sim import run_scenario

    for seed in range(12):  # the first seed whose run has a coalition (runs change with the model)
        h = run_scenario("world-2022", years=3, seed=seed)
        if "coalition" in set(h.agreements["kind"]):
            break
    kinds = list(agreements_in_force(h).columns)
    assert "coalition" in kinds, f"this run was chosen for its coalition; it now has only {kinds}"
    html = write_history_report(h, tmp_path / "run.html", years=[h.last_year]).read_text(encoding="utf-8")
    figure = _figure(html, "fig-kinds")
    assert "<svg" in figure and "Agreements in force by kind" in figure
    for kind in ("alliance", "coalition", "organisation"):
        assert (f">{kind}s<" in figure) == (kind in kinds and agreements_in_force(h)[kind].any())
        assert (kind in kinds) == bool(re.search(rf"<tr><td>{kind}</td>", html))
    begun = h.agreements[h.agreements["start_year"] >= h.first_year]
    assert int(_kinds_row(html, "coalition")[1]) == int((begun["kind"] == "coalition").sum())
    for kind in kinds:  # inherited + begun - ended = in force at the end
        row = _kinds_row(html, kind)
        assert int(row[0]) + int(row[1]) - int(row[2]) == int(row[-1])


def test_same_history_same_bytes(tmp_path):
    """Same history, same bytes; here with all three kinds of agreement of brief A2."""
    h = toy_history(
        [
            {"id": 1, "start": 1900, "end": 1930, "members": [2, 200]},
            {"id": 2, "start": 1910, "end": 1912, "members": [2, 220, 200], "kind": "coalition", "obligations": []},
            {"id": 3, "start": 1905, "end": None, "members": [200, 220], "kind": "organisation", "obligations": ["consultation"]},
        ],
        first_year=1900, last_year=1940, cinc={2: 0.3, 200: 0.2, 220: 0.05}, majors=[2, 200],
    )
    a = write_history_report(h, tmp_path / "a.html", years=[1911]).read_bytes()
    assert a == write_history_report(h, tmp_path / "b.html", years=[1911]).read_bytes()
    html = a.decode("utf-8")
    figure = _figure(html, "fig-kinds")
    assert all(f">{k}<" in figure for k in ("alliances", "coalitions", "organisations"))
    assert "Kinds recorded in this history: alliances, coalitions, organisations." in figure
    # window 1900-1940: none inherited, 3 begun, 2 ended, all 3 in force 1910-1912, the organisation at the end
    assert _kinds_row(html, "all agreements") == ["0", "3", "2", "3 (1910)", "1"]


def test_record_military_spending_has_one_unit_with_the_conversion_named(record):
    """COW NMC records pounds to 1913 and current dollars from 1914: the reports convert the pounds
    at the gold parity, deflate every year to constant 2022 US$ with the CPI-U (1913 prices before
    1913), and say so, so that one axis carries one unit, comparable in real terms."""
    from foedus.data.snapshot_fields import GBP_USD_PARITY
    from foedus.report.provenance import RECORD_MILEX_UNIT, milex_unit, milex_values

    sy = record.state_years
    conv = milex_values(record)
    uk = (sy["ccode"] == 200).to_numpy()
    y1913 = uk & (sy["year"] == 1913).to_numpy()
    y1914 = uk & (sy["year"] == 1914).to_numpy()
    y1850 = uk & (sy["year"] == 1850).to_numpy()
    y2000 = uk & (sy["year"] == 2000).to_numpy()
    # BLS CPI-U annual averages: 1913 9.9, 1914 10.0, 2000 172.2, 2022 292.655
    assert conv[y1913].item() == pytest.approx(sy.loc[y1913, "milex"].item() * GBP_USD_PARITY * 292.655 / 9.9)
    assert conv[y1850].item() == pytest.approx(sy.loc[y1850, "milex"].item() * GBP_USD_PARITY * 292.655 / 9.9)  # 1913 prices
    assert conv[y1914].item() == pytest.approx(sy.loc[y1914, "milex"].item() * 292.655 / 10.0)  # dollars already
    assert conv[y2000].item() == pytest.approx(sy.loc[y2000, "milex"].item() * 292.655 / 172.2)
    unit = milex_unit(record)
    assert unit is RECORD_MILEX_UNIT and "£" not in unit.axis.split(";")[0] and str(GBP_USD_PARITY) in unit.caption
    assert "constant 2022 US dollars" in unit.caption and "CPI-U" in unit.caption and "CUUR0000SA0" in unit.caption
    assert "1913 price level" in unit.caption and "Officer 1996" in unit.caption and "CPI-U" in unit.axis

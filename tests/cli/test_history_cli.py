"""`foedus history summary | report | network | polarity` (brief H1), on the record and on a history folder."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from foedus.testing import toy_history
from foedus.cli import app
from foedus.data.runs import write_history_dir

runner = CliRunner()

REQUIRED_KEYS = {
    "alliances", "first_year", "last_year", "per_year", "members_mean", "members_median", "duration_mean_ended",
    "km_median_survival", "km_median_survival_pre1945", "km_median_survival_post1945",
}


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    """A history folder with six alliances observed 1900-1950 whose measures are known by hand.

    Durations 2, 4, 5, 8 ended; 3 and 6 in force in 1950 (right-censored). Kaplan-Meier: S(2) = 5/6,
    S(4) = 5/6 * 3/4, S(5) = 5/6 * 3/4 * 2/3 = 0.417 <= 0.5, so the median survival is 5 years.
    """
    h = toy_history(
        [
            {"id": 1, "start": 1900, "end": 1902, "members": [2, 200]},
            {"id": 2, "start": 1947, "end": None, "members": [2, 220, 255], "obligations": ["consultation"]},
            {"id": 3, "start": 1900, "end": 1904, "members": [200, 220]},
            {"id": 4, "start": 1910, "end": 1915, "members": [2, 255]},
            {"id": 5, "start": 1944, "end": None, "members": [200, 255]},
            {"id": 6, "start": 1920, "end": 1928, "members": [220, 255]},
        ],
        first_year=1900, last_year=1950, majors=[2, 200],
        cinc={2: 0.4, 200: 0.3, 220: 0.2, 255: 0.1},
        source="hand-made",
    )
    out = tmp_path_factory.mktemp("run")
    write_history_dir(h, out)
    return out


def _json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_summary_json_on_the_record(data_dir):
    s = _json(runner.invoke(app, ["history", "summary", "--json", "--data", str(data_dir)]))
    assert REQUIRED_KEYS <= set(s)
    assert s["alliances"] == 789 and s["first_year"] == 1815 and s["last_year"] == 2018
    assert s["per_year"] == pytest.approx(3.87, abs=0.005)
    assert s["per_year_pre1945"] == pytest.approx(1.68, abs=0.005)
    assert s["per_year_post1945"] == pytest.approx(7.70, abs=0.005)
    assert s["members_mean"] == pytest.approx(2.86, abs=0.005) and s["members_median"] == 2
    assert s["duration_mean_ended"] == pytest.approx(10.57, abs=0.005)
    assert s["km_median_survival_pre1945"] < s["km_median_survival"] < s["km_median_survival_post1945"]


def test_summary_json_on_a_history_folder(run_dir):
    s = _json(runner.invoke(app, ["history", "summary", "--json", "--run", str(run_dir)]))
    assert REQUIRED_KEYS <= set(s)
    assert s["alliances"] == 6 and s["first_year"] == 1900 and s["last_year"] == 1950
    assert s["per_year"] == pytest.approx(6 / 51)
    assert s["members_mean"] == pytest.approx(13 / 6) and s["members_median"] == 2
    assert s["duration_mean_ended"] == pytest.approx((2 + 4 + 5 + 8) / 4)
    assert s["km_median_survival"] == 5
    assert s["km_median_survival_pre1945"] == 5  # every alliance but no. 2 began before 1945
    assert s["km_median_survival_post1945"] is None  # one censored alliance: never falls to one half
    assert s["by_format"] == {"bilateral": 5, "minilateral": 1, "multilateral": 0}


def test_summary_tables(run_dir):
    result = runner.invoke(app, ["history", "summary", "--run", str(run_dir)])
    assert result.exit_code == 0, result.output
    assert "Kaplan" in result.stdout and "By format" in result.stdout


def test_report_on_a_history_folder(run_dir, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["history", "report", str(out), "--run", str(run_dir), "--years", "1914,1945"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert 'id="fig-network-1914"' in html and 'id="fig-network-1945"' in html
    import json as _json

    from foedus import __version__

    side = _json.loads((tmp_path / "report.html.json").read_text(encoding="utf-8"))  # its provenance beside it
    assert side["foedus_version"] == __version__ and side["kind"] == "report" and side["blocs"] == "poles"
    assert side["command"].startswith("foedus history report") and "--years 1914,1945" in side["command"]


def test_polarity_csv(run_dir, tmp_path):
    csv = tmp_path / "pol.csv"
    result = runner.invoke(app, ["history", "polarity", "--run", str(run_dir), "--csv", str(csv), "--every", "25"])
    assert result.exit_code == 0, result.output
    lines = csv.read_text().splitlines()
    assert lines[0].startswith("year,states,") and len(lines) == 1 + 51
    result = runner.invoke(app, ["history", "polarity", "--run", str(run_dir), "--csv", str(csv), "--from", "1910", "--to", "1920"])
    assert result.exit_code == 0, result.output
    assert [line.split(",")[0] for line in csv.read_text().splitlines()[1:]] == [str(y) for y in range(1910, 1921)]


def test_network_json(run_dir):
    """1945: defence pacts 200-255 (no. 5) only; no. 2 (2, 220, 255) is consultation. Majors 2 and 200."""
    out = _json(runner.invoke(app, ["history", "network", "1945", "--json", "--run", str(run_dir)]))
    assert out["defense_dyads"] == 1 and out["aligned_states"] == 2
    by_leader = {b["leader"]: b for b in out["bloc_list"]}
    assert set(by_leader) == {"S200", "S2"}  # the 200-255 pact, led by 200; the unaligned major 2
    assert by_leader["S200"]["members"] == ["S200", "S255"] and by_leader["S2"]["size"] == 1
    assert out["poles"] == 2 and out["majors"] == 2
    # CINC 0.4 and 0.3: shares 4/7 and 3/7, CON = sqrt((25/49 - 1/2) / (1 - 1/2)) = 1/7 (Ray & Singer 1973)
    assert out["con"] == pytest.approx(1 / 7)


@pytest.mark.parametrize(
    "args, message",
    [
        (["history", "summary", "--run", "/nonexistent/run"], "no history.json"),
        (["history", "summary", "--run", ".", "--data", "."], "do not combine"),
        (["history", "network", "1700", "--run", "RUN"], "outside the history's window"),
        (["history", "report", "x.html", "--run", "RUN", "--years", "19x4"], "--years"),
        (["history", "summary", "--run", "RUN", "--rule", "size"], "rule must be one of"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, message, run_dir):
    args = [str(run_dir) if a == "RUN" else a for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("ext", ["parquet", "csv", "dta"])
def test_polarity_table_exports_to_parquet_csv_and_stata_with_its_provenance(run_dir, tmp_path, ext):
    import pandas as pd

    from foedus import __version__
    from foedus.data.export import read_meta

    out = tmp_path / f"pol.{ext}"
    result = runner.invoke(app, ["history", "polarity", "--run", str(run_dir), "--out", str(out), "--from", "1910", "--to", "1920"])
    assert result.exit_code == 0, result.output
    back = {"parquet": pd.read_parquet, "csv": pd.read_csv, "dta": pd.read_stata}[ext](out)
    assert back["year"].tolist() == list(range(1910, 1921)) and "con" in back.columns
    meta = read_meta(out)
    assert meta["foedus_version"] == __version__ and "polarity" in meta["command"] and meta["method"] == "poles"  # the default bloc method


def test_polarity_format_option_and_bad_format(run_dir, tmp_path):
    import pandas as pd

    out = tmp_path / "pol.table"
    assert runner.invoke(app, ["history", "polarity", "--run", str(run_dir), "-o", str(out), "--format", "dta"]).exit_code == 0
    assert len(pd.read_stata(out)) == 51
    bad = runner.invoke(app, ["history", "polarity", "--run", str(run_dir), "-o", str(tmp_path / "pol.xlsx")])
    assert bad.exit_code == 2 and "cannot tell the format" in bad.output


@pytest.mark.parametrize("ext", ["gexf", "graphml"])
def test_network_exports_the_years_alliance_network(run_dir, tmp_path, ext):
    import networkx as nx

    out = tmp_path / f"net1948.{ext}"
    result = runner.invoke(app, ["history", "network", "1948", "--run", str(run_dir), "--graph", str(out)])
    assert result.exit_code == 0, result.output
    g = (nx.read_gexf if ext == "gexf" else nx.read_graphml)(out)
    # 1948: no. 2 (2, 220, 255, consultation) and no. 5 (200, 255, defence)
    assert {frozenset(e) for e in g.edges} == {frozenset(p) for p in [("2", "220"), ("2", "255"), ("220", "255"), ("200", "255")]}
    assert g.edges["200", "255"]["defense"] is True and str(g.edges["200", "255"]["agreements"]) == "5"


def test_a_simulated_window_is_summarised_by_its_own_periods(tmp_path):
    """Issue 14: a run of 2022-2051 printed "before 1945: 0 alliances" beside a Kaplan-Meier median of 106 years.

    Alliances inherited from before the window are their own period, counted where their
    Kaplan-Meier median is estimated; the window is cut in three.
    """
    h = toy_history(
        [
            {"id": 1, "start": 1949, "end": None, "members": [2, 200]},   # inherited (NATO-like)
            {"id": 2, "start": 2010, "end": 2030, "members": [2, 220]},   # inherited, ends in the window
            {"id": 3, "start": 2023, "end": 2025, "members": [200, 220]},
            {"id": 4, "start": 2040, "end": None, "members": [2, 255]},
            {"id": 5, "start": 2050, "end": None, "members": [220, 255]},
        ],
        first_year=2022, last_year=2051, source="simulated",
    )
    d = tmp_path / "run"
    write_history_dir(h, d)
    s = _json(runner.invoke(app, ["history", "summary", "--json", "--run", str(d)]))
    assert [p[0] for p in s["periods"]] == ["before 2022", "2022-2031", "2032-2041", "2042-2051"]
    assert s["alliances_by_period"] == {"before 2022": 2, "2022-2031": 1, "2032-2041": 1, "2042-2051": 1}
    assert s["per_year_by_period"]["before 2022"] is None and s["per_year_by_period"]["2022-2031"] == pytest.approx(0.1)
    for label, median in s["km_median_by_period"].items():
        assert median is None or s["alliances_by_period"][label] > 0, label  # no median without its alliances
    text = runner.invoke(app, ["history", "summary", "--run", str(d)]).output
    assert "1945" not in text and "before 2022" in text

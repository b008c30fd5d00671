"""`foedus panel dyad-years | state-years`: research panels from the command line, to Parquet, CSV or Stata."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from foedus import __version__
from foedus.cli import app
from foedus.data.export import read_meta

runner = CliRunner()


@pytest.mark.parametrize("ext", ["parquet", "csv", "dta"])
def test_dyad_years_with_verbs_write_and_read_back(data_dir, tmp_path, ext):
    out = tmp_path / f"dyads.{ext}"
    res = runner.invoke(app, ["panel", "dyad-years", "1913", "1914", "--add", "atop,cinc,contiguity", "-o", str(out), "--data", str(data_dir)])
    assert res.exit_code == 0, res.output
    df = {"parquet": pd.read_parquet, "csv": pd.read_csv, "dta": pd.read_stata}[ext](out)
    assert {"atop_defense", "cinc1", "cinc2", "conttype"} <= set(df.columns)
    assert (df["ccode1"] < df["ccode2"]).all() and set(df["year"]) == {1913, 1914}
    row = df[(df["ccode1"] == 220) & (df["ccode2"] == 365) & (df["year"] == 1914)]
    assert row["atop_defense"].item() == 1  # the Franco-Russian alliance
    meta = read_meta(out)
    assert meta["foedus_version"] == __version__
    assert meta["command"] == f"foedus panel dyad-years 1913 1914 --out {out} --add atop,cinc,contiguity --data {data_dir}"
    assert meta["panel"]["verbs"] == ["atop(members)", "nmc(cinc)", "contiguity"]
    assert any(f["path"].endswith("atop5_1m.csv") and len(f["sha256"]) == 64 for f in meta["data_files"])
    assert meta["units"]["cinc1"].startswith("COW composite index")


def test_directed_relevant_and_state_years(data_dir, tmp_path):
    out = tmp_path / "prd.parquet"
    res = runner.invoke(app, ["panel", "dyad-years", "1914", "1914", "--directed", "--relevant", "-o", str(out), "--data", str(data_dir)])
    assert res.exit_code == 0, res.output
    df = pd.read_parquet(out)
    assert ((df["conttype"] > 0) | (df["cowmaj1"] == 1) | (df["cowmaj2"] == 1)).all()
    assert len(df) == 2 * (df["ccode1"] < df["ccode2"]).sum()
    out = tmp_path / "states.csv"
    res = runner.invoke(app, ["panel", "state-years", "1946", "1950", "--add", "cinc,democracy", "-o", str(out), "--data", str(data_dir)])
    assert res.exit_code == 0, res.output
    assert {"ccode", "year", "cinc", "polity2", "v2x_polyarchy"} <= set(pd.read_csv(out).columns)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["dyad-years", "1900", "1901", "--add", "atop,nope"], "unknown verb(s) nope"),
        (["dyad-years", "1700", "1701"], "before the COW state system"),
        (["state-years", "1900", "1901", "--add", "contiguity"], "dyadic measure"),
        (["dyad-years", "1900", "1901", "--format", "xls"], "unknown table format"),
    ],
)
def test_bad_requests_exit_2_with_a_message(data_dir, tmp_path, args, message):
    res = runner.invoke(app, ["panel", *args, "-o", str(tmp_path / "x.csv"), "--data", str(data_dir)])
    assert res.exit_code == 2
    assert message in res.output and "Traceback" not in res.output

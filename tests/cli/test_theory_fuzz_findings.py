"""Defects ``benchmarks/fuzz.py`` found in the CSV inputs of ``foedus landscape`` and ``foedus balance``."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from foedus.cli import app

runner = CliRunner()


@pytest.mark.parametrize("header", ["source,target,sign,sign", "source, source,target,sign"])
def test_balance_refuses_a_column_named_twice(tmp_path, header):
    # before: an exact twin was read silently (pandas renamed it 'sign.1'); a twin after trimming was an AttributeError
    edges = tmp_path / "edges.csv"
    edges.write_text(header + "\na,b,1,1\nb,c,-1,1\n")
    res = runner.invoke(app, ["balance", str(edges)])
    assert res.exit_code == 2, res.output
    assert "edges.csv, line 1" in res.stderr and "appears twice" in res.stderr


def test_a_matrix_with_too_few_rows_names_a_line(tmp_path):
    actors = tmp_path / "actors.csv"
    actors.write_text("actor,size\nA,1\nB,2\nC,3\n")
    props = tmp_path / "props.csv"
    props.write_text(",A,B,C\nA,,1,-1\nB,1,,1\n")
    res = runner.invoke(app, ["landscape", str(actors), str(props)])
    assert res.exit_code == 2
    assert "props.csv, line 3" in res.stderr and "not square" in res.stderr

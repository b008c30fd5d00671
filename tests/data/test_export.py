"""The one export writer: tables to Parquet, CSV and Stata, networks to GEXF and GraphML, read back."""

from __future__ import annotations

import json

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from foedus import __version__
from foedus.data.export import provenance, read_meta, sidecar_path, stata_frame, write_graph, write_table


@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "ccode": [2, 200, 365],
            "year": [1914, 1914, 1914],
            "n": pd.array([1, None, 3], dtype="Int64"),
            "allied": [True, False, True],
            "maybe": pd.array([True, None, False], dtype="boolean"),
            "cinc": [0.1, np.nan, 0.05],
            "name": ["USA", None, "RUS"],
        }
    )


def _meta(tmp_path):
    f = tmp_path / "source.csv"
    f.write_text("a\n1\n", encoding="utf-8")
    return provenance([f], command="foedus test", units={"cinc": "share 0-1"})


@pytest.mark.parametrize("ext", ["parquet", "csv", "dta"])
def test_a_table_reads_back_with_pandas_and_carries_its_provenance(tmp_path, table, ext):
    path = write_table(table, tmp_path / f"t.{ext}", meta=_meta(tmp_path), label="test table")
    back = {"parquet": pd.read_parquet, "csv": pd.read_csv, "dta": pd.read_stata}[ext](path)
    assert list(back.columns) == list(table.columns) and len(back) == 3
    np.testing.assert_array_equal(back["ccode"].to_numpy(), [2, 200, 365])
    np.testing.assert_allclose(back["cinc"].to_numpy(dtype=float), [0.1, np.nan, 0.05])
    assert back["n"].isna().tolist() == [False, True, False]
    meta = read_meta(path)
    assert meta["foedus_version"] == __version__ and meta["command"] == "foedus test"
    assert meta["data_files"][0]["sha256"] and meta["units"]["cinc"] == "share 0-1"
    assert (ext == "parquet") != sidecar_path(path).is_file()  # CSV and Stata carry it beside them


def test_stata_gets_a_dataset_label_variable_labels_and_stata_types(tmp_path, table):
    path = write_table(table, tmp_path / "t.dta", meta=_meta(tmp_path), label="test table")
    with pd.io.stata.StataReader(path) as r:
        assert r.data_label == f"foedus {__version__}: test table"
        assert r.variable_labels()["cinc"] == "share 0-1"
    back = pd.read_stata(path)
    assert back["allied"].tolist() == [1, 0, 1]  # booleans as 0/1
    assert back["maybe"].isna().tolist() == [False, True, False]
    assert back["name"].tolist() == ["USA", "", "RUS"]


def test_stata_refuses_names_it_cannot_take(tmp_path):
    with pytest.raises(ValueError, match="Stata cannot take the column name.*'a_name_that_is_longer_than_thirty_two_chars'"):
        stata_frame(pd.DataFrame({"a_name_that_is_longer_than_thirty_two_chars": [1]}))
    with pytest.raises(ValueError, match="'1st'"):
        write_table(pd.DataFrame({"1st": [1]}), tmp_path / "t.dta")


def test_format_by_name_or_extension_and_clear_errors(tmp_path, table):
    p = write_table(table, tmp_path / "t.out", format="csv")
    assert pd.read_csv(p).shape == (3, 7)
    with pytest.raises(ValueError, match="cannot tell the format from the extension '.xlsx'"):
        write_table(table, tmp_path / "t.xlsx")
    with pytest.raises(ValueError, match="unknown table format 'xls'"):
        write_table(table, tmp_path / "t.csv", format="xls")
    with pytest.raises(FileNotFoundError, match="does not exist"):
        write_table(table, tmp_path / "missing" / "t.csv")


@pytest.mark.parametrize("ext", ["gexf", "graphml"])
def test_the_defence_network_exports_for_gephi_and_reads_back(record, tmp_path, ext):
    from foedus.analysis.network import defense_network

    g = defense_network(record, 2000)
    with pytest.raises(Exception):  # the reason for the writer: networkx refuses the tuple attribute
        (nx.write_gexf if ext == "gexf" else nx.write_graphml)(g, tmp_path / f"raw.{ext}")
    path = write_graph(g, tmp_path / f"defence2000.{ext}")
    h = (nx.read_gexf if ext == "gexf" else nx.read_graphml)(path)
    assert h.number_of_nodes() == g.number_of_nodes() and h.number_of_edges() == g.number_of_edges()
    u, v = "2", "200"  # USA-UK, NATO (ATOP 3180)
    assert h.has_edge(u, v) and "3180" in str(h.edges[u, v]["agreements"]).split(";")
    assert h.nodes["2"]["abb"] == "USA"
    assert read_meta(path)["foedus_version"] == __version__  # the sidecar JSON
    if ext == "graphml":  # GraphML keeps graph attributes (GEXF does not)
        assert json.loads(h.graph["foedus_provenance"])["foedus_version"] == __version__

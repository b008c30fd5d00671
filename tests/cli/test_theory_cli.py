"""``foedus landscape`` and ``foedus balance`` against small hand-built files.

Fixtures (tests/cli/fixtures_theory/): five actors A..E (sizes 1..5) in two blocs {A, B, C} and
{D, E}, +1 inside a bloc and -1 across. The analytic minimum separates the blocs with
E = -2 (1 + 2 + 3)(4 + 5) = -108 (ordered pairs), and the frustrations are -(size of the other bloc).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foedus.cli import app

FIX = Path(__file__).parent / "fixtures_theory"
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_landscape_json_two_blocs():
    res = run("landscape", FIX / "actors.csv", FIX / "propensities.csv", "--json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["global_minimum"]["energy"] == -108.0
    assert out["global_minimum"]["camps"] == [["A", "B", "C"], ["D", "E"]]
    assert out["proven_optimal"] is True
    # fully consistent blocs: one local minimum whose basin is all 2**4 alignments
    assert out["local_minima"] == [
        {"energy": -108.0, "camps": [["A", "B", "C"], ["D", "E"]], "basin_size": 16, "basin_fraction": 1.0}
    ]
    assert out["frustration"] == {"A": -9.0, "B": -9.0, "C": -9.0, "D": -6.0, "E": -6.0}
    assert "twice" in out["energy_convention"]


def test_ratings_with_midpoint_equal_signed_propensities():
    # ratings.csv: the same blocs on a 1-7 scale (5 = friendly, 3 = hostile), rows in another order
    signed = json.loads(run("landscape", FIX / "actors.csv", FIX / "propensities.csv", "--json").stdout)
    rated = run("landscape", FIX / "actors.csv", FIX / "ratings.csv", "--midpoint", "4", "--json")
    assert rated.exit_code == 0, rated.output
    assert json.loads(rated.stdout)["global_minimum"] == signed["global_minimum"]
    assert json.loads(rated.stdout)["frustration"] == signed["frustration"]


def test_a_delimiter_at_the_end_of_every_line_is_read_as_the_csv_dialect_allows():
    """``A,1,`` (a trailing comma, as spreadsheets write) adds an empty column, not an error."""
    plain = json.loads(run("landscape", FIX / "actors.csv", FIX / "propensities.csv", "--json").stdout)
    res = run("landscape", FIX / "actors_trailing_commas.csv", FIX / "propensities_trailing_commas.csv", "--json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout) == plain


def test_landscape_tables():
    res = run("landscape", FIX / "actors.csv", FIX / "propensities.csv")
    assert res.exit_code == 0, res.output
    assert "-108" in res.stdout and "Local minima" in res.stdout and "Frustration" in res.stdout
    assert "proven global minimum" in res.stdout


def test_landscape_heuristic_says_not_proven():
    res = run("landscape", FIX / "actors.csv", FIX / "propensities.csv", "--method", "heuristic", "--json")
    out = json.loads(res.stdout)
    assert out["proven_optimal"] is False
    assert out["global_minimum"]["energy"] == -108.0
    assert any("not proven" in n for n in out["notes"])


def test_balance_two_camps_json():
    res = run("balance", FIX / "edges_two_camps.csv", "--json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    # complete graph on 5 nodes: C(5,3) = 10 triads, all balanced
    assert out["triads_balanced"] == 10 and out["triads_unbalanced"] == 0
    assert out["frustration_index"] == 0
    assert out["camps"] == [["a", "b", "c"], ["d", "e"]]


def test_balance_three_enemies():
    res = run("balance", FIX / "edges_unbalanced.csv", "--json")
    out = json.loads(res.stdout)
    assert out["triads_balanced"] == 0 and out["triads_unbalanced"] == 1
    assert out["frustration_index"] == 1 and out["proven_optimal"] is True
    assert len(out["violated_edges"]) == 1
    assert run("balance", FIX / "edges_unbalanced.csv").exit_code == 0


@pytest.mark.parametrize(
    "args, fragments",
    [
        (("landscape", "actors.csv", "propensities_asymmetric.csv"), ["propensities_asymmetric.csv", "line 4", "symmetric"]),
        (("landscape", "actors.csv", "propensities_nonnumeric.csv"), ["propensities_nonnumeric.csv", "line 4", "non-numeric", "friendly"]),
        (("landscape", "actors.csv", "propensities_nonsquare.csv"), ["propensities_nonsquare.csv", "line 4", "square"]),
        (("landscape", "actors.csv", "propensities_unknown.csv"), ["propensities_unknown.csv", "line 5", "unknown actor 'X'"]),
        (("landscape", "actors_bad_size.csv", "propensities.csv"), ["actors_bad_size.csv", "line 3", "size"]),
        (("balance", "edges_duplicate.csv"), ["edges_duplicate.csv", "line 4", "duplicate edge", "line 2"]),
        (("balance", "edges_selfloop.csv"), ["edges_selfloop.csv", "line 3", "self-loop"]),
        (("balance", "edges_badsign.csv"), ["edges_badsign.csv", "line 3", "sign"]),
        (("balance", "no_such_file.csv"), ["no_such_file.csv", "not found"]),
        (("landscape", "actors_duplicate_header.csv", "propensities.csv"), ["actors_duplicate_header.csv", "line 1", "'actor' appears twice"]),
    ],
)
def test_bad_input_is_one_clear_line_with_exit_code_2(args, fragments):
    cmd, *files = args
    res = run(cmd, *[FIX / f for f in files])
    assert res.exit_code == 2
    assert res.stdout == ""
    msg = res.stderr.strip()
    assert len(msg.splitlines()) == 1 and msg.startswith("error:")
    for frag in fragments:
        assert frag in msg


@pytest.mark.parametrize("cmd", ["landscape", "balance"])
def test_help(cmd):
    res = run(cmd, "--help")
    assert res.exit_code == 0
    assert "--json" in res.stdout


def test_a_signed_network_too_large_for_dense_matrices_is_refused(tmp_path):
    """200,000 actors once tried to allocate 37 GiB; above the bound the answer is one clear line."""
    from foedus.cli.theory_io import MAX_SIGNED_NODES

    edges = tmp_path / "chain.csv"
    edges.write_text("source,target,sign\n" + "".join(f"a{i},a{i + 1},1\n" for i in range(MAX_SIGNED_NODES)))
    res = run("balance", edges)
    assert res.exit_code == 2 and res.stdout == ""
    assert "chain.csv" in res.stderr and f"at most {MAX_SIGNED_NODES:,}" in res.stderr

"""Short representations of the main user objects, in the console and in notebooks.

``repr(History)`` printed every table (about 6 KB for the record) and a scenario's pydantic repr
every actor and relation: a notebook user saw a wall of text. Each now gives one line of
counts and a small HTML table (``_repr_html_``), never the data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foedus.data.ensemble_store import EnsembleStore, table_bytes
from foedus.schema import display
from foedus.sim import Scenario, Simulation
from foedus.testing.histories import toy_history
from foedus.testing.scenarios import synthetic_scenario


def _one_line_and_short(text: str, limit: int) -> None:
    assert "\n" not in text
    assert len(text) <= limit, f"{len(text)} characters: {text}"


def test_a_history_repr_counts_its_tables_in_one_short_line():
    h = toy_history(
        [{"id": 1, "start": 1900, "end": 1910, "members": [2, 200]}, {"id": 2, "start": 1905, "end": None, "members": [2, 20, 200]}],
        first_year=1900,
        last_year=1950,
        source="toy <1>",
    )
    text = repr(h)
    _one_line_and_short(text, 300)
    assert text.startswith("<History toy <1> 1900\u20131950")
    assert f"states {h.states['ccode'].nunique():,}" in text
    assert f"state-years {len(h.state_years):,}" in text
    assert "agreements 2 (alliance 2)" in text
    assert f"memberships {len(h.memberships):,}" in text
    html = h._repr_html_()
    assert html.count("<tr>") == 5  # no extras: that row is left out
    assert "toy &lt;1&gt;" in html and "toy <1>" not in html  # escaped


def test_the_record_repr_is_short_where_the_dataclass_repr_printed_every_table(record):
    text = repr(record)
    _one_line_and_short(text, 400)
    assert text.startswith("<History record ")
    assert f"agreements {len(record.agreements):,}" in text
    assert len(record._repr_html_()) < 2000


def test_a_scenario_repr_names_it_and_counts_its_elements_not_every_actor():
    sc = Scenario.builtin("world-2022")
    text = repr(sc)
    _one_line_and_short(text, 600)
    assert text.startswith("<Scenario 'world-2022': from 2022, ")
    assert f"actors {len(sc.actors)} states" in text
    assert f"agreements {len(sc.agreements):,} (NATO, " in text and "more)" in text
    assert f"seed {sc.seed}" in text
    assert str(sc) == text  # print(scenario) too: pydantic's str listed every field (24 KB for europe-1871)
    assert "<table>" in sc._repr_html_()


def test_a_simulation_repr_follows_the_run():
    sc = synthetic_scenario(6, years=5, seed=3)
    sim = Simulation(sc, rng=11)
    assert f"next year {sc.start_year}; done 0 of 5 years; seed 11" in repr(sim)
    sim.run(2)
    text = repr(sim)
    _one_line_and_short(text, 400)
    assert f"next year {sc.start_year + 2}; done 2 of 5 years" in text
    assert all(name in text for name in sim.steps)
    assert Simulation(sc, rng=np.random.default_rng(1))._summary()[1][2][1].startswith("none")


def test_an_ensemble_repr_reports_progress_and_knobs_without_reading_tables(tmp_path):
    spec = {"scenario": "tiny", "scenario_sha256": "-", "runs": 4, "years": 3, "first_year": 2000, "seed": 7, "design": "lhs",
            "knobs": [{"name": "cyber", "low": 0.2, "high": 0.8, "levels": None}], "keep_histories": False, "outcomes": "x.y"}
    exp = pd.DataFrame({"run": np.arange(4), "seed": np.arange(4, dtype=np.uint64)})
    store = EnsembleStore.create(tmp_path / "ens", spec, "{}", exp)
    assert "runs 0 of 4 done" in repr(store)
    empty = table_bytes(pd.DataFrame({"run": [0]}))
    store.write_run(0, {"system": empty, "states": empty, "alliances": empty})
    text = repr(EnsembleStore.open(tmp_path / "ens"))
    _one_line_and_short(text, 300)
    assert "scenario 'tiny'; runs 1 of 4 done; years 2000, 3 years; seed 7; design lhs; knobs cyber 0.2\u20130.8" in text
    assert "<table>" in store._repr_html_()


@pytest.mark.parametrize("n, shown", [(3, "a0, a1, a2"), (10, "a0, a1, a2, a3, a4, a5, a6, a7, + 2 more")])
def test_long_lists_are_cut_and_counted(n, shown):
    assert display.names(f"a{i}" for i in range(n)) == shown

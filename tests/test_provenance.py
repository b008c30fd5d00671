"""foedus.schema.provenance: every history says what it is and the unit of each measured column."""

import pickle

import pytest

from foedus.schema.provenance import HistoryMeta


def test_record_says_which_money_its_military_spending_is_in(record):
    # COW NMC 7.0 codebook: milex in thousands, pounds sterling to 1913, current US dollars from 1914
    m = record.meta
    assert m.kind == "record" and m.scenario is None and m.seed is None
    assert "thousands of current US$" in m.units["state_years.milex"] and "pounds sterling 1816-1913" in m.units["state_years.milex"]
    assert any(f.endswith("cow_nmc.csv") for f in m.files) and any(f.endswith("atop5_1a.csv") for f in m.files)


def test_history_meta_is_a_record_or_a_simulation_and_round_trips():
    with pytest.raises(ValueError, match="record, simulation"):
        HistoryMeta("forecast")
    m = HistoryMeta.simulation("world-2022", 3, "constant 2022 US$")
    assert m.units["state_years.milex"].startswith("thousands of constant 2022 US$")
    assert "model power share" in m.units["state_years.cinc"]
    assert HistoryMeta.from_dict(m.to_dict()) == m
    assert pickle.loads(pickle.dumps(m)) == m  # ensemble workers send histories back pickled


def test_docstring_examples_hold():
    import doctest

    from foedus.schema import provenance

    assert doctest.testmod(provenance, raise_on_error=False).failed == 0


def test_money_of_a_note_names_every_kind_of_dollar():
    from foedus.schema.provenance import milex_money_of_note

    both = milex_money_of_note("SIPRI (constant 2022 US$); COW NMC (current US$) where SIPRI lacks one", 2022)
    assert both == "US$, mixing constant 2022 US$ and current US$ of 2022"
    assert milex_money_of_note("constant-2015-US$", 2020) == "constant 2015 US$"

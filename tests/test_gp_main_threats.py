"""tools/gp_main_threats.py: each great power's main threat by year, and the peer it names or not (threat21)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd

from foedus.sim import Scenario

_SPEC = importlib.util.spec_from_file_location("gp_main_threats", Path(__file__).resolve().parents[1] / "tools" / "gp_main_threats.py")
gp = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(gp)


def test_the_panel_names_each_great_powers_main_threat_and_its_peer():
    """World-2022, two years: one row per great power and year; Russia and China name the United States (their rival), Japan
    China; the counts and the peer share read the panel."""
    panel = gp.main_threats_of_great_powers(Scenario.builtin("world-2022"), 1, 2)
    assert list(panel.columns) == gp.COLUMNS
    assert set(panel["year"]) == {2022, 2023}
    first = panel[panel["year"] == 2022].set_index("ccode")
    assert first.loc[365, "main"] == 2 and first.loc[710, "main"] == 2 and first.loc[740, "main"] == 710
    assert first.loc[365, "peer"] == 2 and first.loc[365, "peer_rival"] and first.loc[365, "peer_issue"]
    assert first.loc[365, "main_threat"] == first.loc[365, "peer_threat"] > 0
    counts = gp.named_counts(panel)
    assert counts[365][2] == 2
    share = gp.peer_share(panel)
    assert share[365] == 1.0


def test_the_peer_share_and_counts_on_a_small_panel():
    panel = pd.DataFrame([(1, 1990, 365, 630, 0.004, 2, 0.001, True, False), (1, 1991, 365, 2, 0.01, 2, 0.01, True, False),
                          (1, 1990, 2, -1, 0.0, 365, 0.0005, True, False)], columns=gp.COLUMNS)
    assert gp.peer_share(panel).to_dict() == {2: 0.0, 365: 0.5}
    assert gp.named_counts(panel) == {2: {-1: 1}, 365: {630: 1, 2: 1}}

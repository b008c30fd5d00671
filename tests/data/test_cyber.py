"""foedus.data.cyber on the real DCID 2.0 file in ../shared/data (counts from its README)."""

from __future__ import annotations

import pytest

from foedus.data.cyber import cyber_incident_rates

RUSSIA, UKRAINE = 365, 369


def test_russia_attacks_ukraine(data_dir):
    rates = cyber_incident_rates(data_dir)
    ru = rates[(rates["initiator"] == RUSSIA) & (rates["target"] == UKRAINE)]
    assert len(ru) == 1 and ru["n_incidents"].iloc[0] > 0


def test_cyber_rates_account_for_every_dcid_incident(data_dir):
    rates = cyber_incident_rates(data_dir)
    ex = rates.attrs["excluded"]
    # README: 429 incidents; in 4 of them the initiator is not a member of the dyad
    assert ex["initiator_not_in_dyad"] == 4
    assert rates["n_incidents"].sum() + ex["initiator_not_in_dyad"] + ex["outside_years"] == 429
    assert rates["incidents_per_year"].to_numpy() == pytest.approx(rates["n_incidents"].to_numpy() / 21)
    hit = rates[rates["n_incidents"] > 0]
    shares = hit[["share_disruption", "share_espionage", "share_degrade"]].sum(axis=1)
    assert shares.to_numpy() == pytest.approx(1.0)
    assert hit["mean_severity"].between(0, 10).all()
    assert (hit["first_year"] >= 2000).all() and (hit["last_year"] <= 2020).all()
    assert not rates.duplicated(["initiator", "target"]).any()

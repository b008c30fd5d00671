"""foedus.theory.theatre: the theatre of a shared threat under a great-power leader (Boulding 1962; Walt 1987; Hemmer & Katzenstein 2002).

Held to the analytic results of Bueno de Mesquita's (1981) gradient: the share of a capability ``c`` that arrives over a distance
``d`` is ``c ** (x(d) - x(0))`` (relative exponent), so the theatre's edge for a share ``f`` is the distance where
``x(d) = x(0) + ln f / ln c``; a stronger power's theatre is wider; and to the record's figures the default share was read from.
"""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory import theatre as tt
from foedus.theory.projection import KM_PER_MILE, relative_discount_exponent


def _edge_km(c: float, f: float, miles_per_day: float = 250.0) -> float:
    """The distance at which a share ``f`` of the capability ``c`` arrives (the inverse of Bueno de Mesquita's exponent)."""
    x0 = np.log10(10.0 - np.e)
    return float((10.0 ** (x0 + np.log(f) / np.log(c)) - (10.0 - np.e)) * miles_per_day * KM_PER_MILE)


def _reach(c: float, d_km) -> np.ndarray:
    return c ** relative_discount_exponent(np.asarray(d_km, dtype=float))


@pytest.mark.parametrize(("c", "f"), [(0.17, 0.49), (0.3, 0.49), (0.05, 0.3), (0.5, 0.8)])
def test_the_theatres_edge_is_where_the_share_of_strength_falls_to_the_threshold(c, f):
    edge = _edge_km(c, f)
    d = np.array([0.0, 0.5 * edge, 0.999 * edge, 1.001 * edge, 2.0 * edge])
    home = np.zeros_like(d)  # the leader at every candidate's door: only the threat's gradient decides
    got = tt.in_theatre(_reach(c, d), c, _reach(0.4, home), 0.4, f)
    assert got.tolist() == [True, True, True, False, False]


def test_a_stronger_threat_reaches_farther_and_the_leader_must_reach_too():
    d = np.linspace(0.0, 15000.0, 61)
    near = np.zeros_like(d)
    weak = tt.in_theatre(_reach(0.05, d), 0.05, _reach(0.3, near), 0.3, 0.49)
    strong = tt.in_theatre(_reach(0.20, d), 0.20, _reach(0.3, near), 0.3, 0.49)
    assert weak.sum() < strong.sum() and not (weak & ~strong).any()  # Boulding: the larger strength keeps more of itself far away
    # the same candidates with the leader as far as the threat: none the leader's gradient leaves out is in the theatre
    both = tt.in_theatre(_reach(0.20, d), 0.20, _reach(0.3, d), 0.3, 0.49)
    assert not (both & ~strong).any() and not (both & ~tt.in_theatre(_reach(0.3, d), 0.3, _reach(0.2, near), 0.2, 0.49)).any()


def test_the_record_figures_of_the_default_share():
    """The record's 0.49 (NATO_SHARE, a scenario's bloc_theatre_reach): the lowest share of the Soviet or the American strength reaching a
    member of NATO at its entry (record-built 1949 and 1952 worlds: Soviet share 0.167 and 0.170, American 0.272 and 0.311, CShapes
    minimum distances): Portugal keeps 0.52 of the Soviet strength (3,904 km) and Italy 0.496 of the American (7,217 km), Turkey
    (1952, 8,726 km from the United States, bordering the Soviet Union) 0.496; Japan, 7,491 km from the Soviet Union in 1949, keeps
    0.31 and lies outside."""
    ru49, us49 = 0.167, 0.272
    dru = np.array([3904.0, 669.0, 1199.0, 1255.0, 7491.0])  # Portugal, Italy, Britain, Canada, Japan
    dus = np.array([5738.0, 7217.0, 5898.0, 0.0, 10903.0])
    assert tt.NATO_SHARE == 0.49
    got = tt.in_theatre(_reach(ru49, dru), ru49, _reach(us49, dus), us49, tt.NATO_SHARE)
    assert got.tolist() == [True, True, True, True, False]
    assert tt.in_theatre(_reach(ru49, dru), ru49, _reach(us49, dus), us49, 0.50).tolist()[:2] == [True, False]  # Italy is the edge
    assert tt.in_theatre(_reach(0.170, np.array([0.0])), 0.170, _reach(0.311, np.array([8726.0])), 0.311, 0.49).tolist() == [True]


def test_off_and_powerless():
    r = np.array([0.1, 0.2])
    assert not tt.in_theatre(r, 0.2, r, 0.2, 0.0).any()  # share 0: no theatre
    assert not tt.in_theatre(r, 0.0, r, 0.2, 0.5).any() and not tt.in_theatre(r, 0.2, r, 0.0, 0.5).any()  # no strength, no reach
    assert tt.in_theatre(np.array([0.2]), 0.2, np.array([0.3]), 0.3, 1.0).tolist() == [True]  # at home all of it arrives


def test_the_theatre_lifts_the_regional_veto_only_between_two_of_its_clients():
    rng = np.random.default_rng(3)
    for _ in range(50):
        k = int(rng.integers(2, 9))
        veto = rng.random((k, k)) < 0.5
        veto = veto | veto.T
        theatre = rng.random(k) < 0.5
        out = tt.theatre_exempt(veto, theatre)
        both = theatre[:, None] & theatre[None, :]
        assert not (out & ~veto).any()  # never a new veto
        assert np.array_equal(out[~both], veto[~both]) and not out[both].any()


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="in_theatre"):
        tt.in_theatre(np.zeros(3), 0.1, np.zeros(2), 0.1, 0.5)
    with pytest.raises(ValueError, match="in_theatre"):
        tt.in_theatre(np.zeros(3), 0.1, np.zeros(3), 0.1, 1.5)
    with pytest.raises(ValueError, match="theatre_exempt"):
        tt.theatre_exempt(np.zeros((3, 3), bool), np.zeros(2, bool))

"""foedus.theory.peer_threat: a great power's uncertain rivalry with another, read at its base rate (Mearsheimer 2001; Walt 1987)."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory.peer_threat import peer_rivalry_threat
from foedus.theory.threat import walt_threat


def _world(n: int, seed: int):
    rng = np.random.default_rng(seed)
    power = rng.dirichlet(np.ones(n))
    offensive = rng.uniform(0.05, 1, n)
    x = rng.uniform(1, 3, (n, n))
    np.fill_diagonal(x, 1.0)
    h = rng.uniform(0, 1, (n, n)) * (rng.uniform(size=(n, n)) < 0.3)
    prox = rng.uniform(0, 1, (n, n))
    r = (rng.uniform(size=(n, n)) < 0.3).astype(float)
    r = np.maximum(r, r.T)
    major = rng.uniform(size=n) < 0.4
    major[:2] = True
    for a in (h, prox, r):
        np.fill_diagonal(a, 0.0)
    return power, offensive, x, h, prox, r, major


@pytest.mark.parametrize("seed", range(5))
def test_the_increment_is_walts_threat_with_the_rivalry_of_great_powers_read_at_its_base_rate(seed):
    """Analytic anchor: without ideal points or pledges, walt_threat(R) + U = walt_threat(R') with R' = max(R, rho) between great
    powers (the rivalry term is linear in R; nothing else in the intentions reads it there)."""
    power, offensive, x, h, prox, r, major = _world(12, seed)
    rho, w = 0.479, (0.5, 0.25, 0.25)
    zero = np.zeros_like(r)
    gp = major[:, None] & major[None, :]
    r2 = np.where(gp, np.maximum(r, rho), r)
    np.fill_diagonal(r2, 0.0)
    kw = dict(weights=w, exposed=np.ones(12))
    base = walt_threat(power, offensive, x, h, prox, None, r, zero, **kw)
    want = walt_threat(power, offensive, x, h, prox, None, r2, zero, **kw)
    u = peer_rivalry_threat(power, offensive, x, major, r, zero, prior=rho, share=w[2] / (w[0] + w[2]))
    np.testing.assert_allclose(base + u, want, rtol=1e-12, atol=1e-15)
    assert (u[~gp] == 0).all() and (u[r > 0] == 0).all() and (np.diag(u) == 0).all()
    assert (u[gp & (r == 0) & ~np.eye(12, dtype=bool)] > 0).all()


def test_an_ally_is_discounted_unless_force_belies_its_pledge_and_trade_restrains():
    """A pact's reassurance discounts the peer's uncertain intentions by 1 - d C (allied_intentions), unless its hostility
    reaches the belied level; commercial restraint multiplies them."""
    P, O, x = [0.2, 0.1], [0.5, 0.5], np.ones((2, 2))
    free = peer_rivalry_threat(P, O, x, [True, True], np.zeros((2, 2)), np.zeros((2, 2)), prior=0.5, share=0.25)
    assert free[0, 1] == pytest.approx(0.05 * 0.25 * 0.5) and free[1, 0] == pytest.approx(0.1 * 0.25 * 0.5)
    c = np.array([[0, 1.0], [1.0, 0]])
    allied = peer_rivalry_threat(P, O, x, [True, True], np.zeros((2, 2)), c, prior=0.5, share=0.25, discount=0.9)
    np.testing.assert_allclose(allied, 0.1 * free)
    h = np.array([[0, 0.8], [0.0, 0]])
    belied = peer_rivalry_threat(P, O, x, [True, True], np.zeros((2, 2)), c, prior=0.5, share=0.25, hostility=h, belied=0.5)
    assert belied[0, 1] == pytest.approx(free[0, 1]) and belied[1, 0] == pytest.approx(0.1 * free[1, 0])
    restrained = peer_rivalry_threat(P, O, x, [True, True], np.zeros((2, 2)), np.zeros((2, 2)), prior=0.5, share=0.25, restraint=np.full((2, 2), 0.5))
    np.testing.assert_allclose(restrained, 0.5 * free)


def test_off_and_bad_input():
    P, O, x = [0.2, 0.1], [0.5, 0.5], np.ones((2, 2))
    assert not peer_rivalry_threat(P, O, x, [True, True], np.zeros((2, 2)), np.zeros((2, 2)), prior=0.0, share=0.25).any()
    assert not peer_rivalry_threat(P, O, x, [True, False], np.zeros((2, 2)), np.zeros((2, 2)), prior=0.5, share=0.25).any()
    with pytest.raises(ValueError, match="prior"):
        peer_rivalry_threat(P, O, x, [True, True], np.zeros((2, 2)), np.zeros((2, 2)), prior=1.5, share=0.25)
    with pytest.raises(ValueError, match="rivalry"):
        peer_rivalry_threat(P, O, x, [True, True], np.zeros((3, 3)), np.zeros((2, 2)), prior=0.5, share=0.25)


def test_the_base_rate_is_the_in_sample_share_of_great_power_pair_years_in_a_strategic_rivalry(data_dir):
    """IN_SAMPLE_BASE_RATE, peer_rivalry_prior's in-sample estimate, 0.479: Thompson & Dreyer's strategic rivalries over the
    pair-years of COW major powers, 1816-1914 and 1946-1989 (923 of 1,928); the parameter is off (0) by default."""
    import itertools

    import pandas as pd

    from foedus.sim.parameters import Parameters
    from foedus.theory.peer_threat import IN_SAMPLE_BASE_RATE

    root = data_dir / "peacesciencer"
    m, r = pd.read_csv(root / "cow_majors.csv"), pd.read_csv(root / "td_rivalries.csv")
    n = k = 0
    for lo, hi in ((1816, 1914), (1946, 1989)):
        for y in range(lo, hi + 1):
            gp = sorted(set(m.loc[(m.styear <= y) & (m.endyear >= y), "ccode"]))
            live = r[(r.styear <= y) & (r.endyear >= y)]
            pairs = {frozenset(p) for p in zip(live.ccode1, live.ccode2)}
            for a, b in itertools.combinations(gp, 2):
                n += 1
                k += frozenset((a, b)) in pairs
    assert (k, n) == (923, 1928)
    assert IN_SAMPLE_BASE_RATE == k / n
    assert Parameters().peer_rivalry_prior == 0.0

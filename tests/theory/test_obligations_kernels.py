"""The compiled obligation goods and defence burden (foedus.theory.obligations_kernels) equal the array form to the bit.

The array form of :func:`foedus.theory.obligations.obligation_goods` and :func:`~foedus.theory.obligations.defence_burden`
as it stood before the kernels (main f77eab3) is kept here as the reference; random instances with ties, zeros, zero
rows and every optional term on and off.
"""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory import obligations as th_ob


def _main_threat_ref(t):
    n = t.shape[0]
    t = t.copy()
    np.fill_diagonal(t, 0.0)
    star = t.max(axis=1) if n else np.zeros(0)
    main = t.argmax(axis=1) if n else np.zeros(0, np.intp)
    safe = np.where(star > 0, star, 1.0)
    shared = t[:, main].T / safe[None, :]
    shared = np.where(star[None, :] > 0, shared, 0.0)
    return star, main, np.minimum(shared, 1.0)


def goods_ref(u, t, p, *, reach=None, aggrandisement=None, isolation=None, defends=None, weights=(1.0,) * 5, reassurance_threat=None,
              war_risk=None, target=None, credibility=None):
    """obligation_goods' array form (main f77eab3)."""
    n = p.shape[0]
    w = np.asarray(weights, dtype=float)
    star, main, mu = _main_threat_ref(t)
    partner = p[None, :] if reach is None else reach
    out = np.empty((5, n, n))
    out[0] = u
    out[4] = 0.0 if aggrandisement is None else aggrandisement
    tr = t if reassurance_threat is None else reassurance_threat
    denom = tr + p[:, None]
    out[1] = np.where(denom > 0, tr / np.where(denom > 0, denom, 1.0), 0.0)
    base = np.where(star + p > 0, star / np.where(star + p > 0, star + p, 1.0), 0.0)
    with_j = star[:, None] + partner
    weight_j = np.where(with_j > 0, partner / np.where(with_j > 0, with_j, 1.0), 0.0)
    joined = star[:, None] + t
    rho_joined = np.where(joined + p[:, None] > 0, joined / np.where(joined + p[:, None] > 0, joined + p[:, None], 1.0), 0.0)
    out[2] = (1.0 - mu) * np.maximum(rho_joined - base[:, None], 0.0) * (star[:, None] > 0)
    out[2][np.arange(n), main] = 0.0
    if defends is not None:
        out[2] *= ~np.asarray(defends, dtype=bool)[:, main].T
    if credibility is not None:
        out[2] *= credibility
    risk = war_risk
    if risk is not None:
        out[2] *= risk[np.arange(n), main][:, None]
    if isolation is not None:
        iso = isolation
        if risk is not None:
            k = np.asarray(target, dtype=np.intp)
            iso = iso * np.where(k >= 0, risk[np.arange(n), np.maximum(k, 0)], 0.0)[:, None]
        out[2] += iso
    out[3] = mu * mu.T * base[:, None] * weight_j
    out *= w[:, None, None]
    idx = np.arange(n)
    out[:, idx, idx] = 0.0
    return out


def burden_ref(t, p, reach=None):
    """defence_burden's array form (main f77eab3)."""
    n = p.shape[0]
    t = t.copy()
    np.fill_diagonal(t, 0.0)
    if n < 2:
        return np.zeros((n, n))
    top = np.partition(t, n - 2, axis=1)[:, -2:]
    main = t.argmax(axis=1)
    star = np.where(main[None, :] == np.arange(n)[:, None], top[:, 0][None, :], top[:, 1][None, :])
    brings = p[:, None] if reach is None else reach.T
    denom = star + brings
    out = np.where(denom > 0, star / np.where(denom > 0, denom, 1.0), 0.0)
    np.fill_diagonal(out, 0.0)
    return out


def _instance(rng, n):
    """Threats with ties (a few values drawn from a small set), zero rows and zero powers."""
    t = rng.choice([0.0, 0.0, 0.05, 0.1, 0.3], size=(n, n)) * rng.choice([1.0, 1.0, rng.random()], size=(n, n))
    t[rng.random(n) < 0.2] = 0.0
    p = rng.random(n) * (rng.random(n) > 0.1)
    return t, p


def _same(a, b):
    assert a.shape == b.shape and a.dtype == b.dtype
    assert a.tobytes() == b.tobytes(), np.argwhere(a.view(np.int64) != b.view(np.int64))[:5]


@pytest.mark.parametrize("seed", range(40))
def test_goods_kernel_equals_array_form(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, 12)) if seed % 4 else int(rng.integers(30, 60))
    t, p = _instance(rng, n)
    u = rng.normal(size=(n, n))
    kw = {}
    if rng.random() < 0.7:
        kw["reach"] = rng.random((n, n)) * (rng.random((n, n)) > 0.2)
    if rng.random() < 0.7:
        kw["aggrandisement"] = rng.random((n, n)) * (rng.random((n, n)) > 0.5)
    if rng.random() < 0.7:
        kw["isolation"] = rng.random((n, n)) * (rng.random((n, n)) > 0.5)
    if rng.random() < 0.7:
        kw["defends"] = rng.random((n, n)) < 0.2
    if rng.random() < 0.7:
        kw["reassurance_threat"] = _instance(rng, n)[0]
    if rng.random() < 0.7:
        kw["war_risk"] = rng.random((n, n)) * (rng.random((n, n)) > 0.3)
        kw["target"] = rng.integers(-1, max(n, 1), size=n)
    if rng.random() < 0.7:
        kw["credibility"] = rng.random((n, n))
    w = tuple(rng.choice([0.0, 1.0, rng.random() * 3], size=5))
    _same(th_ob.obligation_goods(u, t, p, weights=w, check=False, **kw), goods_ref(u, t, p, weights=w, **kw))
    _same(th_ob.obligation_goods(u, t, p, weights=w, check=True, **kw), goods_ref(u, t, p, weights=w, **kw))


@pytest.mark.parametrize("seed", range(40))
def test_burden_kernel_equals_array_form(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, 12)) if seed % 4 else int(rng.integers(30, 60))
    t, p = _instance(rng, n)
    reach = rng.random((n, n)) * (rng.random((n, n)) > 0.2) if seed % 2 else None
    _same(th_ob.defence_burden(t, p, reach=reach), burden_ref(t, p, reach))


def test_main_threat_and_pact_goods_equal_array_form():
    """main_threat (compiled max and argmax) and pact_goods (a table of the 32 sets of obligations) against their array forms."""
    rng = np.random.default_rng(5)
    for n in (0, 1, 2, 3, 7, 30):
        for _ in range(20):
            t, _p = _instance(rng, n)
            star, main, _mu = _main_threat_ref(t)
            ref = np.where(star > 0, main, -1)
            got = th_ob.main_threat(t, check=False)
            assert got.dtype == ref.dtype and got.tolist() == ref.tolist()
    o = rng.random((4, 6, 5)) < 0.4
    ref = (o[..., :, None] & th_ob.OBLIGATION_GOODS).any(axis=-2)
    for x in (o, o[0, 0], o[:0], o[0]):
        got = th_ob.pact_goods(x)
        want = (np.asarray(x)[..., :, None] & th_ob.OBLIGATION_GOODS).any(axis=-2)
        assert got.dtype == want.dtype and got.shape == want.shape and (got == want).all()
    assert (th_ob.pact_goods(o) == ref).all()


@pytest.mark.parametrize("seed", range(20))
def test_goods_pairs_are_the_goods_kernel_entries(seed):
    """goods_pairs (a step's goods of the pairs it weighs, group by group) writes goods_kernel's entries to the bit, each pair once."""
    from foedus.theory import obligations_kernels as obk

    rng = np.random.default_rng(100 + seed)
    n = int(rng.integers(2, 40))
    t, p = _instance(rng, n)
    u = rng.normal(size=(n, n))
    kw = {}
    if seed % 2:
        kw = {"reach": rng.random((n, n)), "aggrandisement": rng.random((n, n)), "isolation": rng.random((n, n)) * (rng.random((n, n)) > 0.5),
              "defends": rng.random((n, n)) < 0.2, "war_risk": rng.random((n, n)), "target": rng.integers(-1, n, size=n), "credibility": rng.random((n, n))}
    args = th_ob.goods_inputs(u, t, p, weights=tuple(rng.random(5) * 2), check=True, **kw)
    want = obk.goods_kernel(*args)
    out = np.full((5, n, n), np.nan)
    have = np.zeros((n, n), bool)
    star, main, base = obk.goods_rows(args[1], args[3])
    for _ in range(4):
        group = rng.choice(n, int(rng.integers(1, n + 1)), replace=False).astype(np.int64)
        obk.goods_pairs(group, out, have, star, main, base, *args)
        assert have[np.ix_(group, group)].all()
    assert np.array_equal(~np.isnan(out[0]), have)  # only the pairs asked
    _same(out[:, have], want[:, have])

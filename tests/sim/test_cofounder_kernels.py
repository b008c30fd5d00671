"""The compiled co-founders' terms (:mod:`foedus.sim.steps.cofounder_kernels`) are the numpy code they replaced, to the bit.

The reference below is the numpy composition :func:`foedus.sim.steps.formation.cofounders` ran before (its einsums over
(5, C, K) gathers of the goods, :func:`~foedus.sim.steps.formation.pact_cost` broadcast over pacts and candidates,
:func:`foedus.theory.obligations.admission_votes`), on random worlds with exact zeros, shared goods, signed autonomy changes
and NaN-free values; the kernel computes only the open pairs, so it is compared there (elsewhere its value and cost are 0.0).
"""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.parameters import Parameters
from foedus.sim.steps import cofounder_kernels as ck
from foedus.sim.steps.formation import FORM_COMMITMENT, FORM_GOODS, FORM_OBLIGATIONS, FORM_RISK
from foedus.theory import obligations as th_ob


class _Terms:
    def __init__(self, autonomy, burden):
        self.autonomy, self.burden, self.log1p_autonomy = autonomy, burden, np.log1p(autonomy)


class _World:
    """What :func:`~foedus.sim.steps.formation.pact_cost` reads of a world: its parameters."""

    def __init__(self, p):
        self.inputs = type("I", (), {"params": p})()


def _pact_cost(p, terms, i, j, base, commitment, protection, risk, entrapment=1.0):
    """:func:`foedus.sim.steps.formation.pact_cost` (signing), as the step called it."""
    return th_ob.commitment_cost(
        base, commitment, terms.autonomy[i, j] * protection, autonomy_weight=p.autonomy_weight, burden=terms.burden[i, j] * risk,
        burden_weight=p.defence_burden_weight, treaty_cost=p.treaty_cost, entrapment=entrapment, check=False,
    )


def _form_entrapment(p, form):
    """The forms' shares of the base cost at ``lesser_entrapment_share`` (formation.form_entrapment)."""
    return th_ob.entrapment_share(FORM_OBLIGATIONS[form], p.lesser_entrapment_share)


def _reference(p, terms, goods, shared_goods, unit_cost, main, i, j, form, c, ok):
    """The numpy terms of ``cofounders`` before the kernel: value, cost and keep (K, C)."""
    provided = FORM_GOODS[form].astype(float)
    pw_w = np.stack([np.full(len(i), 0.3), np.full(len(i), 0.7)], axis=1)
    value = sum(pw_w[:, m][:, None] * np.einsum("gnk,kg->kn", goods[:, c[:, None], f] * ~shared_goods[:, c[:, None], f], provided) for m, f in enumerate((i, j)))
    leader = np.where(np.arange(len(i)) % 2 == 0, i, j)
    e = _form_entrapment(p, form)[:, None]
    cost = _pact_cost(p, terms, c[None, :], leader[:, None], unit_cost[c][None, :] * 2.0 ** p.commitment_exponent, FORM_COMMITMENT[form][:, None],
                      FORM_GOODS[form, 0][:, None].astype(float), FORM_RISK[form][:, None].astype(float), e)
    keep = ok & (value > cost)
    for m in (i, j):
        v_m = np.einsum("gkn,kg->kn", goods[:, m[:, None], c] * ~shared_goods[:, m[:, None], c], provided)
        c_m = _pact_cost(p, terms, m[:, None], c[None, :], unit_cost[m][:, None], FORM_COMMITMENT[form][:, None],
                         FORM_GOODS[form, 0][:, None].astype(float), FORM_RISK[form][:, None].astype(float), e)
        keep &= th_ob.admission_votes(v_m, c_m, main[m][:, None] == c[None, :], FORM_GOODS[form, 0][:, None])
    return value, cost, keep, pw_w, leader


_KEPT: list[int] = []


@pytest.mark.parametrize("seed", range(40))
def test_cofounder_terms_are_the_numpy_terms_to_the_bit(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(4, 50))
    k = int(rng.integers(1, 12))
    p = Parameters(autonomy_weight=float(rng.uniform(0, 1)), defence_burden_weight=float(rng.uniform(0, 1)), treaty_cost=float(rng.uniform(0, 0.1)) * (seed % 3 != 0),
                   commitment_exponent=float(rng.uniform(0, 1.5)), lesser_entrapment_share=(0.0, 1.0, float(rng.uniform(0, 1)))[seed % 3])
    goods = rng.normal(size=(5, n, n)) * (rng.random((5, n, n)) < 0.6)
    goods[:, rng.random(n) < 0.1, :] = 0.0  # rows of exact zeros (signed zeros in the products)
    shared_goods = rng.random((5, n, n)) < 0.2
    terms = _Terms(rng.uniform(-0.9, 2.0, (n, n)), rng.random((n, n)) * (rng.random((n, n)) < 0.8))
    unit_cost = rng.uniform(0.01, 0.5, n)
    main = rng.integers(-1, n, n)
    i = rng.integers(0, n, k)
    j = (i + rng.integers(1, n, k)) % n
    form = rng.integers(0, len(FORM_COMMITMENT), k)
    c = np.flatnonzero(rng.random(n) < 0.7)
    if not len(c):
        c = np.arange(n)
    ok = rng.random((k, len(c))) < 0.6
    value, cost, keep, w, leader = _reference(p, terms, goods, shared_goods, unit_cost, main, i, j, form, c, ok)
    got_v, got_c, got_k = ck.cofounder_terms(
        i.astype(np.int64), j.astype(np.int64), c.astype(np.int64), ok, goods, shared_goods, FORM_GOODS[form].astype(float), w, leader.astype(np.int64),
        unit_cost, float(2.0 ** p.commitment_exponent), FORM_COMMITMENT[form].astype(float), FORM_GOODS[form, 0].astype(float), FORM_RISK[form].astype(float),
        terms.autonomy, terms.log1p_autonomy, terms.burden, main.astype(np.int64), float(p.autonomy_weight), float(p.defence_burden_weight), float(p.treaty_cost),
        _form_entrapment(p, form),
    )
    assert np.array_equal(got_k, keep)
    _KEPT.append(int(keep.sum()))
    assert np.array_equal(got_v[ok].view(np.uint64), value[ok].view(np.uint64))
    assert np.array_equal(got_c[ok].view(np.uint64), cost[ok].view(np.uint64))
    assert not got_v[~ok].any() and not got_c[~ok].any()


def test_the_random_worlds_admit_cofounders():
    """The comparison is not empty: some candidates gain and are admitted by both founders (run after the seeds above)."""
    for seed in range(40):
        if len(_KEPT) < 40:
            test_cofounder_terms_are_the_numpy_terms_to_the_bit(seed)
    assert sum(_KEPT) > 0

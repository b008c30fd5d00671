"""The alignment step's institution terms and forms' terms, looked up, are the theory functions' to the bit (issue 16).

``alliances_view._institution`` takes the view's institutional assets once (``_institution_base``) and writes ``bound_autonomy``
of a change of 1 as ``1 - b A``; ``accession_community.community`` reads the same assets; ``alignment._form_terms`` evaluates
``formation.form_risk`` and ``form_entrapment`` once per pair of parameter values. Each held here to the theory functions
(``foedus.theory.integration``, ``foedus.theory.obligations``, ``foedus.theory.commitment_share``) on simulated worlds with
institutions that bind, wartime pacts, integration out of [0, 1] and NaN-free random levels.
"""

from __future__ import annotations

import sys

import numpy as np
import pytest

import foedus.sim.steps.alignment  # noqa: F401 (the module, which the package shadows by the step function)
from foedus.sim import Simulation
from foedus.sim.steps import accession_kernels as acc_kern
from foedus.sim.steps import year_goods
from foedus.sim.steps.accession_community import community
from foedus.sim.steps.formation import commitment_capacity, form_entrapment, form_risk
from foedus.testing import synthetic_scenario
from foedus.theory import integration as th_integ
from foedus.theory import obligations as th_ob

al = sys.modules["foedus.sim.steps.alignment"]


def _bits(a):
    return np.ascontiguousarray(a, dtype=float).view(np.uint64)


def _world(seed: int):
    sim = Simulation(synthetic_scenario(40, seed=seed, years=10, alliances=6), rng=seed)
    sim.run(10)
    world = sim.world
    rng = np.random.default_rng(seed)
    world.inputs.params = world.inputs.params.model_copy(
        update={"institutional_binding": float(rng.random()), "general_asset_retention": float(rng.random()), "community_standard": 0.0}
    )
    ag = world.state.agreements
    ag.institutionalised[: ag.n] = rng.integers(0, 3, ag.n)  # levels 0-2
    ag.integration[: ag.n] = rng.normal(0.5, 0.6, ag.n)  # some below 0 and above 1 (clipped)
    ag.wartime[: ag.n] = rng.random(ag.n) < 0.3
    return world


def _reference(world, view, multilateral):
    """``_institution`` as it was written: the theory functions composed (integration clipped, assets, binding, general assets)."""
    p = world.inputs.params
    ag = world.state.agreements
    integ = np.clip(ag.integration[view.slots], 0.0, 1.0)
    assets = th_integ.institutional_assets(ag.institutionalised[view.slots] / 2.0, integ, check=False) * multilateral
    keep = th_integ.bound_autonomy(np.ones(len(view.slots)), assets, binding=p.institutional_binding, check=False)
    general = np.where(ag.wartime[view.slots], 0.0, integ) * multilateral * p.general_asset_retention
    return keep, general


@pytest.mark.parametrize("seed", range(4))
def test_institution_terms_are_the_theory_functions_to_the_bit(seed):
    world = _world(seed)
    view = al._Alliances(world, commitment_capacity(world))
    assert len(view.slots) >= 3 and (view.size >= 3).any() and (view.size < 3).any()
    for multilateral in (view.size >= 3, view.size >= 2):
        keep, general = al._institution(world, view, multilateral)
        want_keep, want_general = _reference(world, view, multilateral)
        assert np.array_equal(_bits(keep), _bits(want_keep)) and np.array_equal(_bits(general), _bits(want_general))
        assert keep.dtype == want_keep.dtype and general.dtype == want_general.dtype and not keep.flags.writeable
    assert (_reference(world, view, view.size >= 3)[0] < 1.0).any()  # some institution binds
    # a run that checks its inputs takes the theory functions themselves: the same numbers
    world.inputs.check = True
    fresh = al._Alliances(world, commitment_capacity(world))
    checked = al._institution(world, fresh, fresh.size >= 3)
    assert all(np.array_equal(_bits(a), _bits(b)) for a, b in zip(checked, _reference(world, fresh, fresh.size >= 3)))


@pytest.mark.parametrize("seed", range(3))
def test_the_community_is_the_rule_of_the_theorys_institutional_assets(seed):
    """accession_community.community as it was written (its own institutional_assets of the view's alliances): the same arrays."""
    world = _world(seed)
    world.inputs.params = world.inputs.params.model_copy(update={"community_standard": 0.3})
    view = al._Alliances(world, commitment_capacity(world))
    ag = world.state.agreements
    assets = th_integ.institutional_assets(ag.institutionalised[view.slots] / 2.0, np.clip(ag.integration[view.slots], 0.0, 1.0), check=False)
    mean, home = acc_kern.community_terms(view.members, world.state.regime, year_goods.regions(world), len(th_ob.COW_REGIONS))
    got, got_home = community(world, view)
    assert np.array_equal(got, (assets >= 0.5) & (mean >= 0.3)) and np.array_equal(got_home, home)
    assert ((assets >= 0.5) != (mean >= 0.3)).any()  # the two conditions part somewhere


@pytest.mark.parametrize("shares", [(0.5, 0.25), (0.0, 1.0), (1.0, 0.0), (0.3, 0.7)])
def test_form_terms_are_the_formation_functions_at_the_parameters(shares):
    sim = Simulation(synthetic_scenario(12, seed=1, years=2), rng=1)
    world = sim.world
    world.inputs.params = world.inputs.params.model_copy(update={"offence_defence_risk_share": shares[0], "lesser_entrapment_share": shares[1]})
    risk, entrap = al._form_terms(world)
    assert np.array_equal(_bits(risk), _bits(form_risk(world))) and np.array_equal(_bits(entrap), _bits(form_entrapment(world)))
    assert al._form_terms(world)[0] is risk  # looked up the second time

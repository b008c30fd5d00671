"""Where a state's record of intentions begins: its entry into the system, or its latest change of regime (brief F4, A2).

:func:`entry_years`, the year each state first entered the system (its neighbours read its intentions from then:
:func:`foedus.theory.reassurance.relationship_age`); :func:`record_years`, the later of that and the year its regime
last changed where the restart is on (Walt 1996; :func:`foedus.theory.regime_restart.record_start`); the new pacts'
factor of it. Split from :mod:`foedus.sim.steps.formation` for size; that module re-exports these names.
"""

from __future__ import annotations

import numpy as np

from foedus.sim.world import World
from foedus.theory import reassurance as th_reassure

__all__ = ["entry_years", "record_years"]


def entry_years(world: World) -> np.ndarray:
    """(N,) the year each state FIRST entered the state system (``WorldInputs.entered``: the actor's ``since``, the COW state
    list's first year of its first spell as :func:`foedus.sim.build.scenario_from_record` sets it; a state of unknown
    entry present at the start counts as an old member).

    A state that left the system and came back (occupied 1940-45 and restored in 1945: the Netherlands,
    Belgium, Norway, Denmark; Poland) is not a new state on its return: its neighbours have read its
    intentions since it first entered (:func:`foedus.theory.reassurance.relationship_age`). Scheduled
    spells (``WorldInputs.spells``) do not reset it.
    """
    return (world.inputs.since if world.inputs.entered is None else world.inputs.entered).astype(np.int64)


def record_years(world: World) -> np.ndarray:
    """(N,) the year from which each state's record of intentions counts: :func:`foedus.theory.reassurance.record_start` of its
    first entry (:func:`entry_years`) and the year its regime last changed (Walt 1996: a revolution makes the new regime's
    intentions unreadable), kept in ``WorldState.intentions_restarted``: at the start the record's latest transition
    (``WorldInputs.regime_changed``, Polity's ``REGTRANS``: the Soviet Union's of 1917 for a run from 1919), then the run's
    (:func:`foedus.theory.reassurance.regime_restart` of the states' democracy scores against their memory,
    ``regime_reference``, threshold ``intentions_restart_threshold``: scheduled ``regime_change`` shocks, allied
    democratisation), the regime at the start being the one read (a move before it is the record's to date). Called up to
    three times in an alignment step: a restart is kept once (a second call finds the regime read equal to the regime now).
    ``intentions_restart_share`` 0 (the default: the in-sample record shows no surge of pacts after a transition): the
    entries alone (:func:`entry_years`), the run as before."""
    entry = entry_years(world)
    p, st, inp = world.inputs.params, world.state, world.inputs
    if p.intentions_restart_share == 0:
        return entry
    n = world.n
    if st.intentions_restarted.shape != (n,):
        known = inp.regime_changed if inp.regime_changed is not None and inp.regime_changed.shape == (n,) else np.full(n, np.nan)
        st.intentions_restarted, st.intentions_regime = np.array(known, dtype=float), np.array(st.regime, dtype=float)
    ref = st.regime_reference if st.regime_reference.shape == (n,) else st.regime
    st.intentions_restarted, st.intentions_regime = th_reassure.regime_restart(
        st.year, st.regime, ref, st.intentions_regime, st.intentions_restarted, threshold=p.intentions_restart_threshold, check=inp.check)
    if np.isnan(st.intentions_restarted).all():
        return entry
    return th_reassure.record_start(entry, st.intentions_restarted, share=p.intentions_restart_share, decay_years=p.intentions_decay_years,
                                    check=inp.check)


def _regime_restarts(world: World) -> list | None:
    """(N,) list: the year each state's regime last changed, its record of intentions restarting (:func:`record_years`; None
    where it never did), for a new pact's factors; None where the restart is off (``intentions_restart_share`` 0)."""
    st = world.state
    if world.inputs.params.intentions_restart_share == 0 or st.intentions_restarted.shape != (world.n,):
        return None
    return [None if np.isnan(t) else int(t) for t in st.intentions_restarted.tolist()]

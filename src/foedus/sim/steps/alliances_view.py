"""The alliances in force as the alignment step's options read them (step 5, alignment; brief A2, P1, P2, F5).

:class:`_Alliances`, the view of the alliances in force (members, loads, goods, shared commitments, main threats and
targets), rebuilt after the exits from the earlier view's per-alliance terms (:func:`_kept_rows`); the members' values of
staying (:func:`_membership_values`), their shares of each alliance's defence (:func:`_burden_shares`) and the alliances'
institutions (:func:`_institution`). Split from :mod:`foedus.sim.steps.alignment` for size; that module re-exports these names.
"""

from __future__ import annotations

import numpy as np

from foedus.schema import OBLIGATIONS
from foedus.sim.membership import alliance_view, leaders
from foedus.sim.steps import accession_kernels as acc_kern
from foedus.sim.steps import alignment_kernels as kern
from foedus.sim.steps import year_goods
from foedus.sim.steps._common import ALLIANCE, SECURITY
from foedus.sim.world import World
from foedus.theory import choice as th_choice
from foedus.theory import integration as th_integ
from foedus.theory import obligations as th_ob


class _Alliances:
    """The alliances in force and what the options need of them, as of now.

    ``slots`` (A,): the alliances; ``members`` (A, N) their membership; ``size`` (A,) their
    members; ``portfolio`` (N,) each state's alliances over its commitment capacity, ``load``
    (N,) the factor ``(1 + portfolio) ** commitment_exponent`` of every option's cost and
    ``unit_cost`` (N,) ``alliance_cost * load``; ``goods`` (A, 5) the goods each provides,
    ``commitment`` (A,) its strength, ``entrap`` (A,) its pledge's :func:`foedus.theory.obligations.entrapment_share`
    (``entrap_partial``: any below 1), ``admits`` (A,) whether its terms admit new members,
    ``join_goods`` (A, 5) the goods that count toward joining it (:func:`foedus.theory.choice.accession_goods`);
    ``top``: each alliance's strongest and second-strongest members
    (:func:`foedus.sim.membership.leaders`); ``shared_commitment`` (N, N) the strongest
    commitment two states already share and ``shared_goods`` (5, N, N) the goods their pacts
    already provide them; ``main`` and ``target`` (N,) each state's main threat
    (:func:`foedus.theory.obligations.main_threat`) and target
    (:func:`foedus.theory.offence.offence_target`), -1 for none.
    """

    def __init__(self, world: World, capacity: np.ndarray, before: _Alliances | None = None):
        ag = world.state.agreements
        n = world.n
        self.slots, self.members, count, self.size = security_alliances(world)
        self.portfolio = count / capacity
        p = world.inputs.params
        self.entrap_partial = p.lesser_entrapment_share != 1.0
        self.load = (1.0 + self.portfolio) ** p.commitment_exponent
        self.unit_cost = p.alliance_cost * self.load
        self.commitment = ag.commitment[self.slots]
        self.admits = ag.admits[self.slots]
        kept = _kept_rows(before, self.slots)
        if kept is None:  # entrapment_share, pact_goods and accession_goods (no tethering toward joining a defence treaty), looked up
            self.entrap, self.goods, self.join_goods = obligation_terms(ag.obligations[self.slots], p.lesser_entrapment_share)
        else:  # after the exits: the alliances still in force were all in the view before, and their obligations are the same
            self.entrap, self.goods, self.join_goods = before.entrap[kept], before.goods[kept], before.join_goods[kept]
        self.memo: dict = {}  # terms of these alliances asked for several times in the step, keyed by the agreements' version (_institution)
        if before is None:
            self.main = th_ob.main_threat(world.results.threat, check=False)
            self.target = year_goods.offence_target(world)
        else:  # threats and hostility do not move within the step
            self.main, self.target = before.main, before.target
        if len(self.slots):
            self.top = leaders(ag.members, self.slots, world.state.power)
            self.shared_commitment = np.zeros((n, n))
            self.shared_goods = np.zeros((len(th_ob.GOODS), n, n), bool)
            kern.shared_terms(np.ascontiguousarray(self.members), self.commitment.astype(float), self.goods, self.shared_commitment, self.shared_goods)
        else:
            self.top = (np.zeros(0, np.intp), np.zeros(0, np.intp))
            self.shared_commitment = np.zeros((n, n))
            self.shared_goods = np.zeros((len(th_ob.GOODS), n, n), bool)


_OBLIGATION_BITS = 1 << np.arange(len(OBLIGATIONS), dtype=np.int64)  # a set of obligations as a number (pact_goods' code)
_PATTERNS = ((np.arange(1 << len(OBLIGATIONS))[:, None] >> np.arange(len(OBLIGATIONS))) & 1).astype(bool)  # every set, set k at row k
_TERMS: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}


def obligation_terms(obligations: np.ndarray, lesser_share: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`foedus.theory.commitment_share.entrapment_share` (at ``lesser_share``), :func:`foedus.theory.obligations.pact_goods` and
    :func:`foedus.theory.choice.accession_goods` of those goods, of the rows ``obligations`` (A, 5) bool: each row's terms are a
    function of its own five obligations alone, so the three functions are evaluated once on the 32 sets of obligations (:data:`foedus.schema.OBLIGATIONS`) (per
    ``lesser_share``, to its bits) and each row's terms are read from them (issue 16: three theory calls a year, a list built in each,
    for some hundred alliances of a few kinds). The same arrays: values, dtypes and shapes (``tests/sim/steps/test_alignment.py``)."""
    key = float(lesser_share).hex()
    hit = _TERMS.get(key)
    if hit is None:
        goods = th_ob.pact_goods(_PATTERNS)
        hit = _TERMS[key] = (th_ob.entrapment_share(_PATTERNS, lesser_share, check=False), goods, th_choice.accession_goods(goods))
    code = np.asarray(obligations, dtype=bool) @ _OBLIGATION_BITS
    return hit[0][code], hit[1][code], hit[2][code]


def security_alliances(world: World) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`foedus.sim.membership.alliance_view` of the security alliances in force (``slots``, ``rows``, ``per_state``, ``size``), kept
    while the agreements are unchanged (the same object, its ``version``): the view of the alignment step (:class:`_Alliances`) and
    the defence pledges (:func:`foedus.sim.steps.formation.defence_pledges`) ask for it at the same version each year (issue 16).
    Not to be written into."""
    ag = world.state.agreements
    hit = world.cache.get("security_alliances")
    if hit is not None and hit[0] is ag and hit[1] == ag.version and hit[2] == ag.n:
        return hit[3]
    out = alliance_view(ag.members, ag.active, ag.kind, ag.domain, ag.n, ALLIANCE, SECURITY)
    world.cache["security_alliances"] = (ag, ag.version, ag.n, out)
    return out


def _kept_rows(before: _Alliances | None, slots: np.ndarray) -> np.ndarray | None:
    """The positions in ``before.slots`` of ``slots`` (the view rebuilt after the exits: its alliances are some of the earlier
    view's, whose per-alliance terms of their obligations it takes, issue 16), or None (no earlier view, or a slot not in it)."""
    if before is None or not len(slots) or not len(before.slots):
        return None
    pos = np.minimum(np.searchsorted(before.slots, slots), len(before.slots) - 1)
    return pos if (before.slots[pos] == slots).all() else None


def _membership_values(ag, view: _Alliances, goods: np.ndarray, year: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Memberships entered before ``year`` (state, alliance position) and each one's value: the goods its alliance provides, summed over the fellow members."""
    cap = len(view.slots) * ag.members.shape[1]  # at most every state in every alliance
    i_idx, a_idx, stay = np.empty(cap, np.intp), np.empty(cap, np.intp), np.empty(cap)
    k = kern.membership_values(ag.members, np.ascontiguousarray(view.slots, dtype=np.intp), ag.entry_year, int(year), goods, view.goods, i_idx, a_idx, stay)
    i_idx, a_idx, stay = i_idx[:k], a_idx[:k], stay[:k]
    return i_idx, a_idx, stay


def _burden_shares(world: World, view: _Alliances) -> np.ndarray:
    """Each member's share of its alliance's defence (A, N): :func:`foedus.theory.consent.burden_shares` compiled, to the bit
    (:func:`.accession_kernels.burden_shares`), kept on the view while the capabilities are the same (read-only): the exits and
    the accession votes (twice) ask for it."""
    power = world.state.power
    key = ("burden_shares", power.tobytes())
    hit = view.memo.get(key)
    if hit is None:
        hit = view.memo[key] = acc_kern.burden_shares(view.members, power)
        hit.flags.writeable = False
    return hit


def _institution(world: World, view: _Alliances, multilateral: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each alliance's binding (A,): the share of Morrow's autonomy exchange its institution keeps (``1 - b A``,
    :func:`foedus.theory.integration.bound_autonomy` with ``institutional_binding``), and its general assets (A,): its
    integration, none for a pact made for a war (as in :func:`foedus.sim.steps.politics.alliance_politics`; Wallander 2000),
    scaled by ``general_asset_retention``; both only where ``multilateral`` (an institution of three or more, not the exchange of two).
    Kept on the view while the agreements are unchanged (their ``version``; read-only): the step asks up to four times.

    The alliances' assets (:func:`foedus.theory.integration.institutional_assets`) and their integration are the view's
    (:func:`_institution_base`, once a view for both masks and the community's rule); ``bound_autonomy`` of a change of 1 is
    ``1.0 * (1 - b A)``, the same bits as ``1 - b A`` (issue 16: the step asked the two theory functions three times a year)."""
    p = world.inputs.params
    ag = world.state.agreements
    key = ("institution", ag.version, multilateral.tobytes())
    hit = view.memo.get(key)
    if hit is not None:
        return hit
    if world.inputs.check:  # a run that checks its inputs takes the theory functions
        integ = np.clip(ag.integration[view.slots], 0.0, 1.0)
        assets = th_integ.institutional_assets(ag.institutionalised[view.slots] / 2.0, integ, check=True) * multilateral
        keep = th_integ.bound_autonomy(np.ones(len(view.slots)), assets, binding=p.institutional_binding, check=True)
        general = np.where(ag.wartime[view.slots], 0.0, integ) * multilateral * p.general_asset_retention
    else:
        raw, peace = _institution_base(world, view)
        keep = 1.0 - float(p.institutional_binding) * (raw * multilateral)
        general = peace * multilateral * p.general_asset_retention
    keep.flags.writeable = general.flags.writeable = False
    view.memo[key] = (keep, general)
    return keep, general


def _institution_base(world: World, view: _Alliances) -> tuple[np.ndarray, np.ndarray]:
    """The view's alliances' institutional assets (A,), :func:`foedus.theory.integration.institutional_assets` of ATOP's level halved
    and the integration clipped to [0, 1], and that integration where the pact was not made for a war, else 0 (:func:`_institution`,
    :func:`.accession_community.community`): kept on the view while the agreements are unchanged (their ``version``; read-only)."""
    ag = world.state.agreements
    key = ("institution_base", ag.version)
    hit = view.memo.get(key)
    if hit is None:
        integ = np.clip(ag.integration[view.slots], 0.0, 1.0)
        raw = th_integ.institutional_assets(ag.institutionalised[view.slots] / 2.0, integ, check=False)
        peace = np.where(ag.wartime[view.slots], 0.0, integ)
        raw.flags.writeable = peace.flags.writeable = False
        hit = view.memo[key] = (raw, peace)
    return hit

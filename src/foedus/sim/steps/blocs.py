"""Step 3b, blocs: states that share a threat found one multilateral treaty (brief F5, H1; issue 17 item 1).

Before the year's bilateral choices (:mod:`.alignment`), the states that share a threat (their main
threat is the same state or one of its allies: :func:`foedus.theory.multilateral.adversary_bloc`)
may found one treaty together instead of a web of pairs (Snyder 1997; Cha 2010). For every such
group the strongest threatened state is the leader (Snyder's leader and its clients); the group
takes up the question in a year when any of its members reconsiders its alignments (probability
``consider_rate`` each, as in :mod:`.alignment`). Who signs is :func:`foedus.theory.multilateral.found_bloc`: each founder gains from the
joint defence pledge by the same value and cost rule as a bilateral pact (the goods of
:func:`foedus.theory.obligations.obligation_goods` its pacts do not already provide, summed over
its partners and discounted for free riding, Olson & Zeckhauser 1966, against the one cost rule
:func:`~.formation.pact_cost` of a commitment to the leader with the base raised by the number of
partners, ``k ** commitment_exponent``), the leader pays a coordination cost per member beyond a
pair, and no member loses by another's admission; its members other than its leader (a great power may lead from afar) are one
region's states, no two farther apart than ``bloc_region_km`` (but two in the theatre of the threat under a superpower leader
that signs, where a scenario sets ``bloc_theatre_reach``: :mod:`.blocs_theatre`), and no two members' ideal points
farther apart than ``bloc_identity_distance``, an unknown ideal point sharing no identity (collective identity,
Hemmer & Katzenstein 2002); no member is bound to its strategic rival (Thompson 2001; :func:`_vetoes`); only members exclude: a
founding whose candidates that did not sign kept others out is weighed again without them, kept if every founder still signs
(:func:`_without_decliners`; Hart & Kurz 1983). Who is aligned with whom (the adversary blocs, clients, pledges held) leaves out a
pledge written against an adversary gone between a state and the partner it fears (:mod:`.blocs_alignment`; Walt 1987). Every step reads one main threat, the perceived one (:func:`.threat.main_threat_of`). A great
power that leads against a great power (:func:`.blocs_kernels.bloc_candidates`) also asks the states weaker than it with no main threat of
their own that still perceive this one (above ``threat_perception_floor``) and hold no neutrality obligation in force, values each one's pledge for forward defence (its capability
added to the balance against the threat and denied to it, as far as it is exposed, discounted by
the leader's distance: :func:`foedus.theory.multilateral.forward_defence_value`; Snyder 1997, Lake
1999) and covers the shortfall of those that would not sign alone (hegemonic provision) if they may be its clients: not great powers,
not in another great power's defence pacts (:func:`_client_mask`; Snyder 1997, Lake 2009, Walt 1987); weight
``bloc_forward_defence_weight``, 0 switches both off. A treaty so founded admits new members from
the next year (its founders sign this year). Each
founding is logged with the shared threat, the adversary bloc, the leader and every founder's
value, cost, gain and threat from the shared threat, the leader's forward-defence value, the transfer each client receives,
the states left out as clients and the candidates vetoed (with the reasons).

The loops over each candidate bloc's forms and pairs are compiled (:mod:`.blocs_kernels`: the pledges, the cost terms and the
founding of every form, the leader's forward-defence values, the renounced-treaty pairs; equal to the numpy code and the theory
functions to the bit, ``tests/sim/test_blocs_kernels.py``), the year's threats are weighed in turn in one compiled scan up to each
founding (:func:`.blocs_kernels.bloc_scan`, the steps of :func:`_founding` for each group; the test replays every scan group by
group with :func:`_founding`), and the year's utilities, aggrandisement and isolation are shared
with :mod:`.alignment` through the world's per-year cache (:mod:`.year_goods`).
"""

from __future__ import annotations

import numpy as np

from foedus.schema import OBLIGATIONS
from foedus.sim.steps import blocs_kernels as kern
from foedus.sim.steps import year_goods
from foedus.sim.steps._common import ALLIANCE, MOTIVES
from foedus.sim.steps.alignment_kernels import shared_terms
from foedus.sim.steps.alliances_view import security_alliances
from foedus.sim.steps.blocs_abstention import abstention_at_entries as _abstention
from foedus.sim.steps.blocs_alignment import aligned_defends
from foedus.sim.steps.blocs_theatre import leader_shares, theatre
from foedus.sim.steps.exchange_year import exchange_terms
from foedus.sim.steps.formation import (
    FORM_COMMITMENT,
    FORM_GOODS,
    FORM_OBLIGATIONS,
    FORM_RISK,
    FORMS,
    ExchangeTerms,
    commitment_capacity,
    form_entrapment,
    norm_factors,
    norm_terms,
    nuclear_deterred,
)
from foedus.sim.steps.neutrality import stays_out
from foedus.sim.steps.threat import main_threat_codes, main_threat_of, threat_terms
from foedus.sim.world import World
from foedus.theory import multilateral as th_multi
from foedus.theory import obligations as th_ob
from foedus.theory import obligations_kernels as obk
from foedus.theory import offence as th_offence
from foedus.theory import theatre as th_theatre
from foedus.theory.capability import asymmetric_capabilities

BLOC_FORMS = tuple(FORMS.index(f) for f in FORMS if f != "offence")
"""The forms a bloc's treaty may take: every form of :data:`foedus.theory.obligations.PACT_FORMS` but offence (ATOP's
multilateral treaties of 1816-2018 are defence pacts (NATO, the Warsaw Pact, the Rio and Manila pacts), consultation
pacts (the Holy Alliance), non-aggression pacts (the Saadabad Pact) and neutrality pacts; a common target is
:func:`~.formation.cofounders`' business)."""

_BLOC_GOODS = FORM_GOODS[list(BLOC_FORMS)].astype(float)  # the bloc forms' goods, commitment, protection and risk as the kernel takes them
_BLOC_COMMITMENT = FORM_COMMITMENT[list(BLOC_FORMS)].astype(float)
_BLOC_PROT = FORM_GOODS[list(BLOC_FORMS), 0].astype(float)
_BLOC_RISK = FORM_RISK[list(BLOC_FORMS)].astype(float)


def _bloc_entrapment(world: World) -> np.ndarray:
    """(F,) the share of the base cost of allying each bloc form carries (:func:`~.formation.form_entrapment`, the one cost rule of
    pairing and joining: a pledge to fight or of neutrality all of it, one of non-aggression or consultation ``lesser_entrapment_share``)."""
    return form_entrapment(world)[list(BLOC_FORMS)]
_BLOC_AGGRANDISEMENT = bool(_BLOC_GOODS[:, th_ob.GOODS.index("aggrandisement")].any())  # whether a bloc's form provides aggrandisement (_goods)


class _Year:
    """What the blocs of a year need: alliances in force, their goods to every pair, each state's main threat and costs."""

    def __init__(self, world: World):
        p = world.inputs.params
        ag = world.state.agreements
        n = world.n
        slots, members, count, _ = security_alliances(world)  # alliance_view of the security alliances, kept by version: alignment reads it in a year without a founding
        provided = th_ob.pact_goods(ag.obligations[slots])
        self.shared = np.zeros((len(th_ob.GOODS), n, n), bool)
        if len(slots):  # whether a pact in force provides each good to the pair: pair_max(provided[:, g]) > 0, all goods in one compiled pass
            shared_terms(np.ascontiguousarray(members), np.zeros(len(slots)), np.ascontiguousarray(provided), np.zeros((n, n)), self.shared)
        self.unit_cost = p.alliance_cost * (1.0 + count / commitment_capacity(world)) ** p.commitment_exponent
        self.main = main_threat_of(world)  # the perceived main threat (floor, threshold, ceiling), as every step and event reads it
        # a standing pledge to stand aside (an ATOP neutrality obligation in force) binds a state out of a leader's camp
        neutral_slots = ag.obligations[slots][:, OBLIGATIONS.index("neutrality")] if len(slots) else np.zeros(0, bool)
        self.neutral = members[neutral_slots].any(axis=0) if neutral_slots.any() else np.zeros(n, bool)
        # who is aligned with whom: the pledges of protection less those written against an adversary gone between a state and
        # the partner it fears (blocs_alignment; Walt 1987): the adversary blocs, clients and pledges held read it, the goods every pledge
        self.defends = aligned_defends(world, slots, members, provided[:, 0], self.shared[0], self.main)
        self.renounced = None  # who left a treaty in force of which whom is a member (_renounced_all)
        self.great_power_ties = None  # how many great powers each state defends (_client_mask), again after each founding
        self.left_out: dict[str, np.ndarray] = {}  # the states a great-power leader could not carry as clients, by reason (_left_out)
        self.declined = np.zeros(0, np.intp)  # the candidates that excluded others and did not sign, left out of the founding weighed again (_without_decliners)


def blocs(world: World, rng: np.random.Generator) -> None:
    """Multilateral treaties of the states that share a threat, led by the strongest of them (F5; Snyder 1997, Olson & Zeckhauser 1966).

    For every state that is some active state's main threat, the group that shares it
    (:func:`foedus.theory.multilateral.shared_threat`) is asked when it has at least
    :data:`foedus.theory.multilateral.MIN_MEMBERS` states, in a year when any of them reconsiders its alignments (each with
    probability ``consider_rate``, as in :mod:`.alignment`: the small states as often as the leader
    open the question, as the Brussels Treaty powers asked the United States in 1948; Snyder
    1997). (Remove the step from
    :attr:`foedus.sim.engine.Simulation.steps` to switch blocs off.)
    """
    # the year's terms the step's helpers ask more than once (the offence targets, the credibility of pledges, ...) are held for the
    # step after their first year-cache lookup (year_goods.held_for_step): the step writes the agreements and the log only, as
    # alignment, and none of their inputs
    with year_goods.held_for_step(world):
        _blocs(world, rng)


def _blocs(world: World, rng: np.random.Generator) -> None:
    """:func:`blocs`' year (the step's terms held: :class:`.year_goods.held_for_step`)."""
    p = world.inputs.params
    opening = world.cache.pop("blocs_opening", None)  # last year's blocs, in force now, admit members
    if opening is not None:
        world.state.agreements.admits[opening] = True
    yr = _Year(world)
    threats = np.unique(yr.main[(yr.main >= 0) & world.state.active])
    if not len(threats):
        return
    reconsider = rng.random(world.n) < p.consider_rate
    signed = np.zeros(world.n, bool)
    scan = _Scan(world, yr, threats, reconsider, signed)
    pos = scan.first()
    if pos < len(threats):  # a group to weigh: the year's goods' terms, once (_goods; the goods of the pairs weighed only), and its exchange terms
        scan.ready(*_goods(world, yr), exchange_terms(world))
    while pos < len(threats):  # the threats in turn, compiled up to each founding (blocs_kernels.bloc_scan: the loop of _founding, to the bit)
        out = scan(pos)
        if out[1] == 0:
            break
        pos, status, group, bloc, _, branch, asked, fwd, x, members, gain, pledge, base, aut, dfd, power, clients = _without_decliners(world, yr, scan, out)
        t = int(threats[pos])
        if world.inputs.explain:  # the states a great-power leader could not carry as clients, by reason (the founding's explanation)
            yr.left_out = _left_out(world, yr, t, asked) if branch else {}
        best = _best(world, group, fwd, x, members, gain, pledge, base, aut, dfd, power, clients)
        f, founders = best[0], best[1]
        signed[founders] = True
        # a treaty is founded: in force from now on (_client_mask); the treaties renounced stay as they were (_renounced_all: a new
        # treaty has no one who left it)
        yr.great_power_ties = None
        _found(world, yr, scan.goods, scan.u, t, bloc, group, *best, status == 2)  # the theatre where the scan weighed it
        yr.shared[:, founders[:, None], founders[None, :]] |= FORM_GOODS[f][:, None, None]
        if yr.defends is not yr.shared[0]:  # a lapsed tie left out (blocs_alignment): the new treaty's pledges align its founders
            yr.defends[founders[:, None], founders[None, :]] |= FORM_GOODS[f][0]
        pos += 1


_THEATRE_RULE = (
    "two clients of a superpower's bloc may be farther apart than the region where the shared threat's strength and the leader's both "
    "reach each with at least theatre_reach of their strength at home, if the superpower signs (Boulding 1962; Buzan & Waever 2003; Walt 1987; "
    "Hemmer & Katzenstein 2002; foedus.theory.theatre)"
)
_NO_IDEAL = np.zeros((1, 1))  # the scan's ideal distances and whether they are known where the world has none (read only where it has)
_NO_KNOWN = np.ones(1, bool)


class _Scan:
    """The year's call of :func:`.blocs_kernels.bloc_scan`: its inputs, the year's goods once asked (:meth:`ready`), and the step's
    state (``signed``, ``yr.shared`` and the treaties renounced, as each founding leaves them)."""

    def __init__(self, world: World, yr: _Year, threats: np.ndarray, reconsider: np.ndarray, signed: np.ndarray):
        self.world, self.yr, self.threats, self.reconsider, self.signed = world, yr, threats.astype(np.int64), reconsider, signed
        s = world.state
        self.eligible = s.active & ~s.at_war.any(axis=1) & ~stays_out(world)  # a permanently neutral state joins no bloc (access7), nor one out by policy (neutral11)
        self.goods = self.u = self.goods_in = None
        self.main = yr.main.astype(np.int64)  # the year's main threats, as the kernel takes them (read by every call)
        p = world.inputs.params
        self.partners = np.maximum(np.arange(world.n + 1) - 1, 0).astype(float) ** p.commitment_exponent  # at size s a member has s - 1 partners

    def first(self) -> int:
        """The position of the year's first threat whose group is weighed (:func:`.blocs_kernels.bloc_first`), ``len(threats)`` for none."""
        world, yr, p = self.world, self.yr, self.world.inputs.params
        return int(kern.bloc_first(
            self.threats, 0, yr.defends, self.main, self.eligible, self.signed, self.reconsider, world.state.power, world.state.major,
            world.results.threat, float(p.threat_perception_floor), yr.neutral, p.bloc_forward_defence_weight > 0, th_multi.MIN_MEMBERS,
        ))

    def ready(self, goods_in: tuple, u: np.ndarray, iso_source: tuple, goods_terms: tuple, terms: ExchangeTerms) -> None:
        """The year's goods' arguments and motives (:func:`_goods`) and exchange terms, for the groups to weigh: the goods (5, N, N)
        are computed by the scan for the pairs it weighs (``goods`` where ``have``), from ``goods_in`` and their row terms."""
        n = self.world.n
        self.goods_in, self.u, self.iso_source = goods_in, u, iso_source
        self.goods_terms = goods_terms  # (obk.goods_rows of the goods' threats and capabilities, from _goods)
        self.goods = np.empty((len(th_ob.GOODS), n, n))  # the pairs weighed only (the scan's, the founders' read by _found)
        self.have = np.zeros((n, n), bool)
        # the terms' own log1p of the autonomy (np.log1p of the same array: the same numbers, asked once a year, not once a step)
        self.terms = (np.ascontiguousarray(terms.autonomy), np.ascontiguousarray(terms.log1p_autonomy), np.ascontiguousarray(terms.burden))
        self.entrap = _bloc_entrapment(self.world)

    def at(self, pos: int, without: np.ndarray):
        """The scan of the threat at ``pos`` alone with the states ``without`` (N,) bool not eligible (:func:`_without_decliners`)."""
        threats, eligible = self.threats, self.eligible
        self.threats, self.eligible = threats[: pos + 1], eligible & ~without
        try:
            return self(pos)
        finally:
            self.threats, self.eligible = threats, eligible

    def __call__(self, start: int):
        world, yr, p = self.world, self.yr, self.world.inputs.params
        has_ideal, has_known = world.inputs.ideal_distance is not None, world.inputs.ideal_known is not None
        return kern.bloc_scan(
            self.threats, start, yr.defends, self.main, self.eligible, self.signed, self.reconsider, world.state.power, world.state.major,
            world.results.threat, float(p.threat_perception_floor), yr.neutral, p.bloc_forward_defence_weight > 0, th_multi.MIN_MEMBERS, world.results.reach,
            float(p.bloc_forward_defence_weight), self.goods, self.have, self.goods_terms, self.goods_in, yr.shared, yr.unit_cost, self.partners,
            *self.terms, world.state.at_war, world.inputs.territorial_dispute, world.state.rivalry, world.inputs.distance_km, float(p.bloc_region_km),
            leader_shares(world), world.inputs.ideal_distance if has_ideal else _NO_IDEAL, world.inputs.ideal_known if has_known else _NO_KNOWN, has_ideal, has_known,
            float(p.bloc_identity_distance), _renounced_all(world, yr), _BLOC_GOODS, _BLOC_COMMITMENT, _BLOC_PROT,
            _BLOC_RISK, p.autonomy_weight, p.defence_burden_weight, p.treaty_cost, p.bloc_free_riding, p.bloc_coordination_cost, self.entrap,
            *self.iso_source,
        )


_REWEIGHS = 4  # the most times a founding is weighed again without the candidates that excluded others and did not sign


def _without_decliners(world: World, yr: _Year, scan: _Scan, out: tuple) -> tuple:
    """The founding ``out`` of :meth:`_Scan.__call__`, weighed again at its threat without the candidates that did not sign yet
    kept others out (:func:`foedus.theory.multilateral.declined_exclusions`: only members exclude; Hart & Kurz 1983), as long as
    there are such candidates (at most :data:`_REWEIGHS` times) and the group without them still founds with every founder of the
    first weighing (the candidates kept out are admitted by the members, not in their place); else ``out``. The states left out of
    the weighing kept are ``yr.declined`` (the founding's factor ``declined_and_reweighed``)."""
    without = np.zeros(world.n, bool)
    yr.declined = np.zeros(0, np.intp)
    signed = out[2][out[9]]  # the founders of the first weighing: each is kept (a founding weighed again adds to them)
    for _ in range(_REWEIGHS):
        group, members = out[2], out[9]
        veto = _veto(world, yr, group, int(scan.threats[out[0]]), out[1] == 2)  # the theatre where the scan weighed it (blocs_theatre)
        drop = th_multi.declined_exclusions(veto, kern._kept(veto), members)
        if not drop.any():
            break
        without[group[drop]] = True
        again = scan.at(out[0], without)
        if again[1] == 0 or not np.isin(signed, again[2][again[9]]).all():
            break
        out = again
        yr.declined = np.flatnonzero(without)  # (the founding's explanation: _found)
    return out


def _left_out(world: World, yr: _Year, t: int, asked: np.ndarray) -> dict[str, np.ndarray]:
    """The states asked as clients (:func:`.blocs_kernels.bloc_candidates`) that a great-power leader could not carry, by reason:
    a neutrality obligation in force, or the threat not perceived (:func:`_clients`)."""
    perceive = _clients(world, yr, t)
    return {"neutrality_obligation": np.flatnonzero(asked & yr.neutral), "threat_not_perceived": np.flatnonzero(asked & ~perceive & ~yr.neutral)}


def _clients(world: World, yr: _Year, t: int) -> np.ndarray:
    """(N,) bool: the states a great power may carry as clients against ``t`` beyond those that share it: the states that
    perceive ``t`` (its threat to them at least ``threat_perception_floor``, the noise of the record below which a state
    perceives nothing: :func:`foedus.theory.threat.perceived_main_threat`), though below their own threshold of a main threat, and
    hold no neutrality obligation in force (a state pledged to stand aside is no one's client: Belgium and Switzerland before
    1914). Lake (1999): a client buys protection from a threat it faces; a state that faces none has nothing to buy."""
    threat = world.results.threat[:, t]
    return (threat > 0) & (threat >= world.inputs.params.threat_perception_floor) & ~yr.neutral


def _forward(world: World, t: int, group: np.ndarray, shares: np.ndarray) -> np.ndarray:
    """(K, K): ``F[a, b]``, the value to ``group[a]`` as leader of ``group[b]``'s pledge against the threat ``t``
    (:func:`foedus.theory.multilateral.forward_defence_value`, of the leader's capability, the client's :func:`~foedus.theory.multilateral.exposure`
    to ``t`` and the leader's distance discount to it; 0 for a leader that does not share the threat, is not a great power or faces
    one that is not), compiled (:func:`.blocs_kernels.forward_values`, equal to the theory functions to the bit)."""
    return kern.forward_values(
        world.results.reach, world.state.power, world.state.major, group.astype(np.int64), np.ascontiguousarray(shares, dtype=np.bool_), int(t),
        float(world.inputs.params.bloc_forward_defence_weight),
    )


def _renounced(world: World, group: np.ndarray, yr: _Year) -> np.ndarray:
    """(K, K): ``group[a]`` left a treaty in force of which ``group[b]`` is still a member. Leaving one's partners' treaty
    is a choice against being bound to them (Hart & Kurz 1983's exclusion); while it stands, the way back is its
    accession rule, not a new treaty with the same partners."""
    return _renounced_all(world, yr)[group[:, None], group[None, :]]


def _renounced_all(world: World, yr: _Year) -> np.ndarray:
    """(N, N) the pairs of :func:`_renounced` (:func:`.blocs_kernels.renounced_pairs`), computed once per year (``yr.renounced``): a
    founding adds a treaty in force of which no one has left (its row of ``last_exit`` is new, -1 throughout) and leaves the others
    as they were, so the pairs are the same after it."""
    if yr.renounced is None:
        ag = world.state.agreements
        yr.renounced = np.zeros((world.n, world.n), bool)
        kern.renounced_pairs(ag.members, ag.last_exit, ag.active, ag.n, yr.renounced)
    return yr.renounced


def _goods(world: World, yr: _Year) -> tuple[tuple, np.ndarray, tuple, tuple]:
    """This year's goods of every pledge as :func:`foedus.theory.obligations.obligation_goods` takes them
    (:func:`foedus.theory.obligations.goods_inputs`: the scan computes the pairs it weighs), the protection motives (4, N, N), the
    scan's isolation terms (:func:`_iso_source`) and the goods' row terms (:func:`foedus.theory.obligations_kernels.goods_rows`).
    Who defends whom is taken as it is now (a copy: the year's foundings add pledges to ``yr.shared`` after)."""
    p = world.inputs.params
    res = world.results
    u, total = year_goods.utilities(world)  # computed once a year for this step and alignment (foedus.sim.yearcache)
    discount, standing = norm_terms(world)
    # pledge8 (Jervis 1989); the aggrandisement good only where a bloc's form provides it (offence is not one: the good would enter
    # every value times 0.0, the same numbers without it, and the step would pay the year's aggrandisement that alignment needs
    # only while an offence pledge stands: issue 16)
    weighed = _BLOC_AGGRANDISEMENT and p.aggrandisement_weight * discount > 0
    aggr = nuclear_deterred(world, year_goods.aggrandisement(world) if weighed else None)
    defends = yr.shared[0].copy()  # the goods read every pledge (yr.shared[0]), not the alignment (yr.defends: blocs_alignment)
    threat = np.ascontiguousarray(res.threat, dtype=np.float64)
    rows = obk.goods_rows(threat, np.ascontiguousarray(world.state.power, dtype=np.float64))
    lazy = p.abstention_weight > 0 and not world.inputs.check
    iso_source = _NO_ISO_SOURCE
    if lazy:  # the scan computes the isolation, discounted and deterred, of the pairs it weighs only (_iso_source)
        iso_source = _iso_source(world, defends, discount)
        isolation = np.zeros((world.n, world.n))  # filled by the scan where it weighs a pair (its goods read isolation[i, j] alone)
    else:
        isolation = nuclear_deterred(world, year_goods.isolation(world, yr.shared[0]) * discount if p.abstention_weight > 0 else None)
    # neut7: abstention weighed by the expected war, a rival's pledge by its credibility; the war risk at the entries the goods read
    abstention = _abstention(world, rows[1], p.abstention_weight > 0)
    goods = th_ob.goods_inputs(
        total, threat, world.state.power, reach=res.reach, aggrandisement=aggr, isolation=isolation, defends=defends,
        weights=(1.0, p.reassurance_weight * standing, p.abstention_weight, p.transparency_weight, p.aggrandisement_weight * discount), check=world.inputs.check,
        **abstention,
    )
    return goods, u, iso_source, rows


def _read_only(a: np.ndarray) -> np.ndarray:
    """A read-only C-contiguous view of ``a`` (the array itself untouched): the scan's arguments typed alike whatever the world's flags."""
    v = np.ascontiguousarray(a).view()
    v.flags.writeable = False
    return v


_NO_ISO = np.zeros((1, 1))
_NO_ISO.flags.writeable = False
_NO_ISO_SOURCE = (False, _NO_ISO, _NO_ISO, _read_only(np.zeros(1, np.int64)), _read_only(np.zeros((1, 1), bool)), 1.0, np.zeros(1, bool), 1.0)
"""The scan's isolation terms where ``goods_inputs`` holds the isolation (the run checks its inputs, or no abstention good)."""


def _iso_source(world: World, defends: np.ndarray, discount: float) -> tuple:
    """The scan's terms of the year's isolation good for the pairs it weighs (:func:`.blocs_isolation.isolation_pairs`): (True, the
    hostility and reach (N, N), the offence targets (N,) int, the pledges of defence ``defends`` (N, N) bool, the conquest ``discount``,
    whether each row's offence target holds nuclear weapons (N,) bool, and what deterrence leaves of its value). Pair by pair the numbers
    of ``nuclear_deterred(world, isolation(world, defends) * discount)`` (:func:`foedus.theory.offence.isolation`,
    :func:`foedus.theory.offence.nuclear_deterrence`: ``v * (1 - s)`` where the row's target is nuclear-armed, ``v`` elsewhere or at
    strength 0), without the (N, N) isolation and its three (N, N) passes a year (issue 16)."""
    s = world.inputs.params.nuclear_deterrence_strength
    n = world.n
    target = year_goods.offence_target(world)
    if s == 0:
        deterred = np.zeros(n, bool)
    else:
        deterred = th_offence.deterred_attackers(target, year_goods.nuclear_armed(world))
    h, r = (_read_only(np.asarray(a, dtype=np.float64)) for a in (world.state.hostility, world.results.reach))
    return (True, h, r, _read_only(np.asarray(target, dtype=np.int64)), _read_only(np.asarray(defends, dtype=np.bool_)), float(discount), deterred,
            1.0 - float(s))


def _vetoes(world: World, yr: _Year, group: np.ndarray, t: int, on: bool = True) -> dict[str, np.ndarray]:
    """Each reason a candidate of ``group`` refuses to be bound to another, (K, K) bool by name (:func:`foedus.theory.multilateral.found_bloc`'s ``veto``): at war, a territorial dispute, a main threat, a strategic rivalry, the region (but within the theatre of ``t`` under a superpower, where ``on``: :mod:`.blocs_theatre`), the identity, a treaty renounced."""
    p = world.inputs.params
    rows, cols = group[:, None], group[None, :]
    out = {"at_war": world.state.at_war[rows, cols], "territorial_dispute": world.inputs.territorial_dispute[rows, cols], "main_threat": yr.main[group][:, None] == cols}
    # strategic rivals see one another as enemies (Thompson 2001), the adversaries of Snyder's (1997) game, not partners of one pledge
    out["rivalry"] = world.state.rivalry[rows, cols]
    # the leader, a great power, may lead from afar; its other members are one region's, great powers too (Hemmer & Katzenstein 2002)
    out["region"] = th_multi.regional_veto(world.inputs.distance_km[rows, cols], p.bloc_region_km, world.state.major[group] & (np.arange(len(group)) == 0))
    # ... but two clients in the theatre of the threat its superpower leader faces may be an ocean apart (Boulding 1962; Walt 1987; blocs_theatre)
    out["region"] = th_theatre.theatre_exempt(out["region"], theatre(world, group, t, on))
    if world.inputs.ideal_distance is not None:  # an unknown ideal point (counted as the mean in ideal_distance) is no shared identity
        d = world.inputs.ideal_distance[rows, cols]
        if world.inputs.ideal_known is not None:
            d = np.where(world.inputs.ideal_known[rows] & world.inputs.ideal_known[cols], d, np.nan)
        out["identity"] = th_multi.identity_veto(d, p.bloc_identity_distance)
    out["renounced"] = _renounced(world, group, yr)
    return out


def _veto(world: World, yr: _Year, group: np.ndarray, t: int, on: bool = True) -> np.ndarray:
    """(K, K) bool: the union of :func:`_vetoes`' reasons, compiled (:func:`.blocs_kernels.bloc_vetoes`; the reasons by name are
    asked again only for a founded bloc's explanation)."""
    p = world.inputs.params
    has_ideal = world.inputs.ideal_distance is not None
    has_known = world.inputs.ideal_known is not None
    n = world.n
    return kern.bloc_vetoes(
        group.astype(np.int64), world.state.at_war, world.inputs.territorial_dispute, yr.main.astype(np.int64), world.state.rivalry, world.inputs.distance_km, float(p.bloc_region_km),
        world.state.major, world.inputs.ideal_distance if has_ideal else np.zeros((n, n)), world.inputs.ideal_known if has_known else np.ones(n, bool), has_ideal, has_known,
        float(p.bloc_identity_distance), _renounced_all(world, yr), theatre(world, group, t, on),
    )


def _founding(world: World, yr: _Year, terms: ExchangeTerms, goods: np.ndarray, group: np.ndarray, forward: np.ndarray, t: int):
    """Who of ``group`` (the strongest first, then in order of capability or of the great-power leader's value of them) founds a bloc, and with which form: (form, indices, values, costs, gains, free-riding share,
    forward-defence values, transfers). One group at a time, as the step weighed them before its compiled scan
    (:func:`.blocs_kernels.bloc_scan`, which takes these steps for every group of the year): the reference the scan is held to.

    The leader values its clients' pledges by ``forward`` too (:func:`_forward`) and, under hegemonic
    provision, covers a client's shortfall (:func:`foedus.theory.multilateral.found_bloc`); a
    founder's value is its pledges' value, plus the leader's forward defence or a client's transfer,
    and its cost includes the transfers the leader pays.

    Every form but offence (an offence pact's founders share a target, not a threat:
    :func:`~.formation.cofounders`) is tried; the leader proposes the form it gains most from
    among those the founders sign (as the proposer of a pair does, :mod:`.alignment`). The cost
    of membership is the one rule :func:`~.formation.pact_cost` taken apart by its terms (it is
    a sum: Morrow's autonomy term with the leader, the risk of defending each partner, and the
    base cost of a commitment to ``k`` partners, at the share of it the form carries (:func:`_bloc_entrapment`), with the
    treaty's signature), so that the treaty
    can share the defence of each member among the others
    (:func:`foedus.theory.multilateral.found_bloc`).
    """
    p = world.inputs.params
    k = len(group)
    rows, cols = group[:, None], group[None, :]
    partners = np.maximum(np.arange(k + 1) - 1, 0).astype(float) ** p.commitment_exponent  # at size s a member has s - 1 partners
    veto = _veto(world, yr, group, t)
    power = np.maximum(world.state.power[group], 1e-12)
    clients = _client_mask(world, yr, group)
    autonomy = np.ascontiguousarray(terms.autonomy[rows, cols])
    # every form at once, compiled (blocs_kernels.bloc_forms: the pledges, the three terms of pact_cost and found_bloc, to the bit)
    for on in (True, False):  # a founding its superpower declines is weighed again without the theatre (blocs_theatre)
        veto = veto if on else _veto(world, yr, group, t, on=False)
        x, members, gain, pledge, base, aut, defending = kern.bloc_forms(
            goods, yr.shared, group.astype(np.int64), yr.unit_cost[group][:, None] * partners[None, :], autonomy, np.log1p(autonomy),
            np.ascontiguousarray(terms.burden[rows, cols]), veto, power, np.ascontiguousarray(forward, dtype=float), _BLOC_GOODS, _BLOC_COMMITMENT,
            _BLOC_PROT, _BLOC_RISK, p.autonomy_weight, p.defence_burden_weight, p.treaty_cost, p.bloc_free_riding, p.bloc_coordination_cost,
            th_multi.MIN_MEMBERS, clients, _bloc_entrapment(world),
        )
        if not (x >= 0 and not members[0] and theatre(world, group, t).any()):
            break
    if x < 0:
        return None
    return _best(world, group, forward, x, members, gain, pledge[x], base[x], aut[x], defending[x], power, clients)


def _best(world: World, group, forward, x: int, members, gain, pledge, base, aut, defending, power, clients):
    """The founding of form position ``x`` (:func:`_founding`'s result) from its founders, gains and the form's terms: (form, indices,
    values, costs, gains, free-riding share, forward-defence values, transfers)."""
    p = world.inputs.params
    fwd = forward * _BLOC_PROT[x]  # forward defence is the value of a pledge to fight
    provide = bool(fwd[0].any())  # hegemonic provision: a great power's pledge to fight against a great power (bloc_candidates, _forward)
    kw = dict(free_riding=p.bloc_free_riding, coordination=p.bloc_coordination_cost, autonomy=aut, risk=defending, power=power, forward=fwd, clients=clients)
    sel = np.flatnonzero(members)
    share = float(th_multi.free_riding_share(len(sel), p.bloc_free_riding))
    ahead = np.zeros(len(sel))
    ahead[0] = share * fwd[sel[0], sel[1:]].sum()
    paid = th_multi.bloc_shortfalls(pledge, base, members, **kw)[sel] if provide else np.zeros(len(sel))
    value = share * pledge[np.ix_(sel, sel)].sum(axis=1) + ahead + paid
    return (BLOC_FORMS[x], group[sel], value, value - gain[sel], gain[sel], share, ahead, paid)


def _client_mask(world: World, yr: _Year, group: np.ndarray) -> np.ndarray:
    """(K,) bool: the candidates the leader ``group[0]`` may carry as clients (:func:`foedus.theory.multilateral.client_eligible`):
    not great powers, and not pledged to defend, or defended by, a great power other than the leader (a pact in force)."""
    ties = getattr(yr, "great_power_ties", None)  # [i]: how many great powers i is pledged to defend, counted once per year and founding
    if ties is None:
        ties = yr.great_power_ties = yr.defends[:, world.state.major].sum(axis=1)
    leader = group[0]
    # a great power other than the leader: all of them, less the leader where it is one and defended
    elsewhere = ties[group] - (yr.defends[group, leader] & world.state.major[leader])
    allied_elsewhere = elsewhere > 0
    return th_multi.client_eligible(world.state.major[group], bool(world.state.major[group[0]]), allied_elsewhere)


def _vetoed(world: World, yr: _Year, group: np.ndarray, founders: np.ndarray, t: int, on: bool) -> dict[str, list[str]]:
    """The candidates of ``group`` left out of the treaty by a veto with a founder, each with the reasons (:func:`_vetoes`; the theatre
    of ``t`` where ``on``), by COW code."""
    inside = np.zeros(world.n, bool)
    inside[founders] = True  # (np.isin(group, founders) without its sort: the same booleans)
    inside = inside[group]
    out: dict[str, list[str]] = {}
    for name, v in _vetoes(world, yr, group, t, on).items():  # the few reasons
        hit = (v | v.T)[:, inside].any(axis=1) & ~inside
        for c in world.inputs.ccode[group[hit]].tolist():  # the few left out
            out.setdefault(str(c), []).append(name)
    return out


def _found(
    world: World, yr: _Year, goods, u, threat: int, bloc: np.ndarray, group: np.ndarray, f: int, founders: np.ndarray, value, cost, gain, share: float,
    ahead, paid, theatre_on: bool = True,
) -> None:
    """Write the bloc's treaty of form ``FORMS[f]`` (leader ``founders[0]``) and log its founding with every term of the decision (F5):
    the shared threat and its bloc, the states that shared it (``group``), the leader, each founder's value, cost and gain, the free
    riding, the coordination cost and the limits of region and identity that left states out. Each founder's motives and goods are
    discounted by the free-riding ``share`` as its value is, so that they sum to it."""
    ag = world.state.agreements
    y = world.state.year
    leader, first = int(founders[0]), int(founders[1])
    pw = world.state.power[founders]
    mask = ~np.eye(len(founders), dtype=bool)
    g_sum = np.einsum("gab,ab->ag", goods[:, founders[:, None], founders[None, :]] * ~yr.shared[:, founders[:, None], founders[None, :]], mask)
    # protection a pact in force already gives the pair is no new value (the ``fresh`` goods of _best): its motives are left out too
    u_sum = np.einsum("mab,ab->am", u[:, founders[:, None], founders[None, :]] * ~yr.shared[0, founders[:, None], founders[None, :]], mask)
    # each founder values its partners' pledges net of free riding (the share of found_bloc): motives and goods carry it, so
    # that they sum to the value the founder weighed (its ``utility``), as every alignment event's do (F5)
    g_sum *= share
    motives = th_ob.motive_decomposition(u_sum * share, g_sum, FORM_GOODS[f][None, :])
    # the leader's forward defence (capability added to the balance against the shared threat and denied to it) and a client's
    # transfer (the leader's cover of its pledge against that threat) are balancing against the threat (Walt 1987; Lake 1999)
    # (in the event's decomposition, so that it sums to the value weighed; the treaty keeps the motives of its pledges)
    explained = motives.copy()
    explained[:, MOTIVES.index("balance_threat")] += np.asarray(ahead) + np.asarray(paid)
    slot = ag.add_pairs(
        np.array([[leader, first]]), y, kind=ALLIANCE, obligations=FORM_OBLIGATIONS[f], asymmetric=asymmetric_capabilities(pw[:1], pw[1:].max(keepdims=True)),
        leader=np.array([leader]), wartime=np.array([False]), motives=motives.mean(axis=0, keepdims=True), power=pw[:2][None, :],
    )
    ag.join_many(np.full(len(founders) - 2, slot[0]), founders[2:], y, world.state.power)
    # the treaty admits members (a multilateral treaty without a coded provision, foedus.theory.obligations.admits_members)
    # from its first year in force: the founders sign this year, accessions follow
    world.cache["blocs_opening"] = np.append(world.cache.get("blocs_opening", np.zeros(0, np.intp)), slot)
    aid = ag.agreement_id[slot]
    if not world.inputs.explain:
        world.log.events(y, "formation", aid, world.inputs.ccode[[leader]], world.inputs.ccode[[first]])
        return
    code = world.inputs.ccode
    mains = main_threat_codes(world, founders)
    terms = threat_terms(world, founders, main_threat_of(world, founders))  # what makes each founder's main threat (F5), as formation's events
    gd = (g_sum * FORM_GOODS[f][None, :]).tolist()
    members = [
        {"ccode": c, "power": q, "motives": dict(zip(MOTIVES, m)), "utility": v, "cost": k, "gain": g, "main_threat": t, "main_threat_terms": tt, "leader": c == int(code[leader]),
         "proposed": c == int(code[leader]), "cofounder": c != int(code[leader]), "goods": dict(zip(th_ob.GOODS, gg)), "forward_defence": a, "transfer": r,
         "threat_from_shared": x}
        for c, q, m, v, k, g, t, tt, gg, a, r, x in zip(
            code[founders].tolist(), pw.tolist(), explained.tolist(), value.tolist(), cost.tolist(), gain.tolist(), mains, terms, gd, ahead.tolist(), paid.tolist(),
            world.results.threat[founders, threat].tolist(),
        )
    ]
    p = world.inputs.params
    factors = {
        "form": FORMS[f], "mechanism": "multilateral founding against a shared threat (Snyder 1997; Olson & Zeckhauser 1966)",
        "shared_threat": int(code[threat]), "adversary_bloc": code[bloc].tolist(), "leader": int(code[leader]), "founders": len(founders),
        "gains": {str(c): g for c, g in zip(code[founders].tolist(), gain.tolist())}, "free_riding": p.bloc_free_riding, "free_riding_share": share,
        "coordination_cost": p.bloc_coordination_cost * (len(founders) - 2), "founding_rule": "each founder gains; no member loses by an admission (found_bloc)",
        "shared_by": code[group[(yr.main[group] >= 0) & bloc[np.maximum(yr.main[group], 0)]]].tolist(), "candidates": code[group].tolist(), "forward_defence_weight": p.bloc_forward_defence_weight,
        "main_threat_rule": "perceived main threat (foedus.sim.steps.threat.main_threat_of)", "threat_perception_floor": p.threat_perception_floor,
        "clients_left_out": {r: code[i].tolist() for r, i in yr.left_out.items()}, "vetoed": _vetoed(world, yr, group, founders, threat, theatre_on),
        "declined_and_reweighed": code[yr.declined].tolist(),
        "hegemonic_provision": bool(ahead[0] > 0 or paid.any()), "entrapment_share": float(form_entrapment(world)[f]),
        "client_rule": "no great power, no ally of another great power is carried (Snyder 1997; Lake 2009; Walt 1987)", "transfers_paid": float(paid.sum()), "forward_defence_and_transfer_motive": "balance_threat", "region_km": p.bloc_region_km, "identity_distance": p.bloc_identity_distance if world.inputs.ideal_distance is not None else None,
        **norm_factors(world),
    }
    if p.bloc_theatre_reach > 0:  # the theatre of the threat, where a scenario sets it (blocs_theatre; off by default)
        factors.update(theatre_reach=p.bloc_theatre_reach, theatre=code[group[theatre(world, group, threat, theatre_on)]].tolist(), theatre_rule=_THEATRE_RULE)
    detail = {"motives": dict(zip(MOTIVES, explained.mean(axis=0).tolist())), "obligations": list(th_ob.PACT_FORMS[FORMS[f]]), "members": members, "factors": factors}
    world.log.events(y, "formation", aid, world.inputs.ccode[[leader]], world.inputs.ccode[[first]], [detail])

"""Where a great power's strength starts: home, and the allies that host its forces (step 3, threat perception; brief F1, A3).

:func:`distance_exponent`, Bueno de Mesquita's distance discount from home; :func:`forward_hosts`, the allies that host a
great power's forces under a pact of high institutionalisation (:data:`STATIONING`); :func:`forward_distance_exponent`, the
discount with forward presence (Boulding 1962, ch. 12). Split from :mod:`foedus.sim.steps.threat` for size; that module
re-exports these names.
"""

from __future__ import annotations

import numpy as np

from foedus.schema import OBLIGATIONS
from foedus.sim.steps._common import SECURITY
from foedus.sim.steps.threat_kernels import _commitment_kernel, _forward_kernel
from foedus.sim.world import World
from foedus.theory import projection as th_projection
from foedus.theory.capability import OBLIGATION_WEIGHTS, asymmetric_capabilities

__all__ = ["CALL_TO_ARMS", "STATIONING", "distance_exponent", "forward_distance_exponent", "forward_hosts", "hosted_by", "stationing_strength"]


CALL_TO_ARMS = 0.75 * min(OBLIGATION_WEIGHTS[OBLIGATIONS.index("defense")], OBLIGATION_WEIGHTS[OBLIGATIONS.index("offense")])
"""The least commitment of a pact with a defence or offence obligation (a conditional offence pact,
:func:`foedus.theory.capability.commitment_strength`): partners above it are allies in arms, the
hegemon's camp of T1; neutrality, consultation and non-aggression pacts stay below."""


STATIONING = 2
"""ATOP's high institutionalisation (Leeds & Anac 2005: an integrated military command, joint troop placements or bases; the
``institutionalised`` code 2 of an agreement): the pacts under which a great power's forces stand on an ally's territory."""


def distance_exponent(world: World) -> np.ndarray:
    """Bueno de Mesquita's distance-discount exponents of the world's pairs, relative to home
    (:func:`foedus.theory.projection.relative_discount_exponent`: a state's capability at home is its
    share); the distances are fixed, so computed once per ``miles_per_day``."""
    hit = world.cache.get("distance_exponent")
    if hit is None or hit[0] != world.inputs.params.miles_per_day:
        x = th_projection.relative_discount_exponent(world.inputs.distance_km, miles_per_day=world.inputs.params.miles_per_day, check=world.inputs.check)
        x.flags.writeable = False
        hit = world.cache["distance_exponent"] = (world.inputs.params.miles_per_day, x)
    return hit[1]


def forward_hosts(world: World) -> np.ndarray:
    """(N, N) bool: ``H[j, b]``, ``b`` hosts great power ``j``'s forces: ``j`` is a major power with ``b``, a secondary ally (at most a
    third of ``j``'s capability: :func:`foedus.theory.capability.asymmetric_capabilities`, brief A3; great powers of a size do not
    station forces on each other's soil: Britain in Russia under the Quadruple Alliance of 1815, say), in a defence
    or offence pact (commitment at least :data:`CALL_TO_ARMS`) of high institutionalisation (``Agreements.institutionalised``
    2, Leeds & Anac 2005: ATOP's integrated military command, joint troop placements or bases; NATO, the US-Japan and US-ROK
    treaties, the Warsaw Pact), the pacts under which an ally's forces are stationed on the host's territory (Harkavy 1982;
    Morrow 1991: bases are the weak ally's concession for protection). A pact without them (the Franco-Russian alliance of
    1894) stations none. Kept until the agreements change."""
    ag = world.state.agreements
    key = (ag.version, ag.institutionalised[: ag.n].tobytes(), world.n)
    hit = world.cache.get("stationing_commitment")
    if hit is None or hit[0] != key:
        out = np.zeros((world.n, world.n))
        strength = stationing_strength(ag)
        _commitment_kernel(ag.members, ag.active, ag.domain, strength, ag.n, SECURITY, out)
        out.flags.writeable = False
        hit = world.cache["stationing_commitment"] = (key, out)
    # kept (read-only) while the pacts' commitments (the matrix above, by identity), the majors and the capabilities are the same
    state = (world.state.major.tobytes(), world.state.power.tobytes())
    kept = world.cache.get("forward_hosts")
    if kept is None or kept[0] is not hit[1] or kept[1] != state:
        # the rows of the great powers with a pact of stationing in arms (elsewhere False): element by element the same values
        rows = np.flatnonzero(world.state.major & (hit[1] >= CALL_TO_ARMS).any(axis=1))
        hosts = np.zeros((world.n, world.n), dtype=bool)
        hosts[rows] = hosted_by(hit[1][rows], world.state.power, rows)
        hosts.flags.writeable = False
        kept = world.cache["forward_hosts"] = (hit[1], state, hosts)
    return kept[2]


def stationing_strength(ag) -> np.ndarray:
    """(agreements,): each agreement's commitment where it is of high institutionalisation (:data:`STATIONING`), else 0: the
    pacts under which a great power's forces stand on an ally's territory (:func:`forward_hosts`)."""
    return np.where(ag.institutionalised[: ag.n] >= STATIONING, ag.commitment[: ag.n], 0.0)


def hosted_by(station: np.ndarray, power: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """(len(rows), N) bool: the states that host the forces of the states ``rows``, given ``station`` (len(rows), N), their rows of
    the stationing commitments: a pact in arms (at least :data:`CALL_TO_ARMS`) with a secondary ally (at most a third of the
    row's capability, :func:`foedus.theory.capability.asymmetric_capabilities`; :func:`forward_hosts`'s rule)."""
    return (station >= CALL_TO_ARMS) & asymmetric_capabilities(power[rows, None], power[None, :])


def forward_distance_exponent(world: World) -> np.ndarray:
    """The distance-discount exponents with forward presence (:func:`foedus.theory.projection.forward_exponent` of
    :func:`distance_exponent` and :func:`forward_hosts`, saving ``forward_presence``): a great power's strength also starts from
    the territory of the allies that host it (Boulding 1962, ch. 12). Kept until the hosts or the saving change."""
    x = distance_exponent(world)
    s = world.inputs.params.forward_presence
    hosts = forward_hosts(world) if s > 0 else np.zeros((world.n, world.n), dtype=bool)
    key = (s, x.shape[0], world.inputs.params.miles_per_day)
    hit = world.cache.get("forward_exponent")
    # the same hosts: the object kept by forward_hosts (read-only), or hosts of the same bytes
    if hit is None or hit[0][1:] != key or not (hit[0][0] is hosts or hit[2] == hosts.tobytes()):
        if world.inputs.check:
            out = th_projection.forward_exponent(x, hosts, saving=s, check=True)
        else:
            out = x.copy()
            _forward_kernel(x, hosts, float(s), out)
        out.flags.writeable = False
        hit = world.cache["forward_exponent"] = ((hosts, *key), out, hosts.tobytes())
    return hit[1]

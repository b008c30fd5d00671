"""foedus.theory.threat: Walt's balance of threat (brief F1, F2)."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from foedus.theory import threat
from foedus.theory.threat import (
    aggregate_power,
    balance_of_power_threat,
    global_threat_exposure,
    perceived_intentions,
    proximity_matrix,
    shared_global_threat,
    threat_matrix,
)

from ._common import same_bits

pytestmark = pytest.mark.filterwarnings("error")
# Zero or a normal float: subnormal products underflow to 0 and would test float arithmetic, not Walt.
unit = st.one_of(st.just(0.0), st.floats(1e-6, 1.0))


@st.composite
def systems(draw, n_min=2, n_max=8):
    """A random state system: power shares, distances, contiguity, offence and intentions."""
    n = draw(st.integers(n_min, n_max))
    power = draw(hnp.arrays(float, n, elements=unit))
    dist = draw(hnp.arrays(float, (n, n), elements=st.floats(0.0, 20000.0)))
    cont = draw(hnp.arrays(bool, (n, n)))
    off = draw(hnp.arrays(float, n, elements=unit))
    intent = draw(hnp.arrays(float, (n, n), elements=unit))
    return power, dist, cont, off, intent


def test_docstring_examples_run():
    assert doctest.testmod(threat, raise_on_error=False).failed == 0


def test_proximity_is_exponential_decay_with_contiguity_overriding():
    d = np.array([[0.0, 500.0, 3000.0], [500.0, 0.0, np.inf], [3000.0, np.inf, 0.0]])
    c = np.zeros((3, 3), bool)
    c[0, 2] = c[2, 0] = True
    p = proximity_matrix(d, c, decay_km=1000.0)
    assert p[0, 1] == pytest.approx(np.exp(-0.5))
    assert p[0, 2] == 1.0 and p[2, 0] == 1.0
    assert p[1, 2] == 0.0
    assert np.all(np.diagonal(p) == 0)
    # at the characteristic range proximity is 1/e
    assert proximity_matrix([[0, 250.0], [250.0, 0]], decay_km=250.0)[0, 1] == pytest.approx(np.exp(-1))


@given(systems(), st.floats(1.0, 5000.0), st.floats(10.0, 5000.0))
@settings(max_examples=60, deadline=None)
def test_proximity_falls_with_distance(system, extra_km, decay):
    _, dist, cont, _, _ = system
    near = proximity_matrix(dist, cont, decay_km=decay)
    far = proximity_matrix(dist + extra_km, cont, decay_km=decay)
    assert np.all(far <= near)
    off = ~cont & ~np.eye(len(dist), dtype=bool) & (near > 0)
    assert np.all(far[off] < near[off])
    assert np.all((near >= 0) & (near <= 1))


def test_threat_is_the_product_of_walts_four_sources():
    power = np.array([0.4, 0.1, 0.2])
    prox = np.array([[0, 0.5, 1.0], [0.5, 0, 0.2], [1.0, 0.2, 0]])
    off = np.array([1.0, 0.5, 0.25])
    intent = np.array([[0, 0.8, 0.1], [0.6, 0, 1.0], [0.3, 0.0, 0]])
    t = threat_matrix(power, prox, off, intent)
    assert t.shape == (3, 3)
    assert np.all(np.diagonal(t) == 0)
    assert t[0, 1] == pytest.approx(0.1 * 0.5 * 0.5 * 0.8)
    assert t[1, 0] == pytest.approx(0.4 * 0.5 * 1.0 * 0.6)
    assert t[2, 1] == 0.0  # no aggressive intent, no threat, however strong or close
    assert np.all(t <= power[None, :] + 1e-15)


def test_balance_of_power_is_the_special_case_with_all_other_sources_one():
    power = np.array([0.5, 0.3, 0.2])
    bop = balance_of_power_threat(power)
    n = len(power)
    assert np.allclose(bop, np.where(np.eye(n, dtype=bool), 0.0, power[None, :]))
    full = threat_matrix(power, 1 - np.eye(n), np.ones(n), np.ones((n, n)))
    assert np.array_equal(bop, full)


@given(systems(), st.integers(0, 7), st.floats(0.01, 1.0))
@settings(max_examples=60, deadline=None)
def test_threat_rises_with_the_others_power(system, j, extra):
    power, dist, cont, off, intent = system
    j %= len(power)
    prox = proximity_matrix(dist, cont)
    before = threat_matrix(power, prox, off, intent)
    stronger = power.copy()
    stronger[j] += extra
    after = threat_matrix(stronger, prox, off, intent)
    assert np.all(after[:, j] >= before[:, j])
    live = (prox[:, j] * off[j] * intent[:, j]) > 0
    assert np.all(after[live, j] > before[live, j])
    others = np.arange(len(power)) != j
    assert np.array_equal(after[:, others], before[:, others])


@given(systems(), st.floats(1.0, 5000.0))
@settings(max_examples=60, deadline=None)
def test_threat_falls_with_distance(system, extra_km):
    power, dist, cont, off, intent = system
    near = threat_matrix(power, proximity_matrix(dist, cont), off, intent)
    far = threat_matrix(power, proximity_matrix(dist + extra_km, cont), off, intent)
    assert np.all(far <= near)
    assert np.all(far[cont] == near[cont])  # contiguity: distance no longer matters


def test_threat_rejects_bad_input_with_a_named_reason():
    prox = 1 - np.eye(2)
    with pytest.raises(ValueError, match="power: negative value"):
        threat_matrix([0.5, -0.1], prox, 1.0, 1.0)
    with pytest.raises(ValueError, match=r"proximity: expected a square matrix of shape \(2, 2\)"):
        threat_matrix([0.5, 0.1], np.ones((3, 3)), 1.0, 1.0)
    with pytest.raises(ValueError, match="intentions: value 1.5"):
        threat_matrix([0.5, 0.1], prox, 1.0, [[0, 1.5], [0, 0]])
    with pytest.raises(ValueError, match="offensive: expected shape"):
        threat_matrix([0.5, 0.1], prox, [1.0, 1.0, 1.0], 1.0)
    with pytest.raises(ValueError, match="power: non-finite"):
        threat_matrix([np.nan, 0.1], prox, 1.0, 1.0)
    with pytest.raises(ValueError, match="distance_km: negative"):
        proximity_matrix([[0, -5.0], [1.0, 0]])
    with pytest.raises(ValueError, match="decay_km"):
        proximity_matrix([[0, 5.0], [1.0, 0]], decay_km=0)
    with pytest.raises(ValueError, match="contiguous: expected shape"):
        proximity_matrix([[0, 5.0], [1.0, 0]], np.zeros((3, 3), bool))
    with pytest.raises(ValueError, match="power: expected shape"):
        balance_of_power_threat(np.ones((2, 2)))


def test_perceived_intentions_is_a_weighted_mean_of_the_indicators_given():
    rng = np.random.default_rng(1)
    h, d, r = rng.random((3, 4, 4))
    r = r > 0.5
    eye = np.eye(4, dtype=bool)
    assert np.allclose(perceived_intentions(h), np.where(eye, 0, h))
    both = perceived_intentions(h, d, weights=(0.5, 0.25, 0.25))
    assert np.allclose(both, np.where(eye, 0, (0.5 * h + 0.25 * d) / 0.75))
    full = perceived_intentions(h, d, r, weights=(1, 1, 2))
    assert np.allclose(full, np.where(eye, 0, (h + d + 2 * r) / 4))
    assert full.min() >= 0 and full.max() <= 1
    with pytest.raises(ValueError, match="ideal_point_distance: value"):
        perceived_intentions(h, d + 1.0)
    with pytest.raises(ValueError, match="all have weight 0"):
        perceived_intentions(h, weights=(0, 1, 1))


def test_global_threats():
    e = np.array([[1.0, 0.0], [0.5, 1.0], [0.0, 0.2]])
    s = np.array([0.1, 0.3])
    assert np.allclose(global_threat_exposure(e, s), [0.1, 0.35, 0.06])
    g = shared_global_threat(e, s)
    assert np.allclose(g, g.T) and np.all(np.diagonal(g) == 0)
    assert g[0, 1] == pytest.approx(0.1 * 1.0 * 0.5)
    assert g[0, 2] == 0.0  # no threat in common
    with pytest.raises(ValueError, match=r"intensity: expected shape \(2,\)"):
        global_threat_exposure(e, [0.1])
    with pytest.raises(ValueError, match="exposure: expected shape"):
        global_threat_exposure([0.1, 0.2], [0.1])


def test_aggregate_power_reproduces_the_published_cinc(record):
    """CINC is the mean of a state's shares of the six NMC components (Singer, Bremer & Stuckey 1972)."""
    sy = record.state_years
    cols = ["milex", "milper", "irst", "pec", "tpop", "upop"]
    worst = 0.0
    for _, year in sy.groupby("year"):
        got = aggregate_power(year[cols].to_numpy(float))
        want = year["cinc"].to_numpy(float)
        ok = ~np.isnan(want)
        worst = max(worst, float(np.abs(got[ok] - want[ok]).max()))
    assert worst < 1e-6


def test_aggregate_power_handles_missing_components():
    x = np.array([[1.0, np.nan], [3.0, 2.0], [np.nan, np.nan]])
    got = aggregate_power(x)
    assert got[0] == pytest.approx(0.25)  # only its first share counts
    assert got[1] == pytest.approx((0.75 + 1.0) / 2)
    assert np.isnan(got[2])
    with pytest.raises(ValueError, match="components: negative"):
        aggregate_power([[1.0, -1.0]])
    with pytest.raises(ValueError, match=r"components: expected shape \(N, C\)"):
        aggregate_power([1.0, 2.0])


# --- check=False (the simulator's inputs are valid by construction) ---------------------------------


@given(systems(), st.sampled_from(["scalar", "vector", "matrix"]), st.booleans(), st.integers(1, 4), st.data())
@settings(max_examples=60, deadline=None)
def test_check_false_gives_the_same_bits_on_valid_input(system, intent_form, off_scalar, k, data):
    power, dist, cont, off, intent = system
    n = len(power)
    prox = proximity_matrix(dist, cont)
    offensive = float(off[0]) if off_scalar else off
    intentions = {"scalar": float(intent[0, 0]), "vector": intent[:, 0], "matrix": intent}[intent_form]
    same_bits(threat_matrix(power, prox, offensive, intentions), threat_matrix(power, prox, offensive, intentions, check=False))
    ideal = data.draw(hnp.arrays(float, (n, n), elements=unit))
    rivalry = data.draw(hnp.arrays(bool, (n, n)))
    weights = data.draw(st.tuples(st.floats(0.01, 1.0), unit, unit))
    for args in ((intent,), (intent, ideal), (intent, None, rivalry), (intent, ideal, rivalry)):
        same_bits(perceived_intentions(*args, weights=weights), perceived_intentions(*args, weights=weights, check=False))
    exposure = data.draw(hnp.arrays(float, (n, k), elements=unit))
    intensity = data.draw(hnp.arrays(float, k, elements=st.floats(0.0, 1.0)))
    for f in (global_threat_exposure, shared_global_threat):
        same_bits(f(exposure, intensity), f(exposure, intensity, check=False))


def test_check_true_still_rejects_bad_input():
    p, prox = np.array([0.5, 0.1]), np.array([[0.0, 1.0], [1.0, 0.0]])
    with pytest.raises(ValueError, match=r"power: non-finite value at index 1"):
        threat_matrix([0.5, np.nan], prox, 1.0, 1.0, check=True)
    with pytest.raises(ValueError, match=r"intentions: value 1.5 at index \(0, 1\) is above 1"):
        threat_matrix(p, prox, 1.0, [[0.0, 1.5], [0.2, 0.0]], check=True)
    with pytest.raises(ValueError, match="hostility: non-finite"):
        perceived_intentions([[0.0, np.nan], [0.0, 0.0]], check=True)
    with pytest.raises(ValueError, match="exposure: negative value"):
        global_threat_exposure([[-0.1], [0.2]], [1.0], check=True)
    with pytest.raises(ValueError, match=r"intensity: expected shape \(1,\)"):
        shared_global_threat([[0.1], [0.2]], [1.0, 2.0], check=True)


def test_perceived_main_threat_is_named_only_above_the_share_of_ones_own_capability():
    """Jervis's threshold: a largest threat below ``threshold * p_i`` names no main threat (-1); at it, it does (>=)."""
    from foedus.theory.obligations import main_threat
    from foedus.theory.threat import perceived_main_threat

    t = np.array([[0.0, 0.003, 0.0029], [0.02, 0.0, 0.001], [1e-6, 2e-6, 0.0]])
    p = np.array([0.1, 0.5, 0.01])
    assert perceived_main_threat(t, p, threshold=0.03).tolist() == [1, 0, -1]  # 0.003 = 0.03 * 0.1 is perceived; 2e-6 < 3e-4 is not
    assert perceived_main_threat(t, p, threshold=0.0).tolist() == main_threat(t).tolist() == [1, 0, 1]  # 0: the largest, however small
    assert perceived_main_threat(np.zeros((2, 2)), [0.5, 0.5], threshold=0.0).tolist() == [-1, -1]  # no threat at all: none
    with pytest.raises(ValueError, match="threshold"):
        perceived_main_threat(t, p, threshold=-0.1)


@given(systems(), st.floats(0.0, 1.0))
@settings(max_examples=50, deadline=None)
def test_perceived_main_threat_is_the_largest_threat_or_none(system, theta):
    from foedus.theory.threat import perceived_main_threat

    power, dist, cont, off, intent = system
    t = threat_matrix(power, proximity_matrix(dist, cont), off, intent)
    main = perceived_main_threat(t, power, threshold=theta)
    star = t.max(axis=1)
    named = main >= 0
    assert (named == ((star > 0) & (star >= theta * np.asarray(power)))).all()
    assert (t[np.flatnonzero(named), main[named]] == star[named]).all()



def test_a_great_power_perceives_the_other_pole_above_the_systems_noise():
    """The ceiling: a threat of at least ``ceiling`` is perceived whatever the viewer's capability (1946: the Soviet threat to
    the United States, 0.006 of system capability, is under 3 % of the American 0.35); a small state keeps its relative threshold."""
    from foedus.theory.threat import perceived_main_threat

    t = np.array([[0.0, 0.006, 0.0], [0.02, 0.0, 0.0], [1e-4, 0.0, 0.0]])
    p = np.array([0.35, 0.11, 0.01])
    assert perceived_main_threat(t, p, threshold=0.03).tolist() == [-1, 0, -1]  # 0.006 < 0.0105; 1e-4 < 3e-4
    assert perceived_main_threat(t, p, threshold=0.03, ceiling=7.7e-4).tolist() == [1, 0, -1]  # 0.006 >= 7.7e-4
    assert perceived_main_threat(t, p, threshold=0.03, ceiling=1e-4).tolist() == [1, 0, 0]  # at the ceiling (>=)
    with pytest.raises(ValueError, match="ceiling"):
        perceived_main_threat(t, p, threshold=0.03, ceiling=-1.0)


@given(systems(), st.floats(0.0, 1.0), st.floats(0.0, 0.05))
@settings(max_examples=50, deadline=None)
def test_perceived_main_threat_is_named_above_the_lower_of_the_two_thresholds(system, theta, ceiling):
    from foedus.theory.threat import perceived_main_threat

    power, dist, cont, off, intent = system
    t = threat_matrix(power, proximity_matrix(dist, cont), off, intent)
    main = perceived_main_threat(t, power, threshold=theta, ceiling=ceiling)
    star = t.max(axis=1)
    assert ((main >= 0) == ((star > 0) & ((star >= theta * np.asarray(power)) | (star >= ceiling)))).all()


def test_offensive_power_counts_men_under_arms_as_well_as_money():
    """Walt's offensive power: with personnel proportional to the military stock it is the stock-only proxy
    (foedus.theory.capability.offensive_capability); a state whose forces are men (North Korea, Iran) is as offensive as
    its share of men makes it; bounded by the floor and 1."""
    from foedus.theory.capability import offensive_capability
    from foedus.theory.threat import offensive_power

    m, p = np.array([4.0, 1.0, 0.5, 0.5]), np.array([0.4, 0.3, 0.2, 0.1])
    np.testing.assert_allclose(offensive_power(m, 3 * m, p), offensive_capability(m, p))
    q = np.array([1.0, 1.0, 2.0, 0.1])  # the third state: few dollars, many men
    got = offensive_power(m, q, p)
    assert got[2] == pytest.approx(min(1.0, 0.5 * (2.0 / 4.1) / 0.2)) and got[2] > offensive_capability(m, p)[2]
    assert (got >= offensive_capability(m, p)).all() and ((got >= 0.05) & (got <= 1)).all()
    assert offensive_power([0.0, 0.0], [0.0, 0.0], [0.5, 0.5]).tolist() == [0.05, 0.05]  # no forces: the floor
    with pytest.raises(ValueError, match="personnel"):
        offensive_power(m, [1.0, -1.0, 0.0, 0.0], p)


def test_force_belies_an_allys_pledge():
    """allied_intentions: a defence ally is fully reassuring at discount 1, unless its own hostility reaches ``serious``
    (war between treaty partners: Hungary 1956); below it, or without hostility given, the discount holds."""
    from foedus.theory.intentions import allied_intentions

    it = np.array([[0.0, 0.5, 0.5], [0.5, 0.0, 0.5], [0.5, 0.5, 0.0]])
    c = np.array([[0.0, 1.0, 1.0], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]])
    h = np.array([[0.0, 1.0, 0.6], [1.0, 0.0, 0.0], [0.6, 0.0, 0.0]])
    got = allied_intentions(it, c, discount=1.0, hostility=h, serious=0.9)
    assert got[0, 1] == 0.5 and got[0, 2] == 0.0 and got[1, 2] == 0.5  # at war: undiscounted; a rivalry: discounted; strangers: as they are
    assert allied_intentions(it, c, discount=1.0)[0, 1] == 0.0
    with pytest.raises(ValueError, match="serious"):
        allied_intentions(it, c, discount=1.0, hostility=h, serious=2.0)


def test_a_pact_whose_named_adversary_is_gone_reassures_no_more():
    """pledged_reassurance: the Anglo-Soviet treaty of 1942 (against Germany) after 1945 keeps no strength; a pact naming no
    adversary, or one whose adversary is still there, keeps all of it."""
    from foedus.theory.intentions import pledged_reassurance

    assert pledged_reassurance([1.0, 1.0, 0.3, 0.0], [True, False, False, True]).tolist() == [0.0, 1.0, 0.3, 0.0]
    with pytest.raises(ValueError, match="adversary_gone"):
        pledged_reassurance([1.0, 1.0], [True])


def test_perceived_main_threat_has_an_absolute_floor_however_small_the_viewer():
    """Jervis (1976) / Walt (1987): a threat below the record's noise (the floor, capability share) is no one's main threat,
    however small the viewer; above it the rule is unchanged (the floor only removes, never adds, a main threat)."""
    from foedus.theory.threat import perceived_main_threat

    t = np.array([[0, 1e-5, 0], [2e-3, 0, 0], [1e-4, 5e-5, 0]])
    p = np.array([1e-6, 0.3, 1e-6])  # 0 and 2 are tiny: theta * p_i is 3e-8
    assert perceived_main_threat(t, p, threshold=0.03).tolist() == [1, -1, 0]  # 2e-3 < 0.03 * 0.3
    assert perceived_main_threat(t, p, threshold=0.03, floor=7.1e-5).tolist() == [-1, -1, 0]  # 1e-5 < 7.1e-5; 1e-4 >= it
    assert perceived_main_threat(t, p, threshold=0.03, floor=2e-4).tolist() == [-1, -1, -1]
    rng = np.random.default_rng(3)
    big = rng.random((30, 30)) ** 6
    pw = rng.random(30) ** 4
    for floor in (0.0, 1e-4, 1e-2):
        m = perceived_main_threat(big, pw, threshold=0.03, ceiling=7.7e-4, floor=floor)
        m0 = perceived_main_threat(big, pw, threshold=0.03, ceiling=7.7e-4)
        assert ((m == m0) | (m == -1)).all()
        off = big.copy()
        np.fill_diagonal(off, 0)
        assert (off.max(axis=1)[m >= 0] >= floor).all()
    with pytest.raises(ValueError, match="floor"):
        perceived_main_threat(t, p, threshold=0.03, floor=-1.0)


def test_an_aggressors_neighbour_reads_its_attack_on_another_neighbour_that_lies_outside_its_own_neighbourhood():
    """threat16 (Walt 1987, ch. 2): state 1 attacks (``struck``; by default any serious hostility between neighbours) its neighbour 2; state 0 also borders 1 but not 2, and 2 is not in its relevant
    neighbourhood (exposure 0). Without contiguity 0 reads nothing; with it, 0 reads the act as pi_02 e'_02 H_21 (the victim and the
    observer both border the aggressor: within the reach it showed); a state that does not border the aggressor still reads nothing."""
    from foedus.theory.intentions import revealed_hostility

    h = np.zeros((4, 4))
    h[2, 1] = h[1, 2] = 1.0
    prox = np.array([[0, 1.0, 0.5, 0.2], [1.0, 0, 1.0, 0.3], [0.5, 1.0, 0, 0.4], [0.2, 0.3, 0.4, 0]])
    exposed = np.zeros((4, 4))  # no observer's neighbourhood holds 2
    near = np.full((4, 4), 0.8)
    contiguous = np.zeros((4, 4), bool)
    contiguous[0, 1] = contiguous[1, 0] = contiguous[1, 2] = contiguous[2, 1] = True
    assert revealed_hostility(h, prox, exposed, within=prox)[0, 1] == 0.0
    got = revealed_hostility(h, prox, exposed, within=prox, contiguous=contiguous, exposed_near=near)
    assert got[0, 1] == pytest.approx(0.5 * 0.8 * 1.0)
    assert got[3, 1] == 0.0  # 3 does not border the aggressor
    at_peace = np.zeros((4, 4), bool)  # a standing rivalry between neighbours, not a war: nothing read
    assert revealed_hostility(h, prox, exposed, within=prox, contiguous=contiguous, exposed_near=near, struck=at_peace)[0, 1] == 0.0
    assert revealed_hostility(h, prox, exposed, within=prox, contiguous=contiguous, exposed_near=near, struck=contiguous)[0, 1] == got[0, 1]
    with pytest.raises(ValueError, match="both or neither"):
        revealed_hostility(h, prox, exposed, contiguous=contiguous)

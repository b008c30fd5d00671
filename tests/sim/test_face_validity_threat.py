"""Face validity of perceived threats (issue 12, item 3; issue 17, item 2): whom states fear.

A state's main threat is the state it sees as most threatening after threat perception each
year, if that threat is perceived (at least ``threat_perception_threshold`` of its own capability:
:func:`foedus.sim.steps.threat.main_threat_of`, the main threat the formation events name). An expert expects that a defence ally is almost never a state's
main threat, that in world-2022 European NATO members fear Russia, and that Japan and South Korea
fear China or North Korea. Each claim is tested one-sided at the 1 % level over seeds.
"""

from __future__ import annotations

import functools
import json

import numpy as np
import pytest
from scipy import stats

from foedus.schema import OBLIGATIONS
from foedus.sim import Scenario, Simulation
from foedus.sim.build import scenario_from_record
from foedus.sim.steps import DEFAULT_STEPS
from foedus.sim.steps.threat import main_threat_of

ALPHA = 0.01
DEFENCE = OBLIGATIONS.index("defense")
RUSSIA, CHINA, NORTH_KOREA, JAPAN, SOUTH_KOREA = 365, 710, 731, 740, 732


def _defence_allies(world) -> np.ndarray:
    """(N, N) bool: pairs sharing a security agreement in force with a defence obligation."""
    ag = world.state.agreements
    out = np.zeros((world.n, world.n), bool)
    for a in np.flatnonzero(ag.active[: ag.n] & ag.obligations[: ag.n, DEFENCE] & (ag.domain[: ag.n] == 0)):
        m = np.flatnonzero(ag.members[a])
        out[np.ix_(m, m)] = True
    np.fill_diagonal(out, False)
    return out


def main_threats(scenario: Scenario, seed: int, years: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each year's main threat of every state (-1 for a state no one threatens or outside the system
    that year), whether it is a defence ally (False outside the system), and the states' COW codes,
    from a run of ``years`` years. Only the system's members count: a state not yet born or gone
    has no state-year."""
    mains, allied = [], []

    def perceive_and_note(world, rng):
        DEFAULT_STEPS["threat_perception"](world, rng)
        main = main_threat_of(world)
        threatened = (main >= 0) & world.state.active
        mains.append(np.where(threatened, main, -1))
        allied.append(threatened & _defence_allies(world)[np.arange(world.n), np.maximum(main, 0)])

    steps = dict(DEFAULT_STEPS, threat_perception=perceive_and_note)
    sim = Simulation(scenario, rng=seed, steps=steps, explain=False).run(years)
    return np.array(mains), np.array(allied), sim.world.inputs.ccode


def _record_1900() -> Scenario:
    return scenario_from_record(1900, top_n=None, years=10, seed=1900)


ALLIES_AT_WAR_1815 = pytest.mark.xfail(
    strict=True,
    reason=(
        "known defect: re-measured on main 44a9656 (session 12), 27.0 % of state-years over the 16 seeds of the test "
        "(11.5-43.2 % per seed; the 2-5 % of sessions 6-10 are stale). Over seeds 0-7 the allied main threats are "
        "Britain -> Russia (67 state-years), Russia -> Britain (54), Austria -> Russia (54), Prussia -> Austria (26): "
        "members of the Quadruple Alliance (ATOP 1035) that the scenario makes rivals (Britain-Russia, Austria-Russia, Austria-Prussia). A rival's "
        "pledge does not reassure (threat9: Thompson 2001, Kydd 2005), so the Concert's partners name each other; issue "
        "12's 5 % bound and rivals bound by one treaty are at odds, and which should give is not settled"
    ),
)


# bipolar-1950 was a strict xfail (4.65 % of state-years over 8 seeds: Britain, France, Czechoslovakia, Poland... naming the
# USSR, their treaty ally; t-test p = 0.36). With ideology read as a threat in itself (Haas 2005; Parameters.ideology_alone) the
# Soviet threat to Western states no longer rides on void pledges alone and the share falls below 5 % (threat7, session 7).


# Was a strict xfail (session 10 merge, integ10: 16 seeds, bipolar-1950 4.4 %, world-2022 4.2 %, record-1900 4.2 %, below 5 % but
# p = 0.030, 0.012, 0.072). The pairs were formal allies that are rivals: Argentina and Brazil (Rio Treaty, OAS), Finland and the
# Soviet Union (1948), Britain and France and the Soviet Union (1942, 1944), Armenia and Azerbaijan (ATOP 4400, the CIS Charter),
# Greece and Turkey (NATO), China and Russia in 1900 (Li-Lobanov). hollow11 (session 11): a member whose main threat is a fellow
# member abrogates at threat_within_hazard (0.08, the in-sample excess hazard of rivals' bilateral pacts; Leeds & Savun 2007)
# unless a treaty of more than two whose common adversary still threatens it as much as its rival tethers it (Weitsman 2004):
# 3.85 %, 3.13 %, 2.74 % (p = 0.0001, < 0.0001, 0.0002). Armenia and Azerbaijan now leave the CIS Charter (its common adversary,
# the United States, hardly threatens them); Greece and Turkey stay in NATO (Russia's threat to them about Turkey's to Greece).


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("multipolar-1815", marks=ALLIES_AT_WAR_1815),
        "europe-1871",
        "bipolar-1950",
        "world-2022",  # threat11 too: an ally in arms whose pledge no serious dispute belies is no candidate (relevance.pledge_holds)
        "record-1900",
    ],
)
def test_a_defence_ally_is_almost_never_a_states_main_threat(name, warm):
    """No more than 5 % of state-years have a defence ally as the main threat (one-sided t-test over 16 seeds).

    From 1900 the share is no longer 0 (threat9: a rival's pledge does not reassure, Thompson 2001, Kydd 2005): China names
    Russia, its ally under the Li-Lobanov treaty of 1896 that occupied Manchuria in 1900, Italy Austria-Hungary, its rival in the
    Triple Alliance, Greece the Ottoman Empire, El Salvador Guatemala: 3.4 % over seeds 8-15 (0.3-5.3 % per seed), so 8 seeds
    left the one-sided test at p = 0.025 with the mean below the bound; 16 give it the power the claim needs (as the NATO test).
    Since session 9's merge the same holds of bipolar-1950 and world-2022 (rivals' pledges reassure no more, and more defence
    pacts are formed): 1-5 % per seed, about 3 % on average, p = 0.011 over 8 seeds; every scenario now has 16, the bound
    and the level unchanged."""
    sc = _record_1900() if name == "record-1900" else Scenario.builtin(name)
    shares = []
    for seed in range(16):
        mains, allied, _ = main_threats(sc, seed, 10)
        shares.append(allied.sum() / max((mains >= 0).sum(), 1))  # over the state-years of system members with a threat
    assert np.mean(shares) < 0.05
    assert stats.ttest_1samp(shares, 0.05, alternative="less").pvalue < ALPHA


@functools.lru_cache(maxsize=1)
def _world_2022_shares(seeds: int = 16) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Per seed, over world-2022's first ten years: the share of European NATO members' state-years naming Russia,
    and of Japan's and South Korea's naming China or North Korea."""
    sc = Scenario.builtin("world-2022")
    nato = next(a for a in sc.agreements if a.name == "NATO")
    europe = [c for c in nato.members if 200 <= c < 400]
    russia, east_asia = [], []
    for seed in range(seeds):
        mains, _, ccode = main_threats(sc, seed, 10)
        named = np.where(mains >= 0, ccode[np.maximum(mains, 0)], -1)
        col = {int(c): k for k, c in enumerate(ccode)}
        russia.append(float(np.mean(named[:, [col[c] for c in europe]] == RUSSIA)))
        east_asia.append(float(np.mean(np.isin(named[:, [col[JAPAN], col[SOUTH_KOREA]]], [CHINA, NORTH_KOREA]))))
    return tuple(russia), tuple(east_asia)


def test_in_world_2022_russia_is_the_main_threat_of_european_nato(warm):
    """First ten years of world-2022: Russia in >= 80 % of European NATO members' state-years (one-sided t-test over
    16 seeds: a seed in which a rare war brings a distant power to Europe, China at war with Poland or Iran with
    Turkey, pulls its share to 0.70-0.84, so 8 seeds left the test at p = 0.01-0.04 though the share is 0.91 over 16
    and 0.92 over 24)."""
    russia, _ = _world_2022_shares()
    assert np.mean(russia) >= 0.8
    assert stats.ttest_1samp(russia, 0.8, alternative="greater").pvalue < ALPHA


# Was a strict xfail (seed 13: a Russia-US war in 2022 that South Korea joined, then naming Russia; share 0.5); it held in every
# seed on each of this session's branches (threat7: ideology as a threat in itself; war7: calls to arms that follow the written
# conditions), and on the merged model (session 7, land7) seed 2 falls short: South Korea names North Korea in 2022-25, China in
# 2026 and Russia in 2027-31 (share 0.75; the mean over 16 seeds 0.98). Read (threat8, session 8): in that seed Russia and the
# United States go to war in 2026 and South Korea enters it through its treaty (hostility with Russia 0.73): a state at war names
# its enemy, rightly; the defect is that war (war onset), not perception. With forward presence (threat8) the trajectories move and
# every one of the 16 seeds holds (0.8-1.0, mean 0.99; seed 8 sits at the floor, South Korea again at war with Russia from 2027).
# It also holds on pledge8 (session 8: rivals sign no pledges below Kydd's trust threshold, so the 2022-2031 pacts that moved South
# Korea's threats are gone): the strict xfail passed (XPASS), so the mark is removed.
def test_in_world_2022_china_or_north_korea_is_the_main_threat_of_japan_and_south_korea(warm):
    """First ten years of world-2022: China or North Korea in >= 80 % of Japan's and South Korea's state-years, in
    every one of 16 seeds (the floor is the claim: the share was 1 in every seed of 8)."""
    _, east_asia = _world_2022_shares()
    assert np.mean(east_asia) >= 0.8 and min(east_asia) >= 0.8


def test_great_power_competition_sets_the_hegemons_camp_against_the_challengers_not_all_great_powers():
    """T1 in world-2022: a year of competition at T1 = 1 raises the baseline hostility of the United
    States and its allies towards China and Russia, not between China and Russia, and not towards a
    minor power outside the camp (India is not a COW major power)."""
    from foedus.sim.steps.trends import trends_and_shocks
    from foedus.testing import with_updates

    sc = with_updates(Scenario.builtin("world-2022"), trends={"great_power_competition": 1.0}, shocks=[])
    world = Simulation(sc, rng=0).world
    before = world.state.hostility_base.copy()
    trends_and_shocks(world, np.random.default_rng(0))
    moved = world.state.hostility_base - before
    ix = {int(c): k for k, c in enumerate(world.inputs.ccode)}
    usa, germany, japan, china, russia, india = (ix[c] for c in (2, 255, 740, CHINA, RUSSIA, 750))
    step = world.inputs.params.hostility_drift * 0.5
    for camp in (usa, germany, japan):
        for rival in (china, russia):
            assert moved[camp, rival] == pytest.approx(min(step, 1 - before[camp, rival]))
    assert moved[china, russia] == 0.0 and moved[usa, india] == 0.0 and moved[germany, japan] == 0.0


def test_a_state_facing_no_meaningful_threat_has_no_main_threat_and_events_say_none(warm):
    """World-2022: Brazil and Mexico face nothing above the perception threshold (Russia's threat to Brazil was 7e-7 of
    system capability, 3e-5 of Brazil's own), so neither names a main threat; once Russia invades Ukraine (the first
    year's shock) Germany names Russia and Japan China; every main threat a formation event names is at least the
    lower of the threshold's share of its state's capability and the ceiling, and a state without one is logged with None."""
    from foedus.sim.steps.threat import main_threat_codes

    sc = Scenario.builtin("world-2022")
    sim = Simulation(sc, rng=0)
    w = sim.world
    col = {int(c): k for k, c in enumerate(w.inputs.ccode)}
    theta, ceiling = w.inputs.params.threat_perception_threshold, w.inputs.params.threat_perception_ceiling
    assert main_threat_codes(w, [col[140], col[70]]) == [None, None]  # Brazil, Mexico
    sim.run(1)  # Russia's invasion: an act of force next to Germany's neighbours (a standing rivalry is not one)
    assert main_threat_codes(w, [col[255], col[740]]) == [RUSSIA, CHINA]  # Germany, Japan still do
    sim.run(19)  # pledge8: world-2022 seed 0 signs its first pact in 2034 now that rivals sign no pledges (Kydd 2005)
    ev = sim.events()
    details = [json.loads(d) if isinstance(d, str) else d for d in ev.loc[ev["kind"] == "formation", "detail"]]
    sides = [s for d in details if d for s in d.get("members", [])]
    # threat9: with rivals unreassured by their pledges (Greece and Turkey, Armenia and Azerbaijan) seeds 0-3 sign no pact by 2042
    # (seeds 4-9: 4, 3, 10, 6, 2, 1; before, seeds 0-3 signed 2, 5, 3, 4, several absurd: Azerbaijan with Iran, its main threat,
    # Saudi Arabia with Turkey, its main threat); the claims below are about every pact's main threats, so read the first seed with one
    for seed in range(1, 10):
        if sides:
            break
        ev = Simulation(sc, rng=seed).run(20).events()
        details = [json.loads(d) if isinstance(d, str) else d for d in ev.loc[ev["kind"] == "formation", "detail"]]
        sides = [s for d in details if d for s in d.get("members", [])]
    assert sides, "no formation event to read"
    for s in sides:
        assert s["main_threat"] is None or s["main_threat_terms"]["threat"] >= min(theta * s["power"], ceiling)
        assert (s["main_threat"] is None) == (s.get("main_threat_terms") is None)


def _named(scenario: Scenario, seeds: range, years: int) -> tuple[np.ndarray, dict[int, int]]:
    """The COW code of each state's main threat (-1 for none), per seed, year and state, and the states' columns."""
    out = []
    for seed in seeds:
        mains, _, ccode = main_threats(scenario, seed, years)
        out.append(np.where(mains >= 0, ccode[np.maximum(mains, 0)], -1))
    return np.array(out), {int(c): k for k, c in enumerate(ccode)}


# Failed on integ7 (session 7) in one state-year: seed 2, 2031, Azerbaijan named the United States (threat 0.0039, revealed hostility
# 0.145 through the US's hostility 0.727 towards Iran after cyber operations in 2030 and 2031, above aggression_hostility). Not a
# change of perception: the mix7 merge (5187e27) moved the run's trajectory (0 such state-years on endings7's merge e11cc51); on
# land7 (with dur7 and neut7) no Caucasian state-year names the US in the 4 seeds (Azerbaijan names Russia in 6 of 80) and it passes.
# Fails on integ8 and on tfixThreat in one state-year of 80: seed 3, 2026, Armenia names the United States (threat 0.0073, revealed
# hostility 0.149 through the US's war on Iran, Armenia's contiguous neighbour: politically relevant, so tfixThreat's rule keeps it;
# projected from the NATO host Turkey, exponent 1.30 against 1.62 from home; Azerbaijan's threat 0.0012). Open: Walt's product of
# power and intentions lets a superpower's faint revealed hostility outweigh a weak neighbour's war.
# Was a strict xfail (session 10 merge, integ10): in seed 1 the United States attacks Iran (rivals) in 2027 and the live-issue gate read
# force next door as an issue, so Armenia and Azerbaijan, Iran's neighbours, named the United States, whose power outweighs
# Azerbaijan's in Walt's product (and, in seed 2, as Russia's main threat through the CIS Charter). threat11 (session 11): force next
# door and a great-power ally's main threat are issues only from the state's own region (Walt 1987: weak states balance against threats
# close to them; Lemke 2002: regional neighbourhoods; foedus.theory.relevance.live_issue's region, patrons_threat's region), and force
# next door only for the victim's side (live_issue's side): the strict xfail passed (XPASS), so the mark is removed.
def test_in_world_2022_the_gulf_and_the_caucasus_fear_their_region_not_a_distant_pole(warm):
    """Issue 17 item 2, the sceptic's cases: Saudi Arabia and Israel named China and Russia in every seed (China's rivalry with
    India and Russia's with Georgia read as aggression towards them: 34 of 40 state-years, 2 seeds, before), Armenia and
    Azerbaijan the United States (its rivalry with Iran). First ten years, 4 seeds: Saudi Arabia and Israel name China or
    Russia in at most a fifth of their state-years (Israel reads Russia's war in Ukraine, 1,000 km away, in one seed) and a
    regional rival (Iran, Egypt, Turkey) in at least four fifths; neither Caucasian state ever names the United States."""
    named, col = _named(Scenario.builtin("world-2022"), range(4), 10)
    gulf = named[:, :, [col[670], col[666]]]
    assert np.mean(np.isin(gulf, [CHINA, RUSSIA])) <= 0.2
    assert np.mean(np.isin(gulf, [630, 651, 640])) >= 0.8
    assert not (named[:, :, [col[371], col[373]]] == 2).any()


def test_in_world_2022_georgia_fears_russia(warm):
    """Issue 17 item 2, the historian's case (threat16): Georgia named Armenia (a rivalry begun in the run) or no one; Russia, which
    fought Georgia in 2008 and occupies Abkhazia and South Ossetia, was never its threat (0 of 160 state-years, 16 seeds, on main
    c32e92c): Russia's war on Ukraine, which Georgia does not border, went unread. An aggressor's neighbours read its acts against its
    other neighbours (Walt 1987, ch. 2): first ten years, 4 seeds, Russia in at least 80 % of Georgia's state-years (1.0 in 16 seeds)."""
    named, col = _named(Scenario.builtin("world-2022"), range(4), 10)
    assert np.mean(named[:, :, col[372]] == RUSSIA) >= 0.8


def test_in_a_run_from_1946_the_united_states_and_britain_perceive_the_soviet_union(warm):
    """The sceptic's case: in a run from the record of 1946 the United States, Britain and China named no threat (a relative
    threshold hid the Soviet Union from great powers). 1947-1950, 4 seeds: the Soviet Union is the main threat of the United
    States and of Britain in at least 80 % of their state-years."""
    named, col = _named(scenario_from_record(1946, top_n=None, years=5, seed=1946), range(4), 5)
    for c in (2, 200):
        assert np.mean(named[:, 1:, col[c]] == RUSSIA) >= 0.8, c


# Failed on integ7 (session 7): 37 of 120 state-years (0.31). Per merge of integ7 (same 4 seeds): threat7 0, war7 9, arms7 9,
# endings7 8, mix7 37 (5187e27); land7 22 (0.18, dur7's institution_protection 0; neut7 changes nothing here), and it passes. Nearly all
# are one seed (3: 27 on integ7, 22 on land7): Russia at war with the Ottoman Empire from 1900, its hostility 0.90-0.80 towards that
# minor neighbour read by Spain and the Low Countries as revealed aggression (revealed hostility 0.15-0.24, hostility towards them 0).
# The pass is narrow: seeds 4-11 give 76 of 240 on land7 (0.32; 12 seeds 98/360 = 0.27) against 51 of 240 on e11cc51 (12 seeds
# 59/360 = 0.16), the same reading (Russian disputes and wars with the Ottoman Empire on top of their rivalry) in more seeds; per seed
# (4-11) the rise is not significant (Mann-Whitney one-sided p = 0.21): mix7 changes the first year's draws, so the wars differ from 1900.
# tfixThreat (session 8): political relevance (theory.intentions.politically_relevant; Maoz & Russett 1993, Lemke 2002, Quackenbush
# 2006): a minor state reads an act of force only against a state it borders or reaches or its allies border or reach. Seeds 0-11:
# 9 of 360 state-years (0.025; integ8 48 of 120 on seeds 0-3).
def test_in_a_run_from_1900_western_europe_seldom_fears_russia(warm):
    """The sceptic's cases in 1900: Spain and the Low Countries named Russia (12 of 20 state-years each, 2 seeds, before),
    reading its rivalries as aimed at them. Over ten years and 4 seeds Spain, Belgium and the Netherlands name Russia in at
    most a quarter of their state-years (a rivalry alone no longer reveals aggression to third parties; a dispute on top of
    it still does)."""
    named, col = _named(_record_1900(), range(4), 10)
    assert np.mean(named[:, :, [col[230], col[211], col[210]]] == RUSSIA) <= 0.25


def test_in_a_run_from_1900_germany_seldom_fears_china(warm):
    """The sceptic's case in 1900: Germany named China from 1903. Over ten years and 12 seeds Germany names China in at most
    one state-year in twenty. (12 seeds, not 4: a German-Chinese war of 1903 that runs to 1909 in one seed is 3 state-years
    of 40, 0.075; over 12 seeds the share is 0.025 both on main 587ae2b and with the Weibull war duration of war8.)"""
    named, col = _named(_record_1900(), range(12), 10)
    assert np.mean(named[:, :, col[255]] == CHINA) <= 0.05


def test_in_world_2022_china_names_the_united_states_whose_forces_stand_in_japan_and_korea(warm):
    """Issue 17 item 2, the sceptic's case (session 7): China named India, not the United States, as its main threat (the US 11,116 km
    away, no forward presence counted). With forward presence (foedus.theory.projection.forward_exponent; Boulding 1962, ch. 12:
    American strength starts also from Japan and South Korea, hosts under treaties of high institutionalisation) China names the
    United States in most of its state-years: over the first ten years and 8 seeds the share exceeds one half (one-sided t-test at
    1 %). Measured (threat8): 0.8-1.0 in seven seeds, 0.3 in seed 7 (India the rest), mean 0.86; 0.49 before (main 587ae2b)."""
    named, col = _named(Scenario.builtin("world-2022"), range(8), 10)
    shares = np.mean(named[:, :, col[CHINA]] == 2, axis=1)
    assert np.mean(shares) > 0.5
    assert stats.ttest_1samp(shares, 0.5, alternative="greater").pvalue < ALPHA


def test_in_world_2022_an_allys_neighbour_is_no_threat_of_its_own_without_the_allys_war():
    """Issue 17 item 2 (session 17): Quackenbush's (2006) opportunity through an ally's border put Iran in every NATO member's
    neighbourhood through Turkey and Turkey in Kazakhstan's and Uzbekistan's through Armenia, and Kazakhstan and Uzbekistan named
    Turkey their main threat in 15 of 30 years of seed 2 (main 520c954), Poland Iran for five years after their war's hostility had
    fallen below a live issue's level. At peace the ally's neighbour is no issue (world-2022's first year: Poland, Italy, Spain and
    Belgium and Iran; Kazakhstan and Uzbekistan and Turkey), Russia still is Poland's and Germany's, and over 30 years of seed 2
    neither Central Asian state names Turkey."""
    from foedus.sim.steps.threat import live_issues

    sc = Scenario.builtin("world-2022")
    w = Simulation(sc, rng=2).world
    col = {int(c): k for k, c in enumerate(w.inputs.ccode)}
    g = live_issues(w)
    for viewer, other in [(290, 630), (325, 630), (230, 630), (211, 630), (705, 640), (704, 640)]:
        assert g[col[viewer], col[other]] == 0.0, (viewer, other)
    assert g[col[290], col[RUSSIA]] == 1.0 and g[col[255], col[RUSSIA]] == 1.0
    named, col = _named(sc, range(2, 3), 30)
    assert not (named[:, :, [col[705], col[704]]] == 640).any()


def test_in_a_run_from_1990_a_great_power_rivalry_makes_no_camp_adversary_of_the_unallied():
    """Issue 17 item 2 (camp17, threat17's finding): in a run from the record of 1990 a simulated rivalry of the United States and
    Russia made the United States the camp adversary (foedus.theory.camps.camp_adversaries; Haas 2005, Owen 2010) of the 113
    states whose UN votes sit in Russia's camp (landC), and 65-75 states a year (Belize, Tanzania, Sri Lanka, Uganda, Sudan, Iran)
    named it their main threat. Owen's transnational polarisation binds the states that have joined a camp (Walt 1987; Snyder 1997:
    an alliance in arms), not every state whose votes lie near its leader's: with the rivalry set in 1990's world, the United States is
    the camp adversary of Russia and of at most a handful of Russia's allies in arms, and of none of those six."""
    from foedus.sim.steps.threat import camp_adversaries

    w = Simulation(scenario_from_record(1990, top_n=None, years=28, seed=1990), rng=1).world
    col = {int(c): k for k, c in enumerate(w.inputs.ccode)}
    usa, rus = col[2], col[RUSSIA]
    w.state.rivalry[usa, rus] = w.state.rivalry[rus, usa] = 1.0
    k = camp_adversaries(w)
    assert k[rus, usa]
    assert k[:, usa].sum() <= 10
    assert not k[[col[c] for c in (80, 510, 780, 500, 625, 630)], usa].any()


def test_in_world_2022_central_asia_and_belarus_do_not_fear_the_united_states_for_their_votes(warm):
    """Issue 17 item 2 (camp17, threat17's finding): in world-2022 (seed 2, first year, landC) Kazakhstan, Uzbekistan, Kyrgyzstan and
    Belarus named the United States, with intentions from ideology alone (0.5 x an excess of 0.07-0.3; no hostility, rivalry or revealed
    hostility) that the United States' size made up for in Walt's product: the camp route made it the adversary of China's and
    Russia's camps though the United States and Russia stand within one camp in UN votes (2.96 apart in 2022, Bailey, Strezhnev &
    Voeten 2017) and none of the four is allied to China. First ten years, 4 seeds: they name the United States in at most one
    state-year in twenty."""
    named, col = _named(Scenario.builtin("world-2022"), range(4), 10)
    assert np.mean(named[:, :, [col[c] for c in (705, 704, 703, 370)]] == 2) <= 0.05


def test_in_the_record_of_1946_the_unaligned_of_europe_face_the_other_camps_leader():
    """Issue 17 item 2, finished (camp18): camp17 bound a state to a camp only by an alliance in arms with its leader, and in the
    record of 1946 few had one (the Brussels Treaty is of 1948, NATO of 1949; Romania, Hungary and Bulgaria signed with the Soviet
    Union in 1948): the Netherlands, Belgium, Norway and Denmark lost the Soviet Union as their camp adversary, and Romania, Hungary
    and Bulgaria the United States. The region binds the unaligned (Buzan & Waever 2003: the Cold War overlaid Europe, the region of
    Britain and the Soviet Union): in 1946's world they face the other camp's leader again; Latin America, in the United States'
    region, the Soviet Union."""
    from foedus.sim.steps.threat import camp_adversaries

    w = Simulation(scenario_from_record(1946, top_n=None, years=5, seed=1946), rng=1).world
    col = {int(c): k for k, c in enumerate(w.inputs.ccode)}
    k = camp_adversaries(w)
    assert k[[col[c] for c in (210, 211, 385, 390)], col[RUSSIA]].all()
    assert k[[col[c] for c in (360, 310, 355)], col[2]].all()
    assert k[[col[c] for c in (140, 160, 70)], col[RUSSIA]].all()


def test_in_bipolar_1950_the_rio_pact_faces_the_soviet_union_through_its_bloc_when_the_superpowers_rivalry_lapses():
    """Issue 17 item 2, finished (camp18): in bipolar-1950 runs whose simulated rivalry of the United States and the Soviet Union
    lapses (seeds 1 and 4, from 1954), camp17's binding left the Rio Pact's members, allied to the United States alone, without the
    Soviet Union; they named each other, their Rio Pact rivals (Brazil and Argentina, Colombia and Venezuela, Peru and Ecuador), and
    11 % and 17 % of those seeds' state-years named a defence ally. The United States and Britain, allied in arms in one camp, lead
    one bloc (Snyder 1997; Waltz 1979): with the superpowers' rivalry set to none, the Rio Pact faces Britain's rival, the Soviet
    Union, still."""
    from foedus.sim.steps.threat import camp_adversaries

    w = Simulation(Scenario.builtin("bipolar-1950"), rng=1).world
    col = {int(c): k for k, c in enumerate(w.inputs.ccode)}
    usa, ussr = col[2], col[RUSSIA]
    w.state.rivalry[usa, ussr] = w.state.rivalry[ussr, usa] = 0.0
    k = camp_adversaries(w)
    assert k[[col[c] for c in (140, 160, 100, 101, 130, 135)], ussr].all()
    assert not k[:, usa].any()  # no one's camp adversary without a rivalry across camps


def test_in_a_run_from_1946_nato_fears_the_soviet_union_and_the_warsaw_pact_the_west(warm):
    """Issue 17 item 2, finished (camp18): the Cold War's main threats in a run from the record of 1946, first ten years, 4 seeds.
    NATO's European founders (Britain, France, the Netherlands, Belgium, Luxembourg, Norway, Denmark, Portugal, Italy, Iceland) name
    the Soviet Union in at least 80 % of their state-years, and the Warsaw Pact's (Poland, Czechoslovakia, Hungary, Romania,
    Bulgaria, Albania) the United States or Britain in at least 70 %. camp17's binding by an alliance with the camp leader alone
    gave 0.54-0.67 and 0.05-0.47 per seed (few states were allied to a leader in 1946-1950); with the bloc and the region
    (foedus.theory.camps.camp_adversaries), 0.88-0.96 and 0.75-0.97."""
    named, col = _named(scenario_from_record(1946, top_n=None, years=10, seed=1946), range(4), 10)
    nato = [col[c] for c in (200, 220, 210, 211, 212, 385, 390, 235, 325, 395) if c in col]
    pact = [col[c] for c in (290, 315, 310, 360, 355, 339) if c in col]
    assert len(nato) >= 8 and len(pact) >= 5
    assert np.mean(named[:, :, nato] == RUSSIA) >= 0.8
    assert np.mean(np.isin(named[:, :, pact], [2, 200])) >= 0.7


def test_in_a_run_from_1990_russia_and_the_united_states_name_each_other_not_a_regional_quarreller(warm):
    """The session-20 audit, item 9 (threat21): in runs from the record of 1990 Russia named Iran, for its hostility towards Egypt, Iraq,
    for its hostility towards Kuwait, Pakistan or Britain, never the United States, and the United States named Cuba: Thompson & Dreyer
    (2012) code no rivalry of the two from 1990 to 2006, and a state that is no rival and has shown no hostility had no intentions
    (the live-issue gate is not the cause: a great power's relevant neighbourhood is the system). A peer's intentions are uncertain
    (Mearsheimer 2001, ch. 2): with the rivalry term between great powers read at its in-sample base rate (foedus.theory.peer_threat;
    Parameters.peer_rivalry_prior, off by default: it cost facts in foedus validate), first ten years, 4 seeds, Russia names a great
    power in at least 90 % of its state-years and Iran, Iraq, Turkey or Pakistan in none, and the United States names Russia in at least
    80 % (on main e1712a8, 3 seeds of 28 years: Russia 38 of 84, the United States 31, Cuba 48 of the United States')."""
    from foedus.testing import with_updates
    from foedus.theory.peer_threat import IN_SAMPLE_BASE_RATE

    sc = with_updates(scenario_from_record(1990, top_n=None, years=10, seed=1990), parameters={"peer_rivalry_prior": IN_SAMPLE_BASE_RATE})
    named, col = _named(sc, range(4), 10)
    russia = named[:, :, col[RUSSIA]]
    assert np.mean(np.isin(russia, [2, 200, 220, 255, CHINA, JAPAN])) >= 0.9
    assert not np.isin(russia, [630, 645, 640, 770]).any()
    assert np.mean(named[:, :, col[2]] == RUSSIA) >= 0.8

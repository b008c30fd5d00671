"""The record's stated treaty terms in scenarios built from it (ATOP speclgth, length, renewlgt; brief P5)."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.data.paths import default_data_dir

pytestmark = pytest.mark.skipif(not (default_data_dir() / "atop").exists(), reason="needs the shared ATOP files")


def test_the_treaty_practice_of_the_scenarios_time_is_the_records():
    """ATOP 5.1: 13 % of the alliances begun 1816-1840 state a term (median 6.5 years); 56 % of those begun
    1946-1970 (median 20); a start beyond ATOP reads the 25 years before it."""
    from foedus.sim.build_terms import treaty_terms_of

    for year, n, share, median in ((1816, 15, 0.13, 6.5), (1946, 144, 0.56, 20.0), (2022, 102, 0.57, 10.0)):
        t = np.array(treaty_terms_of(year))
        assert len(t) == n and round(float((t > 0).mean()), 2) == share and np.median(t[t > 0]) == median


def test_a_scenario_from_the_record_carries_each_treatys_stated_term():
    """The Saadabad pact (atopid 2410, 1937) states five years, renewed by five (renewlgt 60 months); the UK-Iraq treaty (2270, 1930)
    twenty-five years; the Arab League pact (3015) none."""
    from foedus.sim.build import scenario_from_record

    sc = scenario_from_record(1946, top_n=None, years=2)
    by_id = {a.id: a for a in sc.agreements}
    assert by_id[2410].term_years == 5.0 and by_id[2410].renewal_years == 5.0
    assert by_id[2270].term_years == 25.0 and by_id[3015].term_years is None
    assert sc.treaty_terms and min(sc.treaty_terms) >= 0


def test_a_scenario_from_the_record_carries_the_wartime_treaties():
    """ATOP wartime: the Anglo-Soviet treaty (2535, 1942), the Franco-Soviet (2575, 1944) and the Sino-Soviet (3030,
    1945) were made in the Second World War; the Arab League pact (3015) and the UK-Iraq treaty (2270) were not.
    13 of the 28 alliances in force at the start of 1946 are wartime treaties (ATOP 5.1); 12 were made during a war still
    under way in 1945: the Turkish-Afghan treaty of 1921 (2075, signed during the Greco-Turkish war, COW 116, over in
    1922) outlived its war and is not made for it."""
    from foedus.sim.build import scenario_from_record
    from foedus.sim.build_terms import wartime_treaties

    sc = scenario_from_record(1946, top_n=None, years=2)
    by_id = {a.id: a for a in sc.agreements}
    assert by_id[2535].wartime and by_id[2575].wartime and by_id[3030].wartime
    assert not by_id[3015].wartime and not by_id[2270].wartime
    inherited = [a for a in sc.agreements if a.start_year < 1946]
    assert len(inherited) == 28 and sum(a.wartime for a in inherited) == 12 and not by_id[2075].wartime
    assert {2535, 2575, 3030} <= set(wartime_treaties())



def test_a_treaty_that_outlived_its_war_was_not_made_for_it():
    """ANZUS (3215) and the US-Philippine treaty (3210) were signed in 1951 during the Korean War (ATOP wartime 1,
    cowwar 151; COW: the war's last year 1953): a run from 1990 must not end them as 'war over'. In 1946 the Second
    World War (COW 139, last year 1945) had just ended: its treaties still come up for renewal with it."""
    from foedus.sim.build import scenario_from_record
    from foedus.sim.build_terms import wartime_treaties

    assert {3210, 3215} <= set(wartime_treaties()) and not {3210, 3215} & set(wartime_treaties(year=1990))
    assert {2535, 2575, 3030} <= set(wartime_treaties(year=1946))
    sc = scenario_from_record(1990, top_n=None, years=2)
    by_id = {a.id: a for a in sc.agreements}
    assert not by_id[3215].wartime and not by_id[3210].wartime

def test_the_record_says_which_terms_renew_automatically():
    """ATOP proren 2 with a stated term: the Triple Alliance (1350, 1882: six years, renewed by six unless denounced), the
    Austro-German alliance (1335) and the Saadabad pact (2410) renew automatically; the UK-Iraq treaty of 1930 (2270,
    proren 1) is renewed by agreement; the Arab League pact (3015) states no term. The share in each era's practice
    follows the record: 12 % of the alliances begun 1816-1914, 75 % of those begun 1990-2018."""
    from foedus.sim.build import scenario_from_record
    from foedus.sim.build_terms import automatic_renewal_treaties, treaty_renewal_of, treaty_terms_of

    auto = set(automatic_renewal_treaties())
    assert {1335, 1350, 2410} <= auto and not {2270, 3015} & auto
    sc = scenario_from_record(1946, top_n=None, years=2)
    by_id = {a.id: a for a in sc.agreements}
    assert by_id[2410].automatic_renewal and not by_id[2270].automatic_renewal and not by_id[3015].automatic_renewal
    for year in (1816, 1946):
        terms, renew = np.array(treaty_terms_of(year)), np.array(treaty_renewal_of(year), dtype=bool)
        assert len(renew) == len(terms) and not renew[terms == 0].any()
    assert sc.treaty_terms_automatic == treaty_renewal_of(1946) and len(sc.treaty_terms_automatic) == len(sc.treaty_terms)


def test_the_treaties_of_1815_carry_the_adversary_atop_names_and_no_other():
    """ATOP 5.1 names France (statthr1 = 220) as the adversary of the Quadruple Alliance (atopid 1035; defcoadv, offcoadv 1:
    its war obligations hold against France only); it names none for the German Confederation (1020), Austria-Two Sicilies
    (1025) or Austria-Tuscany (1030): statthr1/2 and specthrt 0, defcoadv 0, interv 0. A scenario built for 1816 carries
    exactly that: France as 1035's target, and no target for the other three, whose founding threat is then the members'
    common threat at the start (foedus.theory.persistence.founding_threat), as for any pact whose text names none."""
    from foedus.sim.build import scenario_from_record

    by_id = {a.id: a for a in scenario_from_record(1816, top_n=None, years=2).agreements}
    assert {1020, 1025, 1030, 1035} <= set(by_id)
    assert by_id[1035].targets == [220]
    assert set(by_id[1035].war_conditions) == {"defence_named_adversary", "offence_named_adversary"}
    assert all(by_id[a].targets == [] and by_id[a].war_conditions == [] for a in (1020, 1025, 1030))
    assert all(by_id[a].start_year == 1815 and "defense" in by_id[a].obligations for a in (1020, 1025, 1030, 1035))

"""The renunciation of war and the norm against conquest (theory/renunciation.py; issue 17 item 1).

Zacher (2001), Fazal (2007), Hathaway & Shapiro (2017): the Covenant (1919), the Kellogg-Briand
Pact (1928) and the UN Charter (1945) made conquest unlawful; offence pacts lose their point and
their standing as engagements (Covenant art. 20, Charter art. 103), and pledges of non-aggression
become a treaty form. The premise is held to ATOP 5.1 as well."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foedus.theory.offence import aggrandisement, isolation
from foedus.theory.renunciation import INSTRUMENTS, conquest_discount, nonaggression_standing, offence_standing, renunciation_of_war


def test_the_norm_counts_the_three_instruments_from_their_signature():
    """Covenant signed 28 June 1919, Kellogg-Briand signed 27 August 1928, UN Charter signed 26 June 1945."""
    assert [d for d, _ in INSTRUMENTS] == [1919, 1928, 1945]
    years = np.arange(1815, 2031)
    w = renunciation_of_war(years)
    assert (w[years < 1919] == 0).all() and (w[years >= 1945] == 1).all()
    assert np.allclose(w[(years >= 1919) & (years < 1928)], 1 / 3) and np.allclose(w[(years >= 1928) & (years < 1945)], 2 / 3)
    assert (np.diff(w) >= 0).all()  # the norm never weakens in this measure


def test_before_the_covenant_an_attack_keeps_its_whole_gain_and_a_full_norm_takes_the_share_sigma():
    for s in (0.0, 0.3, 1.0):
        assert conquest_discount(renunciation_of_war(1900), s) == 1.0
        assert conquest_discount(renunciation_of_war(2000), s) == pytest.approx(1.0 - s)
    # the discount falls as the instruments come into force
    d = conquest_discount(renunciation_of_war([1918, 1919, 1928, 1945]), 0.8)
    assert (np.diff(d) < 0).all()


def test_an_offence_pledge_under_a_full_norm_of_strength_one_is_worthless():
    """Fazal (2007): violent state death all but ends after 1945; a pledge to share a conquest is worth its discounted gain."""
    h = np.array([[0, 0, 0.6], [0, 0, 0.6], [0.6, 0.6, 0]])
    reach = np.full((3, 3), 0.2)
    a, iso = aggrandisement(h, reach), isolation(h, reach)
    assert a[0, 1] > 0
    assert (a * conquest_discount(renunciation_of_war(1950), 1.0) == 0).all()
    half = conquest_discount(renunciation_of_war(1930), 0.9)
    assert (a * half < a)[0, 1] and (iso * half <= iso).all()


def test_non_aggression_carries_its_whole_reassurance_once_war_is_renounced_and_a_share_before():
    for share in (0.0, 0.5, 0.97, 1.0):
        assert nonaggression_standing(renunciation_of_war(1950), share) == 1.0
        assert nonaggression_standing(renunciation_of_war(1850), share) == pytest.approx(1.0 - share)
    assert nonaggression_standing(renunciation_of_war(1925), 0.9) < nonaggression_standing(renunciation_of_war(1930), 0.9) < 1.0


@pytest.mark.parametrize("bad", [-0.1, 1.1, float("nan")])
def test_bad_strengths_are_named(bad):
    with pytest.raises(ValueError, match="conquest_discount: strength"):
        conquest_discount(0.5, bad)
    with pytest.raises(ValueError, match="nonaggression_standing: share"):
        nonaggression_standing(0.5, bad)
    with pytest.raises(ValueError, match="conquest_discount: norm"):
        conquest_discount(1.5, 0.5)


def test_the_premise_holds_in_atop_offence_pacts_before_the_covenant_non_aggression_after(data_dir):
    """ATOP 5.1: offence-led treaties (offence and no defence obligation) are a pre-1920 form, non-aggression-led ones
    (no defence, offence or neutrality obligation) a post-1920 one, per year of the record."""
    a = pd.read_csv(data_dir / "atop" / "atop5_1a.csv", usecols=["begyr", "defense", "offense", "neutral", "nonagg"])
    before, after = a["begyr"] < 1920, a["begyr"] >= 1920
    offence = (a["offense"] == 1) & (a["defense"] == 0)
    nonagg = (a["nonagg"] == 1) & (a[["defense", "offense", "neutral"]].sum(axis=1) == 0)
    years_before, years_after = 1920 - 1815, 2019 - 1920
    assert (offence & before).sum() / years_before > 4 * (offence & after).sum() / years_after  # 12 in 105 years, 2 in 99
    assert (nonagg & after).sum() / years_after > 50 * (nonagg & before).sum() / years_before  # 307 in 99 years, 1 in 105


def test_the_territorial_integrity_norm_binds_in_full_from_the_un_charter():
    """Zacher (2001), Fazal (2007): the break is 1945; it is the year every renunciation instrument is in force."""
    from foedus.theory.renunciation import TERRITORIAL_INTEGRITY_NORM_YEAR, renunciation_of_war, territorial_integrity_norm

    assert TERRITORIAL_INTEGRITY_NORM_YEAR == 1945
    years = np.arange(1900, 2031)
    assert territorial_integrity_norm([1919, 1938, 1945, 1990]).tolist() == [False, False, True, True]
    assert (territorial_integrity_norm(years) == (renunciation_of_war(years) == 1.0)).all()


def test_an_offence_pledge_loses_its_standing_at_the_first_instrument_not_by_degrees():
    """Covenant art. 20 (1919) voids engagements inconsistent with art. 10 from its signature on; the Charter (art. 103) only
    restates it: an offence pledge keeps 1 - omega of its value from 1919 as from 1945, its whole value before."""
    years = np.arange(1815, 2031)
    for omega in (0.0, 0.6, 1.0):
        s = offence_standing(renunciation_of_war(years), omega)
        assert (s[years < 1919] == 1.0).all()
        assert np.allclose(s[years >= 1919], 1.0 - omega)
    # stronger than the graded conquest discount before the Charter, equal to it once every instrument is in force
    w = renunciation_of_war([1919, 1930, 1950])
    assert (offence_standing(w, 0.6)[:2] < conquest_discount(w, 0.6)[:2]).all()
    assert offence_standing(w, 0.6)[2] == pytest.approx(conquest_discount(w, 0.6)[2])


def test_offence_standing_names_bad_input():
    with pytest.raises(ValueError, match="offence_standing: strength"):
        offence_standing(0.5, 1.5)
    with pytest.raises(ValueError, match="offence_standing: norm"):
        offence_standing(-0.1, 0.5)


def test_the_premise_holds_in_atop_no_published_offence_led_treaty_in_peacetime_after_the_covenant(data_dir):
    """ATOP 5.1: of the offence-led treaties (offence and no defence obligation) begun from 1919 on, none is a public
    peacetime treaty: each is a wartime agreement (``wartime``) or a secret one (``pubsecr`` > 0; the Protocol of
    Sevres, 1956), as Covenant art. 18 and 20 and Charter art. 102 and 103 imply; before 1919 most were public."""
    a = pd.read_csv(data_dir / "atop" / "atop5_1a.csv", usecols=["begyr", "defense", "offense", "wartime", "pubsecr"])
    offence = (a["offense"] == 1) & (a["defense"] == 0)
    after = a[offence & (a["begyr"] >= 1919)]
    assert len(after) >= 1
    assert ((after["wartime"] == 1) | (after["pubsecr"].fillna(0) > 0)).all()
    before = a[offence & (a["begyr"] < 1919)]
    assert ((before["wartime"] != 1) & (before["pubsecr"].fillna(0) == 0)).sum() >= 3

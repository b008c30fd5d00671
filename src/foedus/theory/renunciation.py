r"""The renunciation of war and the norm against conquest: what the treaties of 1919, 1928 and 1945 did to alliances (issue 17 item 1).

Three instruments made war a wrong and conquest unlawful between their parties:

- the **Covenant of the League of Nations** (signed 28 June 1919 with the Treaty of Versailles, in
  force 10 January 1920), art. 10: members
  "undertake to respect and preserve as against external aggression the territorial integrity
  and existing political independence of all Members", art. 12-16 its procedure and sanctions;
- the **General Treaty for Renunciation of War** (Kellogg-Briand, signed 27 August 1928): the
  parties "renounce it as an instrument of national policy in their relations with one another";
- the **Charter of the United Nations** (in force 24 October 1945), art. 2(4): members refrain
  "from the threat or use of force against the territorial integrity or political independence
  of any state".

Each counts from the year it was signed, when its parties bound themselves to it (the Pact of 1928
entered into force in July 1929; the Covenant and the Charter came into force in the year of their
signature or the next).

Zacher (2001) traces the territorial integrity norm through these instruments and finds
boundaries changed by force far less often after them; Fazal (2007) finds violent state death
all but ended after 1945; Hathaway & Shapiro (2017) date the end of the "Old World Order", in
which war was a lawful means of redress and conquest conferred title, to the Pact of 1928. Two
consequences for alliances follow, and ATOP 5.1 shows both:

1. **Offence pacts lose their point, and their standing as engagements.** A pledge of joint
   action against a third party is worth the expected gain of an attack
   (:func:`foedus.theory.offence.aggrandisement`); when conquest confers no title and invites
   sanctions, that gain shrinks (:func:`conquest_discount`). More directly, the instruments
   void such a pledge: the Covenant's members undertook "that they will not hereafter enter into
   any engagements inconsistent with the terms thereof" (art. 20), and a pledge to join in
   attacking a third state is inconsistent with art. 10; the Charter's obligations "shall
   prevail" over any other agreement (art. 103), a pledge to use force against a state being
   inconsistent with art. 2(4); and both require every treaty to be registered and published
   (Covenant art. 18, Charter art. 102). So from the first instrument an offence pledge survives
   only where it can stay secret (:func:`offence_standing`). ATOP codes 12 offence-led treaties
   begun 1816-1914, two after 1919: the wartime Allied agreement of 1945 and the secret
   Protocol of Sevres of 1956 (the United Kingdom, France and Israel against Egypt), none after 1990.
2. **Pledges of non-aggression become a treaty form.** Under the Old World Order a promise not
   to attack a particular state gave up a lawful option and was all but unknown (one
   non-aggression-led treaty in ATOP 1816-1914); once war was renounced, a bilateral pledge of
   non-aggression restated the general one between two neighbours and was widely exchanged: the
   Litvinov Protocol (1929) put the Kellogg-Briand Pact in force early among the Soviet Union
   and its western neighbours, the Soviet non-aggression treaties of 1926-1933 and the League's
   model treaty of non-aggression (1928) followed, and non-aggression is the commonest strongest
   obligation of ATOP's treaties after 1945 (:func:`nonaggression_standing`).

Published form vs ours
----------------------
The instruments and their dates are the record; that the norm devalues conquest is Zacher's,
Fazal's and Hathaway & Shapiro's finding. The measure of the norm, the share of the three
instruments in force (:func:`renunciation_of_war`: each counts alike, so that the norm builds up
over 1919-1945 as Zacher describes rather than switching on at one date), and the linear
discounts are ours; so is reading the articles that void inconsistent engagements (Covenant art.
20, Charter art. 103) as a step at the first instrument for offence pledges
(:func:`offence_standing`). Their strengths are parameters fitted on eras before the first
instrument (1816-1914) and after the last (1946-1989) only.

References
----------
1. Zacher, M. W. (2001). The territorial integrity norm: international boundaries and the use
   of force. *International Organization* 55(2): 215-250.
2. Fazal, T. M. (2007). *State Death: The Politics and Geography of Conquest, Occupation, and
   Annexation*. Princeton University Press.
3. Hathaway, O. A. & Shapiro, S. J. (2017). *The Internationalists: How a Radical Plan to Outlaw
   War Remade the World*. Simon & Schuster.
4. Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance Treaty
   Obligations and Provisions, 1815-1944. *International Interactions* 28(3): 237-260.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _checked

__all__ = [
    "INSTRUMENTS", "TERRITORIAL_INTEGRITY_NORM_YEAR", "conquest_discount", "nonaggression_standing", "offence_standing", "renunciation_of_war",
    "territorial_integrity_norm",
]

INSTRUMENTS: tuple[tuple[int, str], ...] = (
    (1919, "Covenant of the League of Nations, art. 10 and 20 (signed 28 June 1919; in force 10 January 1920)"),
    (1928, "General Treaty for Renunciation of War, Kellogg-Briand (signed 27 August 1928)"),
    (1945, "Charter of the United Nations, art. 2(4) and 103 (signed 26 June 1945; in force 24 October 1945)"),
)
"""The instruments that renounced war and conquest, with the year from which each counts: its signature."""


def renunciation_of_war(year) -> np.ndarray:
    """The strength of the norm against war and conquest in ``year``: the share of :data:`INSTRUMENTS` in force, in [0, 1].

    0 before 1919, 1/3 from the Covenant (signed 1919), 2/3 from the Kellogg-Briand Pact (1928), 1
    from the United Nations Charter (1945) on (Zacher 2001; Hathaway & Shapiro 2017).

    >>> renunciation_of_war([1900, 1919, 1930, 1945, 2022]).round(3).tolist()
    [0.0, 0.333, 0.667, 1.0, 1.0]
    """
    y = np.asarray(year, dtype=float)
    dates = np.array([d for d, _ in INSTRUMENTS], dtype=float)
    return (y[..., None] >= dates).sum(axis=-1) / len(dates)


TERRITORIAL_INTEGRITY_NORM_YEAR = INSTRUMENTS[-1][0]
"""The UN Charter (article 2(4)), the last of :data:`INSTRUMENTS`: the first year the territorial integrity norm binds in full
(Zacher 2001; Fazal 2007: only after 1945 did wars of conquest become rare and their gains seldom kept)."""


def territorial_integrity_norm(year) -> np.ndarray:
    """Whether the territorial integrity norm binds in full in ``year``: every instrument of :data:`INSTRUMENTS` is in force.

    The war-onset hazard reads this step, not the graded :func:`renunciation_of_war`: Zacher (2001) and Fazal (2007)
    find the break in wars of conquest and in state death at 1945, and the hazard's coefficient is estimated on the
    record with that dating (:mod:`foedus.analysis.war_onsets`). It equals ``renunciation_of_war(year) == 1``.

    >>> territorial_integrity_norm([1914, 1944, 1945, 2022]).tolist()
    [False, False, True, True]
    """
    return np.asarray(year) >= TERRITORIAL_INTEGRITY_NORM_YEAR


def conquest_discount(norm, strength: float, *, check: bool = True) -> np.ndarray:
    r"""The share of an attack's expected gain that survives the norm against conquest: :math:`1 - \sigma W`, in [0, 1].

    With :math:`W` the norm's strength (:func:`renunciation_of_war`) and :math:`\sigma` how much
    of the gain a fully established norm takes away: conquest that confers no title, brings
    sanctions and is undone at the peace is worth less (Zacher 2001; Fazal 2007). It scales the
    attacker's side of a neutrality pledge (:func:`foedus.theory.offence.isolation`), the gain of
    an attack a third party's abstention buys. An offence pledge
    (:func:`foedus.theory.offence.aggrandisement`) is itself an engagement the instruments void,
    and :func:`offence_standing` discounts it instead. :math:`W = 0` (before 1919) leaves them whole.

    >>> conquest_discount([0.0, 1 / 3, 1.0], 0.9).round(3).tolist()
    [1.0, 0.7, 0.1]
    """
    f = "conquest_discount"
    w = _checked(norm, "norm", f, lo=0.0, hi=1.0, check=check)
    s = float(_checked(strength, "strength", f, lo=0.0, hi=1.0, check=check))
    return 1.0 - s * w


def nonaggression_standing(norm, share: float, *, check: bool = True) -> np.ndarray:
    r"""The share of a pledge of non-aggression's reassurance that a state can count on: :math:`1 - \nu (1 - W)`, in [0, 1].

    A pledge not to attack a partner gives up the option of war against it. Where war is a
    lawful instrument of policy (:math:`W = 0`, before the Covenant) the pledge is a rare, weak
    promise, worth only :math:`1 - \nu` of the reassurance it would give; where war has been
    renounced (:math:`W = 1`) it restates a general obligation between two particular states and
    is believed, so it carries its whole value (Hathaway & Shapiro 2017 on the Old and New World
    Orders; the Litvinov Protocol of 1929 and the Soviet non-aggression treaties applied the
    Kellogg-Briand Pact pair by pair). :math:`\nu` (``share``) is the part of the reassurance that
    rests on the norm.

    >>> nonaggression_standing([0.0, 2 / 3, 1.0], 0.9).round(3).tolist()
    [0.1, 0.7, 1.0]
    """
    f = "nonaggression_standing"
    w = _checked(norm, "norm", f, lo=0.0, hi=1.0, check=check)
    v = float(_checked(share, "share", f, lo=0.0, hi=1.0, check=check))
    return 1.0 - v * (1.0 - w)


def offence_standing(norm, strength: float, *, check: bool = True) -> np.ndarray:
    r"""The share of an offence pledge's value that survives the instruments' ban on inconsistent engagements: :math:`1 - \omega\,[W > 0]`, in [0, 1].

    A pledge to join a partner in attacking a third state is an *engagement* that the instruments
    void from the first of them on, whatever their number: the Covenant's members "solemnly
    undertake that they will not hereafter enter into any engagements inconsistent with the terms
    thereof" (art. 20), among them the guarantee of every member's territorial integrity (art.
    10); the Charter's obligations prevail over those of any other agreement (art. 103), among
    them the ban on the use of force (art. 2(4)). Both require every treaty to be registered and
    published (Covenant art. 18, Charter art. 102; Wilson's "open covenants of peace, openly
    arrived at", the first of the Fourteen Points), so a pledge of aggression is either
    published, and void and self-incriminating, or kept secret, as the Protocol of Sevres (1956)
    was, the one offence-led treaty of ATOP 5.1 in peacetime after 1919. So the step is at the
    first instrument (Covenant art. 20), not graded over three as :func:`conquest_discount`,
    which measures the gain of conquest rather than the lawfulness of the pledge. :math:`\omega`
    (``strength``) is the share of the pledge's value the ban takes away (the rest: what a secret
    engagement still buys).

    Parameters
    ----------
    norm : array_like in [0, 1]
        :func:`renunciation_of_war`.
    strength : float in [0, 1]
        :math:`\omega`.

    Examples
    --------
    >>> offence_standing(renunciation_of_war([1914, 1919, 1930, 1950]), 0.6).round(3).tolist()
    [1.0, 0.4, 0.4, 0.4]

    References
    ----------
    .. [1] Covenant of the League of Nations (1919), art. 10, 18, 20; Charter of the United Nations
       (1945), art. 2(4), 102, 103.
    .. [2] Hathaway, O. A. & Shapiro, S. J. (2017). *The Internationalists*. Simon & Schuster.
    """
    f = "offence_standing"
    w = _checked(norm, "norm", f, lo=0.0, hi=1.0, check=check)
    s = float(_checked(strength, "strength", f, lo=0.0, hi=1.0, check=check))
    return 1.0 - s * (np.asarray(w) > 0)

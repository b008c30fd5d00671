"""Which state of the COW state list continues or broke away from which: the record's successions and secessions.

The COW State System Membership List (v2016) gives each state a code and its spells; it keeps one code where a state
continues under another name or in smaller borders (Russia 365 for the Soviet Union, Serbia 345 for Yugoslavia, Germany
255 for Prussia, Italy 325 for Sardinia), so those need nothing. Where a new code takes up an old one's territory the
list says nothing of it; this table does, from the list's own codes and the standard history of each case (the
Vienna Convention on Succession of States in respect of Treaties, 1978, names the two kinds kept apart here):

- ``"dissolution"`` (Art. 34: a state dissolves or unites and *successor states* take its territory): the predecessor
  leaves the system and its successors take up its relations. Czechoslovakia (315) by the Czech Republic (316) and
  Slovakia (317) in 1993, the two Yemens by Yemen (679) in 1990 (North Yemen, 678, the larger and the capital's, named),
  Germany (255, out of the list 1945-1990) by the two German states of 1954-55, Austria-Hungary (300) by Austria (305)
  and Hungary (310) in 1918-19 (the successor states the treaties of Saint-Germain and Trianon bound to its obligations).
- ``"secession"`` (Art. 34 too, but the *parent* stays in the system): Belgium from the Netherlands, Greece, Serbia,
  Romania, Bulgaria and Albania from the Ottoman Empire, Norway from Sweden, Panama from Colombia, Finland and the
  Baltic states from Russia, Taiwan from China, Singapore from Malaysia, Bangladesh from Pakistan, the Soviet
  republics of 1991 from Russia (365), the Yugoslav republics of 1992-2008 from Serbia (345), Eritrea from Ethiopia,
  East Timor from Indonesia, South Sudan from Sudan. Venezuela and Ecuador left Gran Colombia in 1830, whose
  continuation the list codes as Colombia (100) from 1831.

Colonies that became states (the *newly independent states* of the Convention's Part III, a clean slate: India 1947,
the African states of 1960, Brazil 1822 or the Koreas of 1948 after forty years as a colony) are not in the table, nor
Poland (1918, from three empires).

:func:`foedus.theory.rivalry.succession_pair_age` reads the table: a successor's pairs date from its predecessor's entry
into the system, except with its siblings (the predecessor's other successors) and, for a secession, its parent.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Succession(NamedTuple):
    """One row of :data:`SUCCESSIONS`: ``successor`` takes up ``predecessor``'s territory in ``year`` (COW codes)."""

    successor: int
    predecessor: int
    year: int
    kind: str  # "dissolution" or "secession"
    predecessor_since: int  # the predecessor's first year in the COW state list (1816: in it since the list begins)


SUCCESSIONS: tuple[Succession, ...] = (
    Succession(305, 300, 1919, "dissolution", 1816),
    Succession(310, 300, 1918, "dissolution", 1816),
    Succession(265, 255, 1954, "dissolution", 1816),
    Succession(260, 255, 1955, "dissolution", 1816),
    Succession(679, 678, 1990, "dissolution", 1926),
    Succession(316, 315, 1993, "dissolution", 1918),
    Succession(317, 315, 1993, "dissolution", 1918),
    Succession(350, 640, 1828, "secession", 1816),
    Succession(211, 210, 1830, "secession", 1816),
    Succession(101, 100, 1841, "secession", 1831),
    Succession(130, 100, 1854, "secession", 1831),
    Succession(345, 640, 1878, "secession", 1816),
    Succession(360, 640, 1878, "secession", 1816),
    Succession(95, 100, 1903, "secession", 1831),
    Succession(385, 380, 1905, "secession", 1816),
    Succession(355, 640, 1908, "secession", 1816),
    Succession(339, 640, 1914, "secession", 1816),
    Succession(375, 365, 1917, "secession", 1816),
    Succession(366, 365, 1918, "secession", 1816),
    Succession(367, 365, 1918, "secession", 1816),
    Succession(368, 365, 1918, "secession", 1816),
    Succession(713, 710, 1949, "secession", 1860),
    Succession(830, 820, 1965, "secession", 1957),
    Succession(771, 770, 1971, "secession", 1947),
    *(Succession(c, 365, 1991, "secession", 1816) for c in (359, 369, 370, 371, 372, 373, 701, 702, 703, 704, 705)),
    *(Succession(c, 345, 1992, "secession", 1878) for c in (344, 346, 349)),
    Succession(343, 345, 1993, "secession", 1878),
    Succession(531, 530, 1993, "secession", 1898),
    Succession(860, 850, 2002, "secession", 1949),
    Succession(341, 345, 2006, "secession", 1878),
    Succession(347, 345, 2008, "secession", 1878),
    Succession(626, 625, 2011, "secession", 1956),
)
"""The successions and secessions of the COW state list, 1816-2016 (module docstring)."""

KINDS = ("dissolution", "secession")


def lineage(ccodes, kinds=KINDS) -> tuple[list[int], list[int], list[int]]:
    """For each COW code of ``ccodes``: its predecessor (-1 if none), the predecessor's first year in the system (-1 if
    none) and 1 for a secession (0 otherwise), of the rows of :data:`SUCCESSIONS` whose kind is in ``kinds``."""
    by = {s.successor: s for s in SUCCESSIONS if s.kind in kinds}
    rows = [by.get(int(c)) for c in ccodes]
    return ([r.predecessor if r else -1 for r in rows], [r.predecessor_since if r else -1 for r in rows],
            [int(r.kind == "secession") if r else 0 for r in rows])


_UK, _FR, _BE, _PT, _ES, _NL, _IT, _US, _JP, _OTT = 200, 220, 211, 235, 230, 210, 325, 2, 740, 640
FORMER_RULER = {
    # 1816-1914 entrants: the empire each won independence from (Spain, Portugal, the Ottoman Empire, ...)
    140: _PT, 350: _OTT, 211: _NL, 100: _ES, 70: _ES, 101: _ES, 130: _ES, 160: _ES, 135: _ES, 155: _ES, 145: _ES, 150: _ES,
    90: _ES, 92: _ES, 91: _ES, 93: _ES, 42: _ES, 40: _ES, 95: 100, 385: 380, 355: _OTT, 345: _OTT, 360: _OTT, 339: _OTT,
    41: _FR, 165: 140,
    # 1944-1989 entrants: the metropole or mandatory power (or the state seceded from: Bangladesh)
    395: 390, 663: _UK, 660: _FR, 652: _FR, 840: _US, 750: _UK, 770: _UK, 666: _UK, 731: _JP, 775: _UK, 780: _UK, 732: _JP,
    850: _NL, 620: _IT, 812: _FR, 811: _FR, 816: _FR, 817: _FR, 625: _UK, 820: _UK, 452: _UK, 438: _FR, 433: _FR, 436: _FR,
    439: _FR, 461: _FR, 432: _FR, 437: _FR, 352: _UK, 475: _UK, 471: _FR, 482: _FR, 580: _FR, 484: _FR, 483: _FR, 520: _IT,
    490: _BE, 481: _FR, 434: _FR, 435: _FR, 451: _UK, 510: _UK, 690: _UK, 500: _UK, 517: _BE, 615: _FR, 51: _UK, 52: _UK,
    516: _BE, 501: _UK, 511: _UK, 551: _UK, 338: _UK, 553: _UK, 781: _UK, 552: _UK, 830: _UK, 420: _UK, 571: _UK, 110: _UK,
    53: _UK, 570: _UK, 680: _UK, 572: _UK, 411: _ES, 590: _UK, 950: _UK, 692: _UK, 694: _UK, 696: _UK, 698: _UK, 771: 770,
    31: _UK, 404: _PT, 55: _UK, 115: _NL, 402: _PT, 403: _PT, 541: _PT, 581: _FR, 540: _PT, 910: 900, 990: 920, 591: _UK,
    522: _FR, 54: _UK, 940: _UK, 56: _UK, 57: _UK, 58: _UK, 80: _UK, 60: _UK, 835: _UK,
}
"""The former ruler of the COW state list's entrants of 1817-1989 (ccode -> ccode), hand-coded for :func:`foedus.analysis.formation_age.entrant_partners`
from the list's names and standard histories (our coding; the published source would be Hensel's ICOW Colonial History
data, which the records here do not hold). Left out where no single ruler stands out (Tunisia, Egypt, Hanover, Taiwan,
the two Germanys, Bhutan, Vanuatu) and for states never ruled from outside (Japan, China, Iran, Thailand, Ethiopia)."""


def ruler_pairs(ccodes) -> np.ndarray:
    """(N, N) bool, symmetric: ``[i, j]`` where one of the two states of ``ccodes`` ruled the other before it entered the state
    system: its colonial metropole or mandatory power (:data:`FORMER_RULER`) or the parent it seceded from (a ``"secession"`` of
    :data:`SUCCESSIONS`: the Soviet republics of 1991 and Russia, the Yugoslav republics and Serbia, Eritrea and Ethiopia)."""
    codes = np.asarray(ccodes, dtype=np.int64).ravel()
    pos = {int(c): k for k, c in enumerate(codes)}
    links = [(c, r) for c, r in FORMER_RULER.items()] + [(s.successor, s.predecessor) for s in SUCCESSIONS if s.kind == "secession"]
    out = np.zeros((len(codes), len(codes)), dtype=bool)
    for c, r in links:  # at most some 130 links, once per world
        a, b = pos.get(c), pos.get(r)
        if a is not None and b is not None and a != b:
            out[a, b] = out[b, a] = True
    return out

"""Nuclear weapon states by year: a cited table (Gartzke & Kroenig 2009), looked up by COW code.

The dates are the years each state first possessed a nuclear weapon in Gartzke & Kroenig's
(2009) proliferation data, the dates Jo & Gartzke (2007) use for nuclear status; South Africa
dismantled its six devices by 1991. Where a state's first test came later than its first weapon
the table keeps the weapon (Israel's opaque arsenal of about 1967, Pakistan's of 1987); India's is
its first test (1974). Each row: COW code -> (first year, last year or ``None`` for still armed).

=========  =======  ===========  ===================================================
COW code   state    years        note
=========  =======  ===========  ===================================================
2          USA      1945-        Trinity, July 1945
365        USSR/RF  1949-        first test August 1949; Russia after 1991 (same code)
200        UK       1952-        Hurricane, October 1952
220        France   1960-        Gerboise Bleue, February 1960
710        China    1964-        October 1964
666        Israel   1967-        opaque; about 1967 (Cohen 1998), never tested
750        India    1974-        Smiling Buddha, May 1974 (weaponised 1988, tests 1998)
560        S Africa 1979-1991    six devices, dismantled 1989-1991
770        Pakistan 1987-        cold-test capability about 1987, tests May 1998
731        N Korea  2006-        first test October 2006
=========  =======  ===========  ===================================================

A scenario of the future keeps the status of the last year of the table (no new proliferation
unless the table is extended).

References
----------
1. Gartzke, E. and M. Kroenig. 2009. "A Strategic Approach to Nuclear Proliferation." *Journal of
   Conflict Resolution* 53(2): 151-60 (and its proliferation data).
2. Jo, D.-J. and E. Gartzke. 2007. "Determinants of Nuclear Weapons Proliferation." *Journal of
   Conflict Resolution* 51(1): 167-94.
3. Cohen, A. 1998. *Israel and the Bomb*. New York: Columbia University Press.
"""

from __future__ import annotations

import numpy as np

__all__ = ["NUCLEAR_WEAPON_STATES", "nuclear_armed"]

NUCLEAR_WEAPON_STATES: dict[int, tuple[int, int | None]] = {
    2: (1945, None),
    365: (1949, None),
    200: (1952, None),
    220: (1960, None),
    710: (1964, None),
    666: (1967, None),
    750: (1974, None),
    560: (1979, 1991),
    770: (1987, None),
    731: (2006, None),
}
"""COW code -> (first year armed, last year armed or None): Gartzke & Kroenig (2009); see the module docstring."""


def nuclear_armed(ccodes, year) -> np.ndarray:
    """Whether each state (COW code) holds nuclear weapons in ``year`` (:data:`NUCLEAR_WEAPON_STATES`).

    ``ccodes`` and ``year`` broadcast against each other.

    Examples
    --------
    >>> nuclear_armed([2, 365, 560, 560, 731, 220], [1944, 1950, 1985, 1995, 2010, 2022]).tolist()
    [False, True, True, False, True, True]
    """
    if np.ndim(year) == 0:  # one year (the simulator's case, several times a year): one pass over the codes (issue 16)
        y0 = int(year)
        armed = np.array(sorted(code for code, (lo, hi) in NUCLEAR_WEAPON_STATES.items() if lo <= y0 and (hi is None or y0 <= hi)), dtype=np.int64)
        c = np.asarray(ccodes, dtype=np.int64)
        if not len(armed):
            return np.zeros(c.shape, dtype=bool)
        at = np.searchsorted(armed, c)  # where each code would stand among the armed, sorted
        return armed[np.where(at < len(armed), at, 0)] == c
    c, y = np.broadcast_arrays(np.asarray(ccodes, dtype=np.int64), np.asarray(year, dtype=np.int64))
    out = np.zeros(c.shape, dtype=bool)
    for code, (lo, hi) in NUCLEAR_WEAPON_STATES.items():
        out |= (c == code) & (y >= lo) & (y <= (hi if hi is not None else np.iinfo(np.int64).max))
    return out

"""Hypothesis strategies for foedus's tests and its users' (as ``xarray.testing.strategies``).

Import this module explicitly (``from foedus.testing import strategies``): it needs Hypothesis,
which :mod:`foedus.testing` itself does not.

:func:`alliance_specs` draws the compact description :func:`foedus.testing.toy_history` builds a
history from, so a property of a measure can be checked on many small random histories::

    from hypothesis import given
    from foedus.testing import strategies, toy_history

    @given(strategies.alliance_specs())
    def test_counts_are_never_negative(alliances):
        h = toy_history(alliances, first_year=1900, last_year=2000)
        ...
"""

from __future__ import annotations

from typing import Sequence

from hypothesis import strategies as st

from foedus.schema import OBLIGATIONS

__all__ = ["alliance_specs"]


@st.composite
def alliance_specs(
    draw,
    *,
    starts: tuple[int, int] = (1900, 2000),
    last_year: int | None = None,
    count: tuple[int, int] = (0, 12),
    codes: tuple[int, int] = (1, 40),
    size: tuple[int, int] = (2, 8),
    kinds: Sequence[str] | None = None,
    member_spells: bool = False,
    obligations: bool = False,
) -> list[dict]:
    """Random agreements in the form :func:`foedus.testing.toy_history` reads.

    Parameters
    ----------
    starts : (int, int)
        Range of the start years (both included).
    last_year : int, optional
        Latest end year (and latest year of a member's spell); default ``starts[1]``. An
        agreement's end is drawn in ``start .. last_year`` or None (still in force).
    count : (int, int)
        Range of the number of agreements; their ids are ``1 .. n``.
    codes : (int, int)
        Range of the members' COW codes.
    size : (int, int)
        Range of the number of (distinct) members of an agreement.
    kinds : sequence of str, optional
        Draw each agreement's ``kind`` from these (default: no ``kind``, i.e. alliances).
    member_spells : bool
        Give each member its own ``(ccode, entry, exit)`` spell inside the agreement's life.
    obligations : bool
        Draw a non-empty set of :data:`foedus.schema.OBLIGATIONS` for each agreement (default:
        none given, i.e. a defence pact).

    Returns
    -------
    list of dict
        Keys ``id, start, end, members`` and, as asked, ``kind`` and ``obligations``.
    """
    last = starts[1] if last_year is None else last_year
    out = []
    for i in range(draw(st.integers(*count))):
        start = draw(st.integers(*starts))
        end = draw(st.one_of(st.none(), st.integers(start, last)))
        members = draw(st.lists(st.integers(*codes), min_size=size[0], max_size=size[1], unique=True))
        if member_spells:
            until = end if end is not None else last
            spells = []
            for c in members:
                entry = draw(st.integers(start, until))
                spells.append((c, entry, draw(st.one_of(st.none(), st.integers(entry, until)))))
            members = spells
        spec = {"id": i + 1, "start": start, "end": end, "members": members}
        if kinds is not None:
            spec["kind"] = draw(st.sampled_from(list(kinds)))
        if obligations:
            spec["obligations"] = draw(st.sets(st.sampled_from(OBLIGATIONS), min_size=1))
        out.append(spec)
    return out

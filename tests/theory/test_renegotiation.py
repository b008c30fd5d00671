"""Renegotiation against abrogation (:mod:`foedus.theory.renegotiation`; Leeds & Savun 2007)."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from foedus.theory.cohesion import DISSOLUTION_CAUSES, dissolution_label
from foedus.theory.renegotiation import renegotiates


def test_moderate_changes_of_a_pair_are_renegotiated_and_abrogations_are_not():
    causes = list(range(len(DISSOLUTION_CAUSES)))
    out = renegotiates(causes, 2, 0.9, 0.1)  # more than half the cohesion kept, less than half the threat gone
    assert out.tolist() == [c in ("cohesion lost", "power shifted", "threat gone") for c in DISSOLUTION_CAUSES]
    # past half, the same terms are abrogations: the alliance no longer serves a member
    assert not renegotiates(DISSOLUTION_CAUSES.index("cohesion lost"), 2, 0.5, 0.0)[0]
    assert not renegotiates(DISSOLUTION_CAUSES.index("threat gone"), 2, 1.0, 0.5)[0]
    assert not renegotiates(DISSOLUTION_CAUSES.index("cohesion lost"), 2, np.nan, 0.0)[0]


def test_a_treaty_of_more_than_two_is_never_renegotiated_as_a_whole():
    assert not renegotiates([1, 0, 3], [3, 4, 10], [1.0, 1.0, 1.0], [0.0, 0.0, 0.0]).any()


@given(st.lists(st.tuples(st.integers(0, len(DISSOLUTION_CAUSES) - 1), st.floats(0, 1), st.floats(0, 1)), min_size=1, max_size=20))
def test_a_renegotiation_is_exactly_an_ending_the_labels_call_moderate(rows):
    """The rule and the words of the dissolution events agree: a pair is renegotiated iff its drawn ending reads
    "cohesion fell", "threat faded" or "power shifted" (foedus.theory.cohesion.dissolution_label)."""
    cause, kept, lapse = (np.array(c) for c in zip(*rows))
    words = dissolution_label(cause, kept, lapse)
    assert renegotiates(cause, 2, kept, lapse).tolist() == [w in ("cohesion fell", "threat faded", "power shifted") for w in words]


def test_members_still_allies_only_if_every_member_values_every_other():
    from foedus.theory.renegotiation import still_allies

    u = np.array([[0.0, 0.2, 0.4], [0.3, 0.0, -0.1], [0.1, 0.2, 0.0]])
    m = np.array([[True, True, False], [False, True, True], [True, False, True], [True, True, True]])
    # 1 values 2 at -0.1: the pair (1, 2) and the three together are not still allies; the diagonal is never read
    assert still_allies(m, u).tolist() == [True, False, True, False]
    assert not still_allies(m[:1], np.where(np.eye(3, dtype=bool), 0.0, np.nan))[0]

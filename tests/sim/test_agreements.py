"""The agreements of a run as growable arrays (foedus.sim.agreements)."""

from __future__ import annotations

import numpy as np

from foedus.sim.agreements import Agreements


def test_agreements_grow_and_keep_closed_spells():
    ag = Agreements(5, capacity=1)
    a = ag.add(np.array([0, 1]), 2000, power=np.array([0.5, 0.1]))
    b = ag.add(np.array([1, 2, 3]), 2001)
    ag.join(a, np.array([4]), 2002)
    ag.leave(b, np.array([2]), 2003)
    ag.dissolve(a, 2004)
    slot, idx, entry, exit_ = ag.spells()
    rows = sorted(zip(slot.tolist(), idx.tolist(), entry.tolist(), exit_.tolist()))
    assert rows == [(0, 0, 2000, 2004), (0, 1, 2000, 2004), (0, 4, 2002, 2004), (1, 1, 2001, -1), (1, 2, 2001, 2003), (1, 3, 2001, -1)]
    assert ag.allied()[1, 3] and not ag.allied()[0, 1]

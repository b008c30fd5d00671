"""foedus.theory.expected_victory: the initiator's odds of prevailing and the restraint they put on starting a war (Bueno de Mesquita 1981)."""

import doctest

import numpy as np
import pytest

from foedus.theory import expected_victory
from foedus.theory.expected_victory import (
    expected_victory_restraint,
    victory_probability,
    alliance_restraint,
)

pytestmark = pytest.mark.filterwarnings("error")


def test_docstring_examples_run():
    assert doctest.testmod(expected_victory, raise_on_error=False).failed == 0


def test_a_weak_state_attacks_a_stronger_one_only_with_allies_pledged_to_help():
    """Bueno de Mesquita (1980): "a weak nonaligned state cannot rationally attack a stronger nonaligned nation", but may attack
    one if it expects support: alone at a third of the target's strength its odds are 1/4 and it starts a third of those wars;
    with an ally (defence or offence) as strong as the target, 4/7, and it starts them all (analytic)."""
    alone = victory_probability([0.1], [0.3])
    assert alone[0] == pytest.approx(0.25) and expected_victory_restraint(alone)[0] == pytest.approx(1 / 3)
    backed = victory_probability([0.1], [0.3], [0.3], [0.0])
    assert backed[0] == pytest.approx(4 / 7) and expected_victory_restraint(backed)[0] == 1.0


def test_the_old_home_still_exports_them():
    from foedus.theory import war_onset

    assert war_onset.victory_probability is victory_probability and war_onset.expected_victory_restraint is expected_victory_restraint



def test_a_targets_defence_partner_deters_and_no_pact_raises_the_pairs_hazard():
    """Leeds (2003): a defensive commitment to the target deters; Johnson & Leeds (2011): defence pacts do not embolden.
    RIV (0.3) and SMA (0.02) alone: RIV's odds 15/16, SMA's 1/16, Bremer's draw 0.88 for RIV. With GRT (0.3) pledged to
    SMA at 0.28, RIV's odds fall to 1/2 (no restraint: even odds) and SMA's, counting GRT, rise to 1/2: the pair still fights at
    its hazard (capped at 1), and the weaker SMA begins 0.12 of its wars, against 0.12 * (1/15) / (0.88 + 0.12/15) alone.
    GRT at 0.58 makes RIV's odds 1/3 (restraint 1/2): the pair fights 0.12 + 0.88 / 2 of its wars over the 0.88 + 0.12/15 it
    fought alone (analytic)."""
    alone = expected_victory_restraint(victory_probability([0.3, 0.02], [0.02, 0.3]))
    assert alone.tolist() == [1.0, pytest.approx(1 / 15)]
    g, f = alliance_restraint(alone[[0]], alone[[1]], alone[[0]], alone[[1]], [0.88])
    assert g[0] == 1.0 and f[0] == pytest.approx(0.88 / (0.88 + 0.12 / 15))
    ally = expected_victory_restraint(victory_probability([0.3, 0.02], [0.02, 0.3], [0.0, 0.28], [0.28, 0.0]))
    g, f = alliance_restraint(ally[[0]], ally[[1]], alone[[0]], alone[[1]], [0.88])
    assert ally.tolist() == [pytest.approx(1.0), 1.0] and g[0] == pytest.approx(1.0) and f[0] == pytest.approx(0.88)
    ally = expected_victory_restraint(victory_probability([0.3, 0.02], [0.02, 0.3], [0.0, 0.58], [0.58, 0.0]))
    g, f = alliance_restraint(ally[[0]], ally[[1]], alone[[0]], alone[[1]], [0.88])
    assert ally[0] == pytest.approx(0.5) and g[0] == pytest.approx((0.88 * 0.5 + 0.12) / (0.88 + 0.12 / 15))
    assert f[0] == pytest.approx(0.44 / 0.56)
    # the two orders of a pair give the same share, and initiation probabilities that sum to 1
    rng = np.random.default_rng(1)
    ri, rj, ai, aj, p = (rng.random(1000) for _ in range(5))
    g1, f1 = alliance_restraint(ri, rj, ai, aj, p)
    g2, f2 = alliance_restraint(rj, ri, aj, ai, 1.0 - p)
    assert np.allclose(g1, g2) and np.allclose(f1 + f2, 1.0) and (g1 <= 1.0).all()


def test_alliance_restraint_names_bad_input():
    with pytest.raises(ValueError, match="alone_j"):
        alliance_restraint([0.5], [0.5], [0.5], [1.5], [0.5])

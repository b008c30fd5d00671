"""foedus.theory.expected_victory: the initiator's odds of prevailing and the restraint they put on starting a war (Bueno de Mesquita 1981)."""

import doctest

import pytest

from foedus.theory import expected_victory
from foedus.theory.expected_victory import (
    expected_support,
    expected_victory_restraint,
    victory_probability,
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


def test_an_ally_counts_at_the_chance_it_fights():
    """Bueno de Mesquita (1981): a third party adds its capability weighted by its expected support. At the published
    reliabilities (Berkemeier & Fuhrmann 2018: 66 % of commitments honoured before 1945, 22 % from 1945) a target's ally as
    strong as both belligerents deters less after 1945: the initiator's odds 1 / (2 + 0.22) against 1 / (2 + 0.68) (analytic);
    weight 0 counts the ally in full, and bad input is refused."""
    before, after = expected_support([0.66, 0.22])
    assert (before, after) == (pytest.approx(0.66), pytest.approx(0.22))
    assert expected_support([0.22], 0.0)[0] == 1.0 and expected_support([0.22], 0.5)[0] == pytest.approx(0.61)
    p = victory_probability([0.1, 0.1], [0.1, 0.1], 0.0, [0.1 * before, 0.1 * after])
    assert p[0] == pytest.approx(1 / 2.66) and p[1] == pytest.approx(1 / 2.22) and p[1] > p[0]
    with pytest.raises(ValueError, match="reliability"):
        expected_support([1.5])
    with pytest.raises(ValueError, match="weight"):
        expected_support([0.5], 2.0)

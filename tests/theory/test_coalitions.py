"""foedus.theory.coalitions: reach (Boulding 1962), stake, willingness, compatibility, organisations."""

import doctest

import numpy as np
import pytest

from foedus.theory import coalitions
from foedus.theory.coalitions import (
    coalition_willing,
    compatible,
    institutionalisation_probability,
    interoperability,
    may_join_organisation,
    projected_capability,
    shares_threat,
)

pytestmark = pytest.mark.filterwarnings("error")


def test_docstring_examples_run():
    assert doctest.testmod(coalitions, raise_on_error=False).failed == 0


def test_the_loss_of_strength_gradient_is_linear_and_spent_at_its_range():
    """Boulding (1962): strength falls by the same amount per km from home, to nothing at the range."""
    d = np.linspace(0, 12000, 7)
    s = projected_capability(np.full(7, 0.3), d, 12000.0)
    assert s[0] == 0.3 and s[-1] == 0.0
    assert np.allclose(np.diff(s), -0.05)
    assert projected_capability(0.3, 20000.0, 12000.0) == 0.0
    with pytest.raises(ValueError, match="range_km"):
        projected_capability(0.3, 1.0, 0.0)


def test_sharing_the_threat_is_relative_to_the_largest_threat_perceived():
    assert shares_threat([0.01, 0.01], [0.02, 0.2], 0.3).tolist() == [True, False]
    assert not shares_threat([0.0], [0.0], 0.0)[0]  # no threat at all is not a shared threat


def test_willingness_grows_with_stake_capability_and_interoperability():
    base = dict(intensity=0.1, threshold=0.1)
    assert coalition_willing([1.0], [0.02], [1.0], **base).tolist() == [True]
    assert coalition_willing([0.4], [0.02], [1.0], **base).tolist() == [False]
    assert coalition_willing([1.0], [0.02], [interoperability(0.0, 0.2)], **base).tolist() == [False]
    assert coalition_willing([0.0], [1.0], [1.0], **base).tolist() == [False]


def test_compatibility_excludes_hostility_at_the_limit_and_rivals():
    assert compatible([0.49, 0.5, 0.0], [False, False, True], 0.5).tolist() == [True, False, False]


def test_institutionalisation_needs_enough_members():
    assert institutionalisation_probability(0.2, 3, 3) == 0.2 and institutionalisation_probability(0.2, 2, 3) == 0.0


def test_an_organisation_admits_only_like_minded_neighbours_that_fear_no_member():
    f = [False, False]
    assert may_join_organisation([0.5, 0.1], [0.1, 0.1], [0.0, 0.0], f, f, f, 0.2, 0.3, 0.5).tolist() == [True, False]
    assert may_join_organisation([0.5, 0.5], [0.1, 0.4], [0.0, 0.0], f, f, f, 0.2, 0.3, 0.5).tolist() == [True, False]
    assert may_join_organisation([0.5, 0.5], [0.1, 0.1], [0.0, 0.0], f, [True, False], f, 0.2, 0.3, 0.5).tolist() == [False, True]
    assert may_join_organisation([0.5, 0.5], [0.1, 0.1], [0.6, 0.0], f, f, [False, True], 0.2, 0.3, 0.5).tolist() == [False, False]


def test_only_an_unarmed_unprotected_state_with_a_nuclear_rival_proliferates_in_proportion_to_its_capability():
    # Singh & Way 2004, Jo & Gartzke 2007, Bleek & Lorber 2014: each correlate is necessary; latent capability scales the rest
    power = np.array([0.01, 0.03, 0.03, 0.03, 0.03])
    armed = np.array([False, False, True, False, False])
    rival = np.array([True, True, True, False, True])
    protected = np.array([False, False, False, False, True])
    w = coalitions.proliferation_propensity(power, armed, rival, protected)
    assert w.tolist() == [0.01, 0.03, 0.0, 0.0, 0.0]
    with pytest.raises(ValueError, match="shape of power"):
        coalitions.proliferation_propensity(power, armed[:2], rival, protected)

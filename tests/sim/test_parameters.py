"""The engine's constants: every one a documented, bounded field of :class:`Parameters`."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from foedus.sim.parameters import Parameters


@pytest.mark.parametrize("name", list(Parameters.model_fields))
def test_every_parameter_is_described_and_bounded_below(name):
    field = Parameters.model_fields[name]
    assert field.description and len(field.description) > 20
    assert any(getattr(m, "ge", None) is not None or getattr(m, "gt", None) is not None for m in field.metadata)


def test_a_constant_out_of_its_bounds_is_refused_with_its_name():
    with pytest.raises(ValidationError, match="war_end_rate"):
        Parameters(war_end_rate=1.5)


def test_parameters_are_frozen():
    with pytest.raises(ValidationError):
        Parameters().betrayal_decay = 0.5

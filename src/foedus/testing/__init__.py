"""Public test helpers: small known histories, synthetic scenarios, Hypothesis strategies.

As ``xarray.testing`` does for xarray, this package gives foedus's own tests and its users the
same fixtures to check measures and mechanisms on:

- :func:`toy_history` (:mod:`foedus.testing.histories`): a validated
  :class:`~foedus.schema.History` of a few hand-described alliances, every number known;
- :func:`synthetic_scenario` and :func:`with_updates` (:mod:`foedus.testing.scenarios`):
  random but reproducible state systems to simulate, changed one thing at a time;
- :mod:`foedus.testing.strategies`: Hypothesis strategies (imported on demand: it needs
  Hypothesis, this package does not).

>>> from foedus.testing import toy_history
>>> toy_history([{"id": 1, "start": 1900, "end": 1910, "members": [2, 200]}], first_year=1900, last_year=1950).first_year
1900
"""

from foedus.testing.histories import toy_history
from foedus.testing.scenarios import synthetic_scenario, with_updates

__all__ = ["toy_history", "synthetic_scenario", "with_updates"]

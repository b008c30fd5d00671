"""foedus: a laboratory for military alliances and coalitions in the international system.

Layers (each imports only the ones above it in this list):

- :mod:`foedus.schema`: the canonical tables shared by real and simulated history;
  :mod:`foedus.schema.provenance`: where a history comes from and the unit of each column;
- :mod:`foedus.data`: importers for ATOP and Correlates of War files, and the local store;
- :mod:`foedus.theory`: pure, vectorised mechanisms (threat, alignment, alliance politics,
  arms dynamics, landscape and structural balance, cyber trust);
- :mod:`foedus.sim`: the year-by-year simulator and its scenarios;
- :mod:`foedus.analysis`: measures of history (counts, survival, similarity, networks, polarity,
  ensemble indicators and bands), beside :mod:`foedus.sim`: neither imports the other;
- :mod:`foedus.experiments`: ensembles of runs (designs, the Dask runner with its outcomes passed
  in, EMA Workbench, PRIM discovery) and validation against the record;
- :mod:`foedus.report`, :mod:`foedus.web`, :mod:`foedus.cli`: presentation only (``report``
  imports neither ``sim`` nor ``experiments``).

:mod:`foedus.testing` (toy histories, synthetic scenarios, Hypothesis strategies) is for tests and
users; no layer imports it. ``tests/test_layers.py`` checks these rules.
"""

__version__ = "0.1.0"


class FoedusWarning(UserWarning):
    """A warning issued by foedus (tests turn these into errors)."""

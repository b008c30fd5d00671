"""foedus: a laboratory for military alliances and coalitions in the international system.

Layers (each imports only the ones above it in this list):

- :mod:`foedus.schema`: the canonical tables shared by real and simulated history;
  :mod:`foedus.provenance`: where a history comes from and the unit of each column;
- :mod:`foedus.data`: importers for ATOP and Correlates of War files, and the local store;
- :mod:`foedus.theory`: pure, vectorised mechanisms (threat, alignment, alliance politics,
  arms dynamics, landscape and structural balance, cyber trust);
- :mod:`foedus.sim`: the year-by-year simulator, scenarios and ensembles;
- :mod:`foedus.analysis`: measures of history (counts, survival, similarity, networks, polarity);
- :mod:`foedus.report`, :mod:`foedus.cli`: presentation only.
"""

__version__ = "0.1.0"


class FoedusWarning(UserWarning):
    """A warning issued by foedus (tests turn these into errors)."""

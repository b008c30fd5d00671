"""The year-by-year simulator of the international system, its scenarios and ensembles."""

"""Self-contained HTML reports (presentation only: every number comes from :mod:`foedus.analysis`).

- :mod:`foedus.report.figures`: the public figure functions (``plot_network``,
  ``plot_alliances_in_force``, ``plot_spending``, ``plot_survival``, ``plot_validation_era``, ...),
  usable from a notebook with any history; every report draws with them;
- :mod:`foedus.report.style`: the one figure style (width, fonts, palette, ticks, legends) and
  page style sheet of every report;
- :mod:`foedus.report.network`: the network figure and its layout, fixed across years;
- :mod:`foedus.report.history`: the report of one history (the record or a simulated run);
- :mod:`foedus.report.ensemble`: bands, alignments and pair probabilities of an ensemble;
- :mod:`foedus.report.validation`: the four eras, record against runs;
- :mod:`foedus.report.provenance`: where a history comes from and the unit of its money (the
  caller passes the scenario; this layer never imports :mod:`foedus.sim`);
- :mod:`foedus.report.format`: how a number is written, here and in the terminal.
"""

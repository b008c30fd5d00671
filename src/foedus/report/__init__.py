"""Self-contained HTML reports (presentation only: every number comes from :mod:`foedus.analysis`).

- :mod:`foedus.report.history`: the report of one history (the record or a simulated run), its
  figures in :mod:`foedus.report.history_figures`;
- :mod:`foedus.report.ensemble`: bands, alignments and pair probabilities of an ensemble;
- :mod:`foedus.report.provenance`: where a history comes from and the unit of its money (the
  caller passes the scenario; this layer never imports :mod:`foedus.sim`);
- :mod:`foedus.report.format`: how a number is written, here and in the terminal.
"""

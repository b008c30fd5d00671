"""The model's out-of-sample validation score, computed beside another job (the main job's ensemble).

``foedus validate`` (:func:`foedus.experiments.eras.validate_eras`) judges the model's alliance
facts against the record in four eras; the shipped parameters were fitted on
:data:`foedus.experiments.eras.DEFAULT_IN_SAMPLE`, so the other eras are *out of sample*. The
main job reports that score in summary.json and on the terminal. :class:`PendingScore` submits
the out-of-sample eras' runs to a Dask client that is about to run something else (the
ensemble), so that they share its workers, and :meth:`PendingScore.result` judges them once they
are done; without a client the runs are simulated in this process when the result is asked for.

By default this is a *reduced form*: the out-of-sample eras only, one run per era (seed 1),
where ``foedus validate`` pools three seeds over all four eras. The result says so, names the
seeds, eras and foedus's version, and gives the command of the full form.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from foedus.analysis.era_tolerance import score_sentence as sentence

__all__ = ["PendingScore", "out_of_sample_eras"]


def out_of_sample_eras() -> tuple[str, ...]:
    """The eras the shipped parameters were not fitted on, in time order."""
    from foedus.experiments.eras import DEFAULT_IN_SAMPLE, ERAS

    return tuple(e for e in ERAS if e not in DEFAULT_IN_SAMPLE)


class PendingScore:
    """The out-of-sample score of the model, its runs submitted now, judged by :meth:`result`.

    Parameters
    ----------
    seeds : sequence of int
        One run per seed and era, pooled (``foedus validate --seeds``); empty: no validation.
    parameters : mapping, optional
        :class:`~foedus.sim.parameters.Parameters` fields that differ from the shipped defaults
        (a scenario's own); the in-sample eras stay those of the defaults, and the result says
        the parameters differ.
    years : int, optional
        Shorten every era to its first ``years`` years, record and runs (quick checks).
    client : distributed.Client, optional
        Submit the runs there now (they share the workers with what the client runs next).
    eras : sequence of str, optional
        Default :func:`out_of_sample_eras`.
    """

    def __init__(self, seeds: Sequence[int], *, parameters: Mapping[str, float] | None = None, years: int | None = None,
                 client: Any = None, eras: Sequence[str] | None = None, data_dir: str | None = None):
        from foedus.experiments.eras import era_window, run_era_tables

        self.seeds = tuple(int(s) for s in seeds)
        self.eras = tuple(out_of_sample_eras() if eras is None else eras)
        for e in self.eras:
            era_window(e, years)
        self.parameters = dict(parameters or {})
        self.years, self.data_dir, self.client = years, data_dir, client
        # the longest era first: the workers start on it while the shorter runs fill in
        self.jobs = sorted(((e, s) for e in self.eras for s in self.seeds), key=lambda j: -(era_window(j[0], years)[1] - era_window(j[0], years)[0]))
        self.futures = None
        if client is not None and self.seeds:
            self.futures = [client.submit(run_era_tables, e, s, self.parameters, years, data_dir, pure=False, priority=10) for e, s in self.jobs]

    def _runs(self) -> dict[str, list]:
        from foedus.experiments.eras import run_era_tables

        if self.futures is not None:
            tabs = self.client.gather(self.futures)
        else:
            tabs = [run_era_tables(e, s, self.parameters, self.years, self.data_dir) for e, s in self.jobs]
        runs: dict[str, list] = {e: [] for e in self.eras}
        for (e, s), t in sorted(zip(self.jobs, tabs), key=lambda jt: (jt[0][0], jt[0][1])):
            runs[e].append(t)
        return runs

    def result(self) -> dict | None:
        """The score (JSON-ready), or None with no seed; a failure (no records, a failed run) is reported in ``"error"``."""
        import foedus
        from foedus.experiments.eras import DEFAULT_IN_SAMPLE, record_facts, judge, score

        if not self.seeds:
            return None
        base = {
            "eras": list(self.eras), "in_sample_eras": list(DEFAULT_IN_SAMPLE), "seeds": list(self.seeds), "years": self.years,
            "foedus_version": foedus.__version__,
            "parameters": self.parameters or "the shipped defaults",
            "form": ("reduced: the out-of-sample eras only, " + (f"one run per era (seed {self.seeds[0]})" if len(self.seeds) == 1 else
                     f"{len(self.seeds)} runs per era pooled") + (f", eras shortened to {self.years} years" if self.years else "")
                     + "; the full form pools 3 seeds over all four eras"),
            "full_command": "foedus validate --seeds 3",
        }
        try:
            runs = self._runs()
            facts = [f for era in self.eras for f in judge(era, record_facts(era, self.years, self.data_dir), runs[era], False)]
        except Exception as e:  # noqa: BLE001 (the job goes on without its score, and says why)
            return {**base, "error": f"{type(e).__name__}: {e}"}
        k, n = score(facts)
        per_era = {era: {"in_range": sum(f.in_range for f in facts if f.era == era), "facts": sum(1 for f in facts if f.era == era),
                         "out_of_range": [f.name for f in facts if f.era == era and not f.in_range]} for era in self.eras}
        return {**base, "in_range": int(k), "facts": int(n), "score": f"{k}/{n}", "per_era": per_era,
                "sentence": sentence({**base, "in_range": k, "facts": n})}

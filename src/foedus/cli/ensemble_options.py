"""The options of ``foedus ensemble run``, declared once (the ``foedus ensemble`` callback takes the same).

Each is an ``Annotated`` type for typer; :mod:`foedus.cli.ensemble` uses them in the signature
of :func:`foedus.cli.ensemble.run`, and copies that signature for the group's callback.
"""

from pathlib import Path
from typing import Annotated, Optional

import typer

ScenarioOpt = Annotated[
    Optional[str],
    typer.Option(
        "--scenario",
        "-s",
        help="A built-in scenario (world-2022, europe-1871, multipolar-1815, bipolar-1950; see `foedus scenario list`) "
        "or a scenario file (.yaml or .toml). Not needed with --resume.",
        show_default=False,
    ),
]
RunsOpt = Annotated[Optional[int], typer.Option("--runs", "-r", min=1, help="Number of simulated worlds (runs) in the ensemble.", show_default=False)]
YearsOpt = Annotated[Optional[int], typer.Option("--years", "-n", min=1, help="Years each run simulates. Default: the scenario's horizon.", show_default=False)]
SeedOpt = Annotated[
    int,
    typer.Option("--seed", min=0, help="Ensemble seed. Run i's seed derives from it and i alone, so results do not depend on the workers."),
]
OutOpt = Annotated[Optional[Path], typer.Option("--out", "-o", help="Folder to write the ensemble to (one Parquet file per run and table, manifest.json).", show_default=False)]
WorkersOpt = Annotated[
    Optional[int],
    typer.Option(
        "--workers",
        "-w",
        min=1,
        help="Worker processes of the local Dask cluster, one thread each. Default: one per core. Ignored with --scheduler "
        "(the cluster has its own workers). The results do not depend on it.",
        show_default=False,
    ),
]
SchedulerOpt = Annotated[
    Optional[str],
    typer.Option(
        "--scheduler",
        help="Address of a running Dask scheduler (e.g. tcp://10.0.0.5:8786: an HPC cluster started with dask-jobqueue, "
        "Kubernetes, a cloud cluster). Default: a local cluster on this machine.",
        show_default=False,
    ),
]
VaryOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--vary",
        help="Vary a knob over a range, KNOB=LOW:HIGH (or KNOB=LOW:HIGH:LEVELS for --design factorial). Knobs are the trends "
        "(great_power_competition, economic_interdependence, cyber, military_integration, norms: 0-1) and the model "
        "parameters (reactivity, fatigue, alliance_cost, ...). Repeat for several knobs.",
        show_default=False,
    ),
]
DesignOpt = Annotated[
    str,
    typer.Option(
        "--design",
        help="How knob values are given to runs: lhs (Latin hypercube, one point per run) or factorial (a full grid of LEVELS "
        "per knob, repeated over the runs). Only matters with --vary.",
    ),
]
ResumeOpt = Annotated[
    bool,
    typer.Option(
        "--resume",
        help="Complete the interrupted ensemble in --out: run only the runs that are missing (none: nothing runs). With "
        "--scenario and --runs they must match the ensemble's; without them its own definition is used.",
    ),
]
KeepOpt = Annotated[
    bool, typer.Option("--keep-histories", help="Also keep every run's whole history in DIR/histories/ (large; default: the compact indicator tables only).")
]
QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="No progress bar and no closing line (errors are still printed). Without it a live bar on stderr shows runs done of R, "
        "the rate (runs finished in this session per second of wall time since the first run was submitted, start-up included), "
        "the elapsed wall time and the time left (runs still to do at that rate).",
    ),
]
TimeoutOpt = Annotated[
    float,
    typer.Option("--connect-timeout", min=0.1, help="Seconds to wait for the --scheduler to answer before giving up (nothing is written then)."),
]

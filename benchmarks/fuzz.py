"""Throw generated malformed inputs at foedus's real entry points and count how each one ends (issue 13).

Usage::

    python benchmarks/fuzz.py                      # 10,000 inputs, seed 0
    python benchmarks/fuzz.py --inputs 20000 --seed 3
    python benchmarks/fuzz.py --short              # 600 inputs, for a quick look
    python benchmarks/fuzz.py --save out/fuzz      # keep every failing input there, to reproduce it

What is thrown (every input is a function of ``--seed``):

- **scenarios** (YAML and TOML), through ``foedus scenario check FILE`` and, for a share of the
  inputs it accepts, ``foedus simulate --scenario FILE --years 2``: deep nesting (up to 30,000
  levels), huge numbers, NaN and infinities, values outside a field's bounds, unknown keys, wrong
  types, aliases and tags, bad encodings (Latin-1, UTF-16, stray bytes, NUL), a FIFO, a symbolic
  link to ``/dev/zero``, a folder, an empty file; plus random cuts, duplications and
  replacements of a real scenario's text. A share also goes to the dashboard's upload
  (``POST /api/jobs`` through FastAPI's TestClient; the job queue is stubbed so nothing runs).
- **CSV inputs** of ``foedus landscape ACTORS PROPENSITIES`` and ``foedus balance EDGES``:
  bad numbers, duplicate actors, edges and header names, asymmetric or ragged matrices, bad
  signs, self-loops, encodings, trailing delimiters, special files, random damage.
- **the importers' raw files**: damaged copies of the real records (``FOEDUS_DATA_DIR`` or
  ``../shared/data``) written to a temporary folder: cut mid-row, a cell made non-numeric, a
  year of 3,000,000,000 or -5,000, a header renamed, Latin-1 bytes, a gzip cut short, a FIFO or
  ``/dev/zero`` in place of the file, random damage. Most go through the reader that
  ``foedus data import`` calls for that file (with the same arguments); a share runs the whole
  ``foedus data import DIR`` on a folder of the real files with one damaged.

Most inputs run in this process through the functions the program runs (typer's ``CliRunner``
on :data:`foedus.cli.app`); a sample (``--subprocess``, default 2 %, and every special file and
deep-nesting bomb among them) runs the real ``foedus`` program as a subprocess, where a segfault
or a hang shows.

How an input ends (one of):

``clean_rejections``
    exit 2 (the dashboard: 4xx) with a message that names the file and the line, column or
    field; for a defect of the whole file (a FIFO, a device, an empty or undecodable file, a
    file too large), naming the file suffices.
``unclear_rejections``
    exit 2 (4xx) whose message does not name the file, or the line/field where one is due.
``accepted``
    exit 0 on an input that is not invalid by construction (a random cut may leave a valid file).
``wrong_successes``
    exit 0 (202) on an input that is invalid by construction.
``tracebacks``
    any other exception (exit 1 with a traceback; the dashboard: 5xx).
``crashes``
    a subprocess killed by a signal (segfault, abort, out of memory).
``hangs``
    no answer within ``--timeout`` seconds of CPU time, or 20 times as long on the wall clock.

The last six lines printed are ``inputs``, ``clean_rejections``, ``tracebacks``, ``crashes``,
``hangs`` and ``wrong_successes`` (``name: value``); the floor is 0 tracebacks, crashes, hangs and
wrong successes. Run it at low priority on a shared machine: ``nice -n 19 python benchmarks/fuzz.py``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

OUTCOMES = ("clean_rejections", "unclear_rejections", "accepted", "wrong_successes", "tracebacks", "crashes", "hangs")

# a location in a message: a line, a row, a column or a field
LOCATED = re.compile(r"line \d+|row \d+|column '|field '|column \w|byte \d+|offset \d+")


# a reason that concerns the whole file, whatever damaged it (a random cut may empty a file)
WHOLE_FILE = re.compile(r"file is empty|no actors listed|no edges listed|not a regular file|not UTF-8|larger than|at end of document")


class Hang(BaseException):
    """The in-process time limit passed (a BaseException: nothing in foedus may catch it)."""


@dataclass
class Case:
    """One generated input: the files to write and the command that reads them."""

    entry: str  # check, simulate, landscape, balance, reader, import, upload
    label: str  # the generator that made it
    files: dict[str, object]  # name -> bytes, or ("fifo",), ("link", target), ("dir",)
    invalid: bool  # invalid by construction: exit 0 on it is a wrong success
    target: str  # the file a rejection must name
    whole_file: bool = False  # a defect of the whole file: naming the file suffices
    extra: dict = field(default_factory=dict)


# --------------------------------------------------------------------------- scenarios

def _base_scenario() -> dict:
    from foedus.testing import synthetic_scenario

    import yaml

    return yaml.safe_load(synthetic_scenario(5, seed=1, years=5, alliances=1).to_yaml())


def _europe_text() -> str:
    from foedus.sim.scenario import Scenario

    return Scenario.builtin("europe-1871").to_yaml()


def _yaml(data) -> str:
    import yaml

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def _toml(data: dict) -> str:
    """A minimal TOML writer for scenario dicts (tables of scalars and lists, arrays of tables)."""
    def val(v) -> str:
        if v is None:
            return '""'
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return repr(v) if not isinstance(v, float) or v == v and abs(v) != float("inf") else ("nan" if v != v else ("inf" if v > 0 else "-inf"))
        if isinstance(v, str):
            return json.dumps(v)
        if isinstance(v, list):
            return "[" + ", ".join(val(x) for x in v) + "]"
        if isinstance(v, dict):
            return "{" + ", ".join(f"{json.dumps(str(k))} = {val(x)}" for k, x in v.items()) + "}"
        raise TypeError(type(v))

    head = [f"{k} = {val(v)}" for k, v in data.items() if not (isinstance(v, list) and v and isinstance(v[0], dict)) and not isinstance(v, dict)]
    body = []
    for k, v in data.items():
        if isinstance(v, dict):
            body.append(f"\n[{k}]")
            body += [f"{json.dumps(str(a))} = {val(b)}" for a, b in v.items()]
        elif isinstance(v, list) and v and isinstance(v[0], dict):
            for item in v:
                body.append(f"\n[[{k}]]")
                body += [f"{json.dumps(str(a))} = {val(b)}" for a, b in item.items()]
    return "\n".join(head + body) + "\n"


NUMERIC_BOUNDS = {
    # field -> (lower, upper) of the scenario's documented bounds; None: unbounded on that side
    ("actors", "cinc"): (0, 1), ("actors", "milex"): (0, None), ("actors", "gdp"): (0, None),
    ("actors", "growth"): (-0.2, 0.3), ("actors", "regime"): (0, 1), ("actors", "lat"): (-90, 90),
    ("actors", "lon"): (-180, 180), ("actors", "ccode"): (1, 999), ("actors", "milper"): (0, None),
    ("actors", "population"): (0, None), ("relations", "hostility"): (0, 1), (None, "start_year"): (1500, 3000),
    (None, "years"): (1, 2000), (None, "seed"): (0, None),
}


class ScenarioGen:
    """Scenario inputs: (file name, bytes, invalid by construction, whole-file defect)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.base = _base_scenario()
        self.europe = _europe_text()

    def _copy(self) -> dict:
        return json.loads(json.dumps(self.base))

    def _numeric_site(self, sc: dict):
        (where, key), bounds = self.rng.choice(list(NUMERIC_BOUNDS.items()))
        holder = sc if where is None else self.rng.choice(sc[where])
        return holder, key, bounds

    def make(self) -> tuple[str, str, bytes | tuple, bool, bool]:
        r = self.rng
        kind = r.choices(
            ["deep_yaml", "deep_toml", "nonfinite", "huge", "out_of_bounds", "bad_key", "bad_type", "alias_tag",
             "encoding", "special", "empty", "mutate", "mutate_europe", "toml_mutate", "references", "multi_doc"],
            weights=[5, 3, 8, 8, 10, 8, 8, 4, 8, 3, 2, 14, 6, 5, 5, 2],
        )[0]
        return (kind, *getattr(self, kind)())

    def _as(self, sc: dict, toml: bool | None = None):
        toml = self.rng.random() < 0.3 if toml is None else toml
        return ("s.toml", _toml(sc).encode()) if toml else ("s.yaml", _yaml(sc).encode())

    def deep_yaml(self):
        n = self.rng.choice([33, 40, 200, 5000, 30000])
        if self.rng.random() < 0.5:
            text = "name: x\nstart_year: 1900\nactors: " + "[" * n + "]" * n + "\n"
        else:
            text = "name: x\nstart_year: 1900\nactors: " + "{a: " * n + "1" + "}" * n + "\n"
        return "s.yaml", text.encode(), True, False

    def deep_toml(self):
        n = self.rng.choice([33, 40, 500, 5000, 30000])
        text = 'name = "x"\nstart_year = 1900\nactors = ' + "[" * n + "]" * n + "\n"
        return "s.toml", text.encode(), True, False

    def nonfinite(self):
        sc = self._copy()
        holder, key, _ = self._numeric_site(sc)
        holder[key] = self.rng.choice([float("nan"), float("inf"), float("-inf")])
        return (*self._as(sc), True, False)

    def huge(self):
        sc = self._copy()
        holder, key, (lo, hi) = self._numeric_site(sc)
        big = self.rng.choice([10 ** 12, 10 ** 19, 2 ** 64, 10 ** 400, 1e300, -1e300, -(10 ** 19)])
        holder[key] = big
        invalid = (hi is not None and big > hi) or (lo is not None and big < lo)
        return (*self._as(sc), bool(invalid), False)

    def out_of_bounds(self):
        sc = self._copy()
        holder, key, (lo, hi) = self._numeric_site(sc)
        if lo is not None and (hi is None or self.rng.random() < 0.5):
            holder[key] = lo - self.rng.choice([1, 0.5, 1e-9, 1000]) if key not in ("ccode", "start_year", "years", "seed") else lo - self.rng.choice([1, 5, 1000])
        else:
            holder[key] = hi + self.rng.choice([1, 0.5, 1e-9, 1000]) if key not in ("ccode", "start_year", "years", "seed") else hi + self.rng.choice([1, 5, 1000])
        return (*self._as(sc), True, False)

    def bad_key(self):
        sc = self._copy()
        key = self.rng.choice(["colour", "actor", "x[0]", "[", "ünïcode", "", "1", "a.b", "actors[0].cinc", "\t"])
        holder = self.rng.choice([sc, self.rng.choice(sc["actors"]), self.rng.choice(sc["relations"]), sc.setdefault("trends", {})])
        if key in holder:
            key += "_x"
        holder[key] = self.rng.choice([1, "x", None, [1]])
        return (*self._as(sc), True, False)

    def bad_type(self):
        sc = self._copy()
        holder, key, _ = self._numeric_site(sc)
        holder[key] = self.rng.choice(["many", [1, 2], {"a": 1}, "", "1,5", "0x10"])
        return (*self._as(sc), True, False)

    def alias_tag(self):
        text = _yaml(self.base)
        choice = self.rng.randrange(3)
        if choice == 0:
            text = text.replace("actors:\n", "base: &b {cinc: 0.1}\nactors:\n", 1)
            text = text.replace("  cinc:", "  <<: *b\n  cinc:", 1)
        elif choice == 1:
            text = text.replace("name: ", "name: !!python/object/apply:os.system ['true'] #", 1)
        else:
            text = "a: &a [*a]\n" + text
        return "s.yaml", text.encode(), True, False

    def encoding(self):
        sc = self._copy()
        sc["actors"][0]["name"] = "Österreich–Ungarn"
        text = _yaml(sc)
        how = self.rng.randrange(4)
        if how == 0:
            data = text.encode("latin-1", errors="replace")
        elif how == 1:
            data = text.encode("utf-16")
        elif how == 2:
            i = self.rng.randrange(len(text))
            data = text[:i].encode() + bytes([self.rng.choice([0xFF, 0xFE, 0xC3, 0x80])]) + text[i:].encode()
        else:
            i = self.rng.randrange(len(text))
            data = text[:i].encode() + b"\x00" + text[i:].encode()
        return self.rng.choice(["s.yaml", "s.toml"]), data, True, how < 2

    def special(self):
        what = self.rng.choice([("fifo",), ("link", "/dev/zero"), ("link", "/dev/urandom"), ("dir",), ("link", "/nonexistent/x")])
        return self.rng.choice(["s.yaml", "s.toml"]), what, True, True

    def empty(self):
        return "s.yaml", self.rng.choice([b"", b"\n", b"# only a comment\n", b"---\n", b"[]\n", b"42\n", b"~\n"]), True, True

    def _mutate(self, text: str) -> str:
        r = self.rng
        for _ in range(r.choice([1, 1, 2, 3])):
            i = r.randrange(len(text) + 1)
            j = min(len(text), i + r.randrange(200))
            op = r.randrange(4)
            if op == 0:
                text = text[:i] + text[j:]
            elif op == 1:
                text = text[:j] + text[i:j] + text[j:]
            elif op == 2:
                text = text[:i] + "".join(r.choice("[]{}:,-'\"&*!|>#\n \t0123456789.eE+nainf~") for _ in range(r.randrange(1, 12))) + text[j:]
            else:
                text = text[:i] + str(r.choice([".nan", ".inf", "-.inf", "1e999", "1e308", "-1", "99999999999999999999", "null", "''"])) + text[j:]
        return text

    def mutate(self):
        return "s.yaml", self._mutate(_yaml(self.base)).encode(), False, False

    def mutate_europe(self):
        return "s.yaml", self._mutate(self.europe).encode(), False, False

    def toml_mutate(self):
        return "s.toml", self._mutate(_toml(self.base)).encode(), False, False

    def references(self):
        sc = self._copy()
        what = self.rng.randrange(4)
        if what == 0:
            sc["actors"][1]["ccode"] = sc["actors"][0]["ccode"]  # a state twice
        elif what == 1:
            sc["relations"][0]["pair"] = [sc["relations"][0]["pair"][0], 998]  # a relation to no actor
        elif what == 2 and sc.get("agreements"):
            sc["agreements"][0]["members"] = sc["agreements"][0]["members"] + [997]
        else:
            sc["relations"][0]["pair"] = [sc["relations"][0]["pair"][0]] * 2
        return (*self._as(sc), True, False)

    def multi_doc(self):
        return "s.yaml", (_yaml(self.base) + "---\n" + _yaml(self.base)).encode(), True, True


# --------------------------------------------------------------------------- CSV inputs

class CsvGen:
    """``landscape`` and ``balance`` inputs."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    @staticmethod
    def _csv(rows) -> str:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        return buf.getvalue()

    def landscape(self) -> tuple[str, dict, bool, str, bool]:
        r = self.rng
        n = r.randint(2, 9)
        names = [f"A{i}" for i in range(n)]
        sizes = [round(r.uniform(0.01, 1), 4) for _ in names]
        P = [[0.0] * n for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                P[i][j] = P[j][i] = round(r.uniform(-1, 1), 3)
        actors = [["actor", "size"]] + [[a, s] for a, s in zip(names, sizes)]
        matrix = [[""] + names] + [[names[i]] + [("" if i == j else P[i][j]) for j in range(n)] for i in range(n)]
        kind = r.choices(
            ["size_bad", "dup_actor", "dup_header", "missing_col", "asym", "ragged", "unknown", "missing_cell", "nonfinite",
             "trailing", "whitespace", "encoding", "special", "empty", "mutate"],
            weights=[8, 5, 4, 4, 6, 6, 5, 5, 6, 5, 3, 5, 4, 3, 15],
        )[0]
        invalid, whole, target = True, False, "actors.csv"
        k = r.randrange(n)
        if kind == "size_bad":
            actors[1 + k][1] = r.choice(["-1", "0", "abc", "", "nan", "inf", "-inf", "1e999", "1_0", "0x1"])
        elif kind == "dup_actor":
            actors.append(list(actors[1 + k]))
        elif kind == "dup_header":
            actors[0] = r.choice([["actor", "size", "size"], ["actor", " actor", "size"], ["actor ", "size", "actor"]])
            for row in actors[1:]:
                row.append("1")
        elif kind == "missing_col":
            actors[0][r.randrange(2)] = r.choice(["name", "Size", "", "actors"])
        elif kind in ("asym", "ragged", "unknown", "missing_cell", "nonfinite"):
            target = "props.csv"
            i, j = r.sample(range(n), 2) if n > 1 else (0, 0)
            if kind == "asym":
                matrix[1 + i][1 + j] = P[i][j] + r.choice([0.5, -2, 1e-3])
            elif kind == "ragged":
                matrix[1 + i].append(r.choice(["1", ""])) if r.random() < 0.5 else matrix[1 + i].pop()
                if matrix[1 + i][-1] == "" and len(matrix[1 + i]) == n + 2:
                    matrix[1 + i][-1] = "1"
            elif kind == "unknown":
                matrix[1 + i][0] = "Zed"
            elif kind == "missing_cell":
                matrix[1 + i][1 + j] = ""
            else:
                matrix[1 + i][1 + j] = matrix[1 + j][1 + i] = r.choice(["nan", "inf", "-inf", "1e999"])
        elif kind == "trailing":
            invalid = False
        elif kind == "whitespace":
            invalid = False
            actors = [[f" {c} " for c in row] for row in actors]
        files = {"actors.csv": self._csv(actors).encode(), "props.csv": self._csv(matrix).encode()}
        if kind == "trailing":
            files = {k: v.replace(b"\n", b",\n") for k, v in files.items()}
        if kind == "encoding":
            target = r.choice(["actors.csv", "props.csv"])
            files[target] = files[target].replace(b"A1", "Ä1".encode("latin-1"), 1)
            whole = True
        elif kind == "special":
            target = r.choice(["actors.csv", "props.csv"])
            files[target] = r.choice([("fifo",), ("link", "/dev/zero"), ("dir",)])
            whole = True
        elif kind == "empty":
            target = r.choice(["actors.csv", "props.csv"])
            files[target] = r.choice([b"", b"\n\n", b"actor,size\n" if target == "actors.csv" else b",A0\n"])
            whole = True
        elif kind == "mutate":
            invalid = False
            target = r.choice(["actors.csv", "props.csv"])
            files[target] = _mutate_bytes(r, files[target])
        return kind, files, invalid, target, whole

    def balance(self) -> tuple[str, dict, bool, str, bool]:
        r = self.rng
        n = r.choice([3, 5, 8, 20, 40])  # malformed, not large: the size bound has its own input (too_many)
        names = [f"N{i}" for i in range(n)]
        pairs = set()
        while len(pairs) < min(n * 2, n * (n - 1) // 2):
            a, b = sorted(r.sample(range(n), 2))
            pairs.add((a, b))
        rows = [["source", "target", "sign"]] + [[names[a], names[b], r.choice(["1", "-1", "+", "-", "+1"])] for a, b in sorted(pairs)]
        kind = r.choices(
            ["bad_sign", "self_loop", "dup_edge", "dup_header", "missing_col", "empty_name", "too_many", "trailing",
             "whitespace", "encoding", "special", "empty", "mutate"],
            weights=[8, 5, 6, 4, 4, 4, 1, 5, 3, 4, 4, 3, 15],
        )[0]
        invalid, whole = True, False
        k = 1 + r.randrange(len(rows) - 1)
        if kind == "bad_sign":
            rows[k][2] = r.choice(["2", "0", "x", "", "nan", "1.5", "--1", "+-1"])
        elif kind == "self_loop":
            rows[k][1] = rows[k][0]
        elif kind == "dup_edge":
            rows.append([rows[k][1], rows[k][0], rows[k][2]] if r.random() < 0.5 else list(rows[k]))
        elif kind == "dup_header":
            rows[0] = r.choice([["source", "target", "sign", "sign"], ["source", " source", "target", "sign"]])
            for row in rows[1:]:
                row.append("1")
        elif kind == "missing_col":
            rows[0][r.randrange(3)] = r.choice(["from", "Sign", ""])
        elif kind == "empty_name":
            rows[k][r.randrange(2)] = ""
        elif kind == "too_many":
            rows = [["source", "target", "sign"]] + [[f"M{i}", f"M{i + 1}", "1"] for i in range(5001)]
            whole = True  # the network's size: no one line is at fault
        elif kind == "trailing":
            invalid = False
        elif kind == "whitespace":
            invalid = False
            rows = [[f" {c}\t" for c in row] for row in rows]
        data = self._csv(rows).encode()
        if kind == "trailing":
            data = data.replace(b"\n", b",\n")
        elif kind == "encoding":
            data = data.replace(b"N1", "Ñ1".encode("latin-1")) + b"\xff\n"
            whole = True
        elif kind == "special":
            data, whole = r.choice([("fifo",), ("link", "/dev/zero"), ("dir",)]), True
        elif kind == "empty":
            data, whole = r.choice([b"", b"source,target,sign\n", b"\n"]), True
        elif kind == "mutate":
            invalid = False
            data = _mutate_bytes(r, data)
        return kind, {"edges.csv": data}, invalid, "edges.csv", whole


def _mutate_bytes(r: random.Random, data: bytes) -> bytes:
    for _ in range(r.choice([1, 2, 3])):
        i = r.randrange(len(data) + 1)
        j = min(len(data), i + r.randrange(60))
        op = r.randrange(3)
        if op == 0:
            data = data[:i] + data[j:]
        elif op == 1:
            data = data[:j] + data[i:j] + data[j:]
        else:
            data = data[:i] + bytes(r.choice(b',"\n\r \t-+.e0123456789xX\x00\xff') for _ in range(r.randrange(1, 8))) + data[j:]
    return data


# --------------------------------------------------------------------------- raw records

RAW = {
    # file (relative to the data folder) -> (table in foedus.data.record.FILES, columns whose damage must be refused)
    "peacesciencer/cow_states.csv": ("states", ["ccode", "styear", "endyear"]),
    "peacesciencer/cow_majors.csv": ("majors", ["ccode", "styear", "endyear"]),
    "peacesciencer/cow_nmc.csv": ("nmc", ["ccode", "year"]),
    "atop/atop5_1a.csv": ("atop_alliances", ["atopid", "begyr"]),
    "atop/atop5_1m.csv": ("atop_members", ["atopid", "member", "yrent"]),
    "atop/atopinst5_1.csv": ("atop_inst", ["atopid", "milinst"]),
    "peacesciencer/cow_capitals.csv": ("capitals", ["ccode"]),
    "peacesciencer/cow_contdir.csv": ("contiguity", ["ccode1", "conttype"]),
    "peacesciencer/td_rivalries.csv": ("rivalries", ["ccode1", "styear"]),
    "peacesciencer/tss_rivalries.csv": ("rivalries_tss", ["ccode1", "start"]),
    "peacesciencer/grh_arms_races.csv": ("arms_races", ["ccode1", "styear"]),
    "peacesciencer/cow_mid_disps.csv": ("disputes", ["dispnum", "styear"]),
    "peacesciencer/gml_mid_disps.csv": ("disputes_gml", ["dispnum", "styear"]),
    "peacesciencer/cow_war_inter.csv": ("wars", ["warnum", "ccode1", "year"]),
    "peacesciencer/atop_alliance.csv.gz": ("atop_dyad_years", []),
}


class RecordGen:
    """Damaged copies of the real raw files."""

    def __init__(self, rng: random.Random, data_dir: Path):
        self.rng = rng
        self.data_dir = data_dir
        self.files = [f for f in RAW if (data_dir / f).is_file()]
        self.text = {f: (data_dir / f).read_bytes() for f in self.files}
        self.rows = {f: list(csv.reader(io.StringIO(self.text[f].decode("utf-8-sig")))) for f in self.files if not f.endswith(".gz")}

    def make(self) -> tuple[str, str, bytes | tuple, bool, bool]:
        r = self.rng
        f = r.choices(self.files, weights=[1 if f.endswith(".gz") else 8 for f in self.files])[0]
        data = self.text[f]
        if f.endswith(".gz"):
            kind = r.choice(["gz_cut", "gz_garbage", "special"])
            if kind == "gz_cut":
                return f, kind, data[: r.randrange(10, len(data) - 10)], True, True
            if kind == "gz_garbage":
                return f, kind, data[:100] + bytes(r.randrange(256) for _ in range(200)) + data[300:], True, True
            return f, kind, r.choice([("fifo",), ("link", "/dev/zero")]), True, True
        kind = r.choices(["cut", "bad_cell", "bad_year", "header", "latin1", "special", "empty", "mutate"], weights=[10, 12, 12, 5, 4, 3, 2, 15])[0]
        table, cols = RAW[f]
        rows = self.rows[f]
        if kind == "cut":  # mid-row: never right after a line end
            while True:
                i = r.randrange(1, len(data) - 1)
                if data[i - 1:i] not in (b"\n", b"\r"):
                    return f, kind, data[:i], True, False
        if kind in ("bad_cell", "bad_year") and cols:
            c = r.choice(cols)
            j = rows[0].index(c)
            k = r.randrange(1, len(rows))
            rr = [row[:] for row in rows]
            if kind == "bad_cell":
                rr[k][j] = r.choice(["abc", "1.5x", "--", "0x1F", "1e5e"])
            else:
                rr[k][j] = r.choice(["3000000000", "-5000", "99999", "-1", "0.5"]) if "year" in c or c in ("start",) else r.choice(["abc", "1.5x"])
            return f, kind, CsvGen._csv(rr).encode(), True, False
        if kind == "header":
            rr = [row[:] for row in rows]
            c = r.choice(cols or rr[0])
            rr[0][rr[0].index(c)] = c.upper() + "_"
            return f, kind, CsvGen._csv(rr).encode(), bool(cols), False
        if kind == "latin1":
            i = data.index(b"\n", len(data) // 3) + 1
            return f, kind, data[:i] + "é,ñ,ü".encode("latin-1") + data[i:], True, True
        if kind == "special":
            return f, kind, r.choice([("fifo",), ("link", "/dev/zero"), ("dir",)]), True, True
        if kind == "empty":
            return f, kind, b"", True, True
        return f, "mutate", _mutate_bytes(r, data), False, False


def _reader(table: str, data_dir: Path) -> Callable[[Path], object]:
    """The reader ``foedus data import`` calls for ``table``, with the same arguments (:func:`foedus.data.record.load_record`)."""
    import numpy as np

    from foedus.data import record as rec
    from foedus.data.atop import read_atop_alliances, read_atop_members
    from foedus.data.cow import read_majors, read_nmc, read_states

    states = read_states(rec.find_file(data_dir, "states"))
    known = states["ccode"].unique()
    majors = read_majors(rec.find_file(data_dir, "majors"), known)
    members = read_atop_members(rec.find_file(data_dir, "atop_members"), known)
    if table == "states":
        return read_states
    if table == "majors":
        return lambda p: read_majors(p, known)
    if table == "nmc":
        return lambda p: read_nmc(p, majors, known)
    if table == "atop_alliances":
        return lambda p: read_atop_alliances(p, rec.find_file(data_dir, "atop_inst", required=False))
    if table == "atop_inst":
        return lambda p: read_atop_alliances(rec.find_file(data_dir, "atop_alliances"), p)
    if table == "atop_members":
        return lambda p: read_atop_members(p, known)
    extras = {
        "capitals": lambda p: rec.read_capitals(p, known),
        "contiguity": lambda p: rec.read_contiguity(p, known),
        "rivalries": lambda p: rec.read_rivalries(p, known),
        "rivalries_tss": lambda p: rec.read_rivalries(p, known),
        "arms_races": lambda p: rec.read_arms_races(p, known),
        "disputes": lambda p: rec.read_disputes(p, rec.DISPUTE_SOURCES["disputes"], "disputes"),
        "disputes_gml": lambda p: rec.read_disputes(p, rec.DISPUTE_SOURCES["disputes_gml"], "disputes_gml"),
        "wars": lambda p: rec.read_wars(p, known),
        "atop_dyad_years": lambda p: rec.read_atop_dyad_years(p, np.union1d(known, members["ccode"].unique())),
    }
    return extras[table]


# --------------------------------------------------------------------------- running

def _write(folder: Path, files: dict[str, object]) -> None:
    for name, content in files.items():
        p = folder / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        elif content[0] == "fifo":
            os.mkfifo(p)
        elif content[0] == "link":
            os.symlink(content[1], p)
        elif content[0] == "dir":
            p.mkdir()
        else:
            raise ValueError(content)


WALL_FACTOR = 20
"""A hang is ``--timeout`` seconds of CPU time, or this many times as long on the wall clock (an input
that blocks, reading a FIFO say, uses no CPU): on a busy machine, at low priority, a process may wait
far longer for a core than it computes."""


class _Timer:
    """Raise :class:`Hang` in this (main) thread after ``seconds`` of CPU time or ``WALL_FACTOR`` times as long on the wall."""

    def __init__(self, seconds: float):
        self.seconds = seconds

    def __enter__(self):
        def ring(signum, frame):
            raise Hang()

        self.old = (signal.signal(signal.SIGALRM, ring), signal.signal(signal.SIGPROF, ring))
        signal.setitimer(signal.ITIMER_PROF, self.seconds)
        signal.setitimer(signal.ITIMER_REAL, self.seconds * WALL_FACTOR)

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGALRM, self.old[0])
        signal.signal(signal.SIGPROF, self.old[1])


def classify_exit(code: int | None, message: str, case: Case, invalid: bool) -> str:
    """How an exit code and message count (see the module docstring)."""
    if code == 0:
        return "wrong_successes" if invalid else "accepted"
    if code == 2:
        names = any(t in message or Path(t).name in message for t in (case.target, *case.extra.get("also", ())))
        located = case.whole_file or LOCATED.search(message) is not None or WHOLE_FILE.search(message) is not None
        return "clean_rejections" if names and located else "unclear_rejections"
    return "tracebacks"


class Runner:
    def __init__(self, args, data_dir: Path):
        from typer.testing import CliRunner

        from foedus.cli import app

        self.args = args
        self.cli = CliRunner()
        self.app = app
        self.data_dir = data_dir
        self.readers: dict[str, Callable] = {}
        self.client = None
        self.foedus = [sys.executable, "-c", "import sys; from foedus.cli import main; sys.argv[0] = 'foedus'; main()"]
        self.env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}

    def warm_up(self, folder: Path) -> None:
        """Run the simulator once, untimed: its first run in a process compiles kernels."""
        from foedus.testing import synthetic_scenario

        (folder / "warm.yaml").write_text(synthetic_scenario(5, seed=1, years=2, alliances=1).to_yaml())
        self.cli.invoke(self.app, ["simulate", "--scenario", str(folder / "warm.yaml"), "--years", "2", "--out", str(folder / "warm")])

    # -- entry points
    def argv(self, case: Case, folder: Path) -> list[str]:
        if case.entry == "check":
            return ["scenario", "check", str(folder / case.target)]
        if case.entry == "simulate":
            return ["simulate", "--scenario", str(folder / case.target), "--years", "2", "--seed", "1", "--out", str(folder / "run")]
        if case.entry == "landscape":
            return ["landscape", str(folder / "actors.csv"), str(folder / "props.csv"), "--json"]
        if case.entry == "balance":
            return ["balance", str(folder / "edges.csv"), "--json"]
        if case.entry == "import":
            return ["data", "import", str(folder / "data"), "--db", str(folder / "store.duckdb")]
        raise ValueError(case.entry)

    def in_process(self, case: Case, folder: Path) -> tuple[str, str]:
        if case.entry == "reader":
            return self.read(case, folder)
        if case.entry == "upload":
            return self.upload(case)
        try:
            with _Timer(self.args.timeout):
                res = self.cli.invoke(self.app, self.argv(case, folder), catch_exceptions=True)
        except Hang:
            return "hangs", "no answer in time"
        if res.exception is not None and not isinstance(res.exception, SystemExit):
            import traceback

            return "tracebacks", "".join(traceback.format_exception(res.exception))[-3000:]
        return classify_exit(res.exit_code, res.output, case, case.invalid), res.output[-2000:]

    def read(self, case: Case, folder: Path) -> tuple[str, str]:
        from foedus.schema import SchemaError

        table = RAW[case.target][0]
        if table not in self.readers:
            self.readers[table] = _reader(table, self.data_dir)
        path = folder / "data" / case.target
        try:
            with _Timer(self.args.timeout):
                self.readers[table](path)
        except Hang:
            return "hangs", "no answer in time"
        except (SchemaError, ValueError, OSError) as e:  # what `foedus data import` turns into exit 2
            return classify_exit(2, str(e), case, case.invalid), str(e)[:2000]
        except Exception as e:  # noqa: BLE001 (a traceback in the program)
            import traceback

            return "tracebacks", "".join(traceback.format_exception(e))[-3000:]
        return classify_exit(0, "", case, case.invalid), ""

    def upload(self, case: Case) -> tuple[str, str]:
        if self.client is None:
            self._start_app()
        name = case.target
        data = case.files[name]
        try:
            with _Timer(self.args.timeout):
                resp = self.client.post("/api/jobs", files={"file": (name, data, "application/octet-stream")}, data={"years": "2"})
        except Hang:
            return "hangs", "no answer in time"
        if resp.status_code >= 500:
            return "tracebacks", f"{resp.status_code} {resp.text[:2000]}"
        if resp.status_code == 202:
            return ("wrong_successes" if case.invalid else "accepted"), ""
        try:
            msg = resp.json().get("error", "")
        except ValueError:
            msg = resp.text
        return classify_exit(2, msg, case, case.invalid), f"{resp.status_code} {msg[:2000]}"

    def _start_app(self) -> None:
        from fastapi.testclient import TestClient

        from foedus.web.app import Limits, create_app

        self._tmp = tempfile.mkdtemp(prefix="foedus-fuzz-web-")
        app = create_app(runs_dir=Path(self._tmp) / "runs", include_record=False, limits=Limits(max_upload_bytes=2 * 2**20))

        class _Job:
            def public(self):
                return {"id": "stub", "state": "queued"}

        app.state.jobs.submit = lambda scenario, years, seed: _Job()  # nothing is run: only the parsing is under test
        self.client = TestClient(app, raise_server_exceptions=False)

    def subprocess(self, case: Case, folder: Path) -> tuple[str, str]:
        import resource

        cpu = int(self.args.timeout) + 1

        def limit_cpu():  # the kernel ends the child (SIGXCPU) after this much CPU time
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))

        try:
            p = subprocess.run(
                self.foedus + self.argv(case, folder), env=self.env, capture_output=True, text=True,
                timeout=self.args.timeout * WALL_FACTOR, stdin=subprocess.DEVNULL, preexec_fn=limit_cpu,
            )
        except subprocess.TimeoutExpired:
            return "hangs", "no answer in time (subprocess, wall clock)"
        if p.returncode == -signal.SIGXCPU:
            return "hangs", f"no answer within {cpu} s of CPU (subprocess)"
        if p.returncode < 0:
            return "crashes", f"killed by signal {-p.returncode}: {p.stderr[-2000:]}"
        if "Traceback (most recent call last)" in p.stderr:
            return "tracebacks", p.stderr[-3000:]
        return classify_exit(p.returncode, p.stdout + p.stderr, case, case.invalid), (p.stdout + p.stderr)[-2000:]


# --------------------------------------------------------------------------- the campaign

def generate(rng: random.Random, n: int, data_dir: Path, share_import: float):
    """``n`` cases: about 45 % scenarios, 30 % CSV inputs, 25 % raw records."""
    scen, csvs, rec = ScenarioGen(rng), CsvGen(rng), RecordGen(rng, data_dir)
    for _ in range(n):
        u = rng.random()
        if u < 0.45:
            kind, name, data, invalid, whole = scen.make()
            entry = "check"
            if isinstance(data, bytes) and rng.random() < 0.12:
                entry = "upload"
            yield Case(entry, f"scenario/{kind}", {name: data}, invalid, name, whole)
        elif u < 0.75:
            if rng.random() < 0.5:
                kind, files, invalid, target, whole = csvs.landscape()
                # a defect in one file may show in the other (an actor cut from ACTORS is unknown in PROPENSITIES)
                yield Case("landscape", f"landscape/{kind}", files, invalid, target, whole, extra={"also": list(files)})
            else:
                kind, files, invalid, target, whole = csvs.balance()
                yield Case("balance", f"balance/{kind}", files, invalid, target, whole)
        else:
            f, kind, data, invalid, whole = rec.make()
            entry = "import" if rng.random() < share_import else "reader"
            yield Case(entry, f"record/{Path(f).name}/{kind}", {f: data}, invalid, f, whole)


def _prepare(case: Case, folder: Path, data_dir: Path) -> None:
    if case.entry in ("reader", "import"):
        d = folder / "data"
        if case.entry == "import":
            for f in RAW:  # the real files, linked; the damaged one written over its link
                if (data_dir / f).is_file():
                    (d / f).parent.mkdir(parents=True, exist_ok=True)
                    os.symlink(data_dir / f, d / f)
            os.unlink(d / case.target)
        _write(d, case.files)
    elif case.entry != "upload":
        _write(folder, case.files)


def run(args) -> Counter:
    from foedus.data.paths import default_data_dir

    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    rng = random.Random(args.seed)
    runner = Runner(args, data_dir)
    with tempfile.TemporaryDirectory(prefix="foedus-fuzz-") as tmp:
        runner.warm_up(Path(tmp))
    totals: Counter = Counter()
    by_label: dict[str, Counter] = {}
    save = Path(args.save) if args.save else None
    t0 = time.perf_counter()
    sub = 0
    for k, case in enumerate(generate(rng, args.inputs, data_dir, args.import_share)):
        with tempfile.TemporaryDirectory(prefix="foedus-fuzz-") as tmp:
            folder = Path(tmp)
            _prepare(case, folder, data_dir)
            special = any(not isinstance(v, bytes) for v in case.files.values()) or "deep" in case.label
            as_sub = case.entry not in ("reader", "upload") and (rng.random() < args.subprocess or (special and rng.random() < 0.25))
            outcome, detail = runner.subprocess(case, folder) if as_sub else runner.in_process(case, folder)
            sub += as_sub
            if outcome == "accepted" and case.entry == "check" and rng.random() < args.simulate_share:
                # a scenario the check accepts must also run: the simulator is the next entry point
                sim = Case("simulate", case.label + "+simulate", case.files, case.invalid, case.target, case.whole_file)
                outcome2, detail2 = runner.in_process(sim, folder)
                if outcome2 not in ("accepted", "clean_rejections"):
                    outcome, detail = outcome2, "simulate: " + detail2
        totals[outcome] += 1
        by_label.setdefault(case.label, Counter())[outcome] += 1
        if save is not None and outcome in ("tracebacks", "crashes", "hangs", "wrong_successes", "unclear_rejections"):
            _save(save, k, case, outcome, detail)
        if args.verbose and outcome in ("tracebacks", "crashes", "hangs", "wrong_successes"):
            print(f"[{k}] {case.label} ({case.entry}): {outcome}\n{detail[-1500:]}\n", file=sys.stderr)
        if (k + 1) % 250 == 0:
            print(f"  {k + 1} inputs, {time.perf_counter() - t0:.0f} s: {dict(totals)}", file=sys.stderr, flush=True)
    _report(totals, by_label, args, time.perf_counter() - t0, sub)
    return totals


def _save(save: Path, k: int, case: Case, outcome: str, detail: str) -> None:
    d = save / f"{k:05d}-{outcome}"
    d.mkdir(parents=True, exist_ok=True)
    for name, content in case.files.items():
        p = d / "input" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.with_name(p.name + ".special").write_text(repr(content))
    (d / "case.json").write_text(json.dumps({"entry": case.entry, "label": case.label, "invalid": case.invalid, "target": case.target, "outcome": outcome}, indent=1))
    (d / "detail.txt").write_text(detail)


def _report(totals: Counter, by_label: dict, args, seconds: float, sub: int) -> None:
    print(f"\nfuzz: seed {args.seed}, {sum(totals.values())} inputs in {seconds:.0f} s ({sub} as subprocesses)")
    width = max(len(k) for k in by_label)
    print(f"{'input kind':{width}}  " + "  ".join(f"{o[:10]:>10}" for o in OUTCOMES))
    for label in sorted(by_label):
        c = by_label[label]
        print(f"{label:{width}}  " + "  ".join(f"{c[o]:>10}" for o in OUTCOMES))
    print(f"unclear_rejections: {totals['unclear_rejections']}")
    print(f"accepted: {totals['accepted']}")
    print(f"inputs: {sum(totals.values())}")
    for o in ("clean_rejections", "tracebacks", "crashes", "hangs", "wrong_successes"):
        print(f"{o}: {totals[o]}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--inputs", type=int, default=10_000, help="number of generated inputs (default 10,000)")
    p.add_argument("--seed", type=int, default=0, help="seed of the generator (same seed, same inputs)")
    p.add_argument("--short", action="store_true", help="600 inputs: a quick look")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds before an input counts as a hang")
    p.add_argument("--subprocess", type=float, default=0.02, help="share of CLI inputs run as real subprocesses")
    p.add_argument("--simulate-share", type=float, default=0.2, help="share of accepted scenarios also simulated for 2 years")
    p.add_argument("--import-share", type=float, default=0.02, help="share of raw-file inputs run through the whole `data import`")
    p.add_argument("--data-dir", default=None, help="folder of the real records (default: FOEDUS_DATA_DIR or ../shared/data)")
    p.add_argument("--save", default=None, help="folder to keep every failing input in")
    p.add_argument("-v", "--verbose", action="store_true", help="print each failure as it happens")
    args = p.parse_args(argv)
    if args.short:
        args.inputs = 600
    totals = run(args)
    return 1 if any(totals[o] for o in ("tracebacks", "crashes", "hangs", "wrong_successes")) else 0


if __name__ == "__main__":
    sys.exit(main())

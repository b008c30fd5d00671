"""The README's worked example: alliances begun per year, 1815-2018, and Kaplan-Meier survival by period.

Run with ``.venv/bin/python docs/worked_example.py``; writes docs/worked_example.png.
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from foedus.analysis.formation import formation_per_year  # noqa: E402
from foedus.analysis.survival import survival_table  # noqa: E402
from foedus.data import open_record  # noqa: E402

record = open_record()
per_year = formation_per_year(record)
fig, ax = plt.subplots(figsize=(9, 3.2), dpi=110)
ax.bar(per_year.index, per_year.values, width=1.0, color="#35608d")
for y, label in ((1914, "WWI"), (1939, "WWII"), (1991, "USSR ends")):
    ax.axvline(y, color="#b33", lw=0.8, ls="--")
    ax.text(y + 1, per_year.max() * 0.92, label, color="#b33", fontsize=8)
ax.set(xlabel="year", ylabel="alliances begun", title="Alliances begun per year (ATOP 5.1, Leeds et al. 2002)")
fig.tight_layout()
fig.savefig("docs/worked_example.png", metadata={"Software": None})
print(survival_table(record))

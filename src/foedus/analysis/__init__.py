"""Measures of history, the same code for the imported record and for simulated runs."""

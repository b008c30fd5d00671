"""Reports: figures and self-contained HTML. Presentation only, no model logic."""

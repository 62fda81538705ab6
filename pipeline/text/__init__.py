"""Pure parsing and extraction functions (no Dagster imports)."""

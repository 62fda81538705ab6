"""Thin Dagster assets, one module per stage of the flow in docs/architecture.md."""

"""unres: United Nations resolutions as versioned, validated tables."""

from pipeline.load import load

__all__ = ["load"]

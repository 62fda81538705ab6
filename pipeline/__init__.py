"""unres: United Nations resolutions as versioned, validated tables."""

"""Turning input files into articles and headlines: one module per format, one pipeline."""

"""Experiments, result files, statistics, sensitivity analysis, calibration, plots and reports."""

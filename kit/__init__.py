"""discretion-kit: training and simulation kit for administrative discretion baselines (行政裁量权基准)."""

__version__ = "0.1.0"

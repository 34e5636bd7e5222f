"""The monthly processes, one module per process; each is a function of the model."""

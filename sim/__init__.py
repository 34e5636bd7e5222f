"""Kluit's model package: a regional labour market with employers, jobseekers, sheltered-work
participants and schools (Mesa 3.5, numpy state, networkx region)."""

__version__ = "0.1.0"

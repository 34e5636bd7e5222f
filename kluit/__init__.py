"""Kluit's front ends: the ``kluit`` command line and the Solara web UI."""

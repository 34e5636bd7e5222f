"""The Kluit web UI (Solara): compare policy packages, explore one run, follow one person.

``kluit ui`` serves :mod:`kluit.ui.app` with ``solara run``. The UI imports the model and the
analysis functions; nothing in ``sim`` or ``analysis`` imports the UI. Pure helpers (settings
in the address, scenario discovery, safe file names, formatting) live in :mod:`kluit.ui.state`,
matplotlib figures in :mod:`kluit.ui.figures`, and each view in its own module.
"""

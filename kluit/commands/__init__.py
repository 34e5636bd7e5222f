"""One module per ``kluit`` sub-command: ``add_parser(subparsers)`` and ``run(args) -> int``."""

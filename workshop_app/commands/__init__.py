"""Sub-commands of `workshop-app`, one module each.

Each module listed in `SUBCOMMANDS` has `register(subparsers)`, which adds its parser and sets
`func` to a function `(args) -> int` (the exit code). Command modules import the UI lazily, so that
`workshop-app diagnose` and friends start fast and run without a display.
"""

SUBCOMMANDS: tuple[str, ...] = ("diagnose", "sessions", "new", "open", "export", "importing",
                               "agreement")

"""The `capf` command: parser, the judging and document commands, and `main`."""

from capf.cli.main import main

__all__ = ["main"]

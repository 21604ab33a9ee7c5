"""The installed capf's version, as verdicts, SARIF logs and `capf --version` state it.

Apart from the evaluator so that `capf --version` loads no engine; importlib.metadata itself is
loaded only here (and by pydantic when it builds its first model).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    ENGINE_VERSION = version("capf")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    ENGINE_VERSION = "0+unknown"

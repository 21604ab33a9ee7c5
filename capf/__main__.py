"""`python -m capf` is the `capf` command."""

import sys

from capf.cli import main

sys.exit(main())

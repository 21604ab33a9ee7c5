"""`capf batch`: judge a portfolio of plans into a folder (capf.batch.run) written whole or not
at all (capf.batch.folder)."""

from capf.batch.folder import OUTPUT_NAMES, locked, refuse_overwriting, write_atomic
from capf.batch.run import default_jobs, overview_html, run_batch

__all__ = ["OUTPUT_NAMES", "default_jobs", "locked", "overview_html", "refuse_overwriting",
           "run_batch", "write_atomic"]

"""reconcile: find where sources about the same events disagree, and show the words."""

__version__ = "0.1.0"

from .api import check  # noqa: E402
from .report import Report  # noqa: E402

__all__ = ["Report", "__version__", "check"]

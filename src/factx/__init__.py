"""factx: people, titles, organizations, numbers and dates from news text, as JSON.

>>> import factx
>>> doc = factx.extract("date: 2024-03-05\n\nAcme CEO Jane Roe said revenue rose 12%.")
>>> doc.to_dict()["numbers"][0]["value"]
12
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .api import Failure, extract, extract_many, process
from .errors import FactxError
from .nlp import Settings
from .records import Document

try:
    __version__ = version("factx")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

__all__ = ["Document", "FactxError", "Failure", "Settings", "__version__", "extract", "extract_many", "process"]

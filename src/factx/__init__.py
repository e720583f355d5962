r"""factx: people, titles, organizations, numbers and dates from news text, as JSON.

>>> import factx
>>> doc = factx.extract("date: 2024-03-05\n\nAcme CEO Jane Roe said revenue rose 12%.")
>>> doc.to_dict()["numbers"][0]["value"]
12
>>> [d.source if isinstance(d, factx.Failure) else d.document_date for d in
...  factx.extract_many(["date: 2024-03-05\nSales rose.", "date: 2024-02-30\nSales rose."])]
['2024-03-05', '<text 1>']
>>> factx.extract(b"date: 2024-03-05\n\nS\xe3o Paulo's Ana Souza said sales rose 5%.").encoding
'cp1252'
"""

from __future__ import annotations

from .api import Failure, extract, extract_many, process
from .errors import FactxError
from .nlp import Settings, factx_version
from .records import Document, Producer

__version__ = factx_version()  # "0.0.0" when running from a source tree not installed

__all__ = ["Document", "FactxError", "Failure", "Producer", "Settings", "__version__", "extract", "extract_many",
           "process"]

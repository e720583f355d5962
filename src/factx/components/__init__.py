"""factx's spaCy components, one module per fact type; importing registers the factories."""

from . import dates, numbers, organizations, people, ruler, rules, titles

__all__ = ["dates", "numbers", "organizations", "people", "ruler", "rules", "titles"]

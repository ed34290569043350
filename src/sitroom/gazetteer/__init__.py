"""The offline gazetteer: compiled at install time from PyPI-shipped GeoNames data plus a curated table."""

from sitroom.gazetteer.build import GAZETTEER_VERSION, build_gazetteer
from sitroom.gazetteer.lookup import Candidate, Gazetteer, LazyGazetteer, ensure_built, gazetteer_path
from sitroom.gazetteer.names import name_key

__all__ = [
    "GAZETTEER_VERSION",
    "Candidate",
    "Gazetteer",
    "LazyGazetteer",
    "build_gazetteer",
    "ensure_built",
    "gazetteer_path",
    "name_key",
]

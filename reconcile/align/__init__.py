"""Alignment: which mentions name the same person, mission or spacecraft.

Modules: normalize (folding, transliteration), skeleton (romanisation variants),
names (person parsing and the pairwise rule), designators (mission designators and
serials), cluster (union-find, blocked scoring), core (the align pass).
"""

from .core import Alignment, align
from .designators import designator_key, same_designator
from .names import person_key, same_person

__all__ = ["Alignment", "align", "designator_key", "person_key", "same_designator", "same_person"]

"""People, organisations and places in an article body: gazetteers and rules merged with NER spans.

:func:`find_entities` reads a spaCy ``Doc`` over the cleaned body. The NER model's spans
(``doc.ents``; labels PER, ORG, LOC) are optional: without them the rules and gazetteers alone
run. The data of its own task (organisation gazetteer, organisation and place heads, word lists)
lives beside this module, see SOURCE.md; what it shares with other extractors (the place
gazetteers with Kemendagri codes, honorifics, degrees, job titles, speech cues) is in
``beritakit.lang.id``.
"""

from __future__ import annotations

from beritakit.extractors.entities._confidence import entity_confidence, entity_key
from beritakit.extractors.entities._find import find_entities
from beritakit.extractors.entities._hits import Entities, OrgHit, PersonHit, PlaceHit

__all__ = [
    "Entities",
    "OrgHit",
    "PersonHit",
    "PlaceHit",
    "entity_confidence",
    "entity_key",
    "find_entities",
]

"""Does a run of tokens look like a person's name? Evidence NER lacks on official and list-heavy text.

Strong evidence, from the lexicons in ``patterns/people.jsonl`` and ``patterns/given_names.jsonl``:
- a common given name followed by one or two capitalised words ("Marek Halas", "Tigist Alemu");
- a surname written first followed by a romanised given name: pinyin syllables for Chinese
  ("Sun Meiling", "He Guoqiang"), a hyphenated given name for Korean ("Park Jae-won");
- particles inside such a name ("Maarten van der Linden", "Khalid bin Saud Al Harthy").
No word of the run may be an organization head, a title or a place word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .patterns import PatternSet

_INITIALS = "zh|ch|sh|b|p|m|f|d|t|n|l|g|k|h|j|q|x|r|z|c|s|y|w"
_FINALS = ("iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui"
           "|un|ue|ve|vn|a|o|e|i|u|v")
_SYLLABLE = f"(?:(?:{_INITIALS})?(?:{_FINALS}))"
_PINYIN = re.compile(f"^{_SYLLABLE}'?{_SYLLABLE}?$")
_PLACE_SAINTS = {"san", "santa", "santo", "são", "sao", "st", "st.", "saint", "sainte", "ste"}
_INITIAL = re.compile(r"^[A-Z]\.$")  # "G." in "James G. Blight"
_HYPHENATED = re.compile(r"^[A-Z][a-z]+-[a-z]+$")  # "Jae-won", "Wei-ting"


# prepositions after which a one-word name that is neither a person's nor an organization's word is a
# place ("in Koraput", "near Ballito"): read by people (collect.py) and organizations alike
LOCATIVE = frozenset({"in", "near", "across", "throughout", "outside", "within"})


def after_locative(doc: Doc, span: Span) -> bool:
    """``span`` right after a locative preposition ("in Koraput"); not a possessor ("in Kennedy's
    assassination": the preposition governs the possessor's noun, not the name)."""
    return span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE \
        and not (span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s"))


def is_pinyin_given_name(word: str) -> bool:
    """"Meiling", "Guoqiang", "Ping": one or two pinyin syllables, capitalised."""
    return word[:1].isupper() and word[1:].islower() and bool(_PINYIN.match(word.lower()))


class NameShapes:
    """Judge token runs as person names with the name lexicons and the words that rule a name out."""

    def __init__(self, patterns: PatternSet):
        self.given = set(patterns.words("GIVEN_NAME"))
        self.surname_first = set(patterns.words("SURNAME_FIRST"))
        # Vietnamese names: a surname and two or three one-syllable names ("Nguyễn Thị Thu Hà")
        self.vietnamese = {w for w, tradition in patterns.words("SURNAME_FIRST").items() if tradition == "vietnamese"}
        self.particles = set(patterns.words("NAME_PARTICLE"))
        self.titles = set(patterns.words("TITLE"))
        self.place_words = set(patterns.words("NOT_NAME"))  # "Fort", "Lake", "Street": words of no name
        self.not_name = (set(patterns.words("ORG_HEAD")) | set(patterns.words("NOT_NAME"))
                         | set(patterns.words("TITLE")) | set(patterns.words("NOT_ORG")))

    def is_particle(self, token: Token) -> bool:
        return token.lower_ in self.particles

    def particle_end(self, doc: Doc, k: int) -> int:
        """End of the name particle starting at token ``k`` (``k`` when there is none): one word ("bin",
        "arap") or a particle the tokenizer splits at its slash ("a/l", "a/p": three tokens, no spaces)."""
        if k >= len(doc) or not doc[k].is_lower:
            return k
        if doc[k].lower_ in self.particles:
            return k + 1
        end = k + 3
        if end <= len(doc) and not doc[k].whitespace_ and not doc[k + 1].whitespace_ \
                and doc[k:end].text.lower() in self.particles:
            return end
        return k

    def is_name(self, tokens: Span) -> bool:
        """True when ``tokens`` (2-5 tokens, hyphens as tokens) look like one person's full name."""
        words = _words(tokens)
        if words is None or not 2 <= len(words) <= 5:
            return False
        if tokens.start > 0 and tokens.doc[tokens.start - 1].lower_ in _PLACE_SAINTS:
            return False  # "San Francisco Chronicle", "São Paulo", "St John Ambulance"
        if any(w.lower() in self.not_name for w in words):
            return False
        first, second = words[0], words[1]
        if not first[:1].isupper():
            return False
        if len(words) == 2 and first.lower() in self.surname_first and (
            is_pinyin_given_name(second) or _HYPHENATED.match(second)
        ):
            return True
        if 3 <= len(words) <= 4 and first.lower() in self.vietnamese and all(
                w[:1].isupper() and w[1:].islower() and w.isalpha() and len(w) <= 6 for w in words):
            return True
        if _INITIAL.match(words[-1]):
            return False
        capitalised = [w for w in words if w.lower() not in self.particles and not _INITIAL.match(w)]
        if not all(w[:1].isupper() and (w[1:].islower() or "-" in w or "'" in w) for w in capitalised):
            return False
        given = first.lower() in self.given or first.split("-")[0].lower() in self.given  # "Lars-Erik", "Jean-Verdy"
        return given and len(capitalised) <= 4 and words[-1].lower() not in self.particles


def _words(tokens: Iterable[Token]) -> list[str] | None:
    """Tokens joined into words where a hyphen or apostrophe glues them ("Asante", "-", "Mensah")."""
    words: list[str] = []
    glue = False
    for tok in tokens:
        if tok.text in ("-", "'", "’") and words and not tok.whitespace_ and not tok.nbor(-1).whitespace_:
            words[-1] += tok.text
            glue = True
            continue
        if not tok.is_alpha and not (words and not glue and _INITIAL.match(tok.text)):
            return None  # a middle initial ("James G. Blight") is a word of the name
        if glue:
            words[-1] += tok.text
            glue = False
        else:
            words.append(tok.text)
    return words if not glue else None

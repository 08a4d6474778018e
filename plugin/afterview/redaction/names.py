"""Names: how a known person's name is seen by the matcher (folded words, the
words that identify alone, initials), and where a whole name stands in a text's
words in any of its usual forms. Also the person fields' helpers: initials, a
role that names no one, names found in free text."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable

from afterview.redaction.fold import fold_text

HONORIFICS = frozenset("mr mrs ms mx miss dr prof sir madam jr sr ii iii phd md".split())
PARTICLES = HONORIFICS | frozenset(
    "de del della der den di da das do dos du la le van von ten ter bin binti ibn al el"
    " mc st".split()
)
# Words that say who, without naming anyone: a person field made only of these
# ("the recruiter", "HR team") is kept as written.
ROLE_WORDS = frozenset(
    "the a an and or of from at in with my their our her his your team hr recruiter"
    " recruiters recruiting recruitment hiring manager managers front desk reception"
    " receptionist office assistant coordinator talent people human resources lead panel"
    " interviewer interviewers staff someone unknown nobody no one them they company"
    " department director engineer engineering ceo cto cfo founder everyone".split()
)
# Given names or surnames that are also everyday words: alone, they are replaced
# only when capitalised ("Will said" but not "I will call").
COMMON_WORDS = frozenset(
    "will may june april august grace hope faith joy rose lily ivy iris dawn eve sky"
    " summer autumn winter spring mark bill bob art ray frank rich jack pat sue chip"
    " dean page hall wood young brown green white black gray grey king long little"
    " love bright moore rice lane park hill field ford cook baker smith taylor carter"
    " hunter price bell booth cross dale day early fair fox gay gold good hart"
    " hardy holly joy justice lake major march miles north rain read reed rock rush"
    " sharp short small snow stone storm strong sweet swift wise wolf west east"
    " south case chase child christian clay cliff crystal dash drew drake gene glen"
    " guy hunt jewel kit lance lee luck mason max nick noble penny pearl ruby sage"
    " sterling tab terry van vale victor wade ward will wells".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _tokens(name: str) -> list[str]:
    """The folded words of a name, initials included ('j.' -> 'j')."""
    out = []
    for raw in re.split(r"[\s,;/()<>\"]+", fold_text(name)):
        word = raw.strip(".'-")
        if word and not any(c.isdigit() for c in word) and "@" not in word:
            out.append(word)
    while len(out) > 1 and out[0] in HONORIFICS:  # "Dr Dana Whitfield"
        out = out[1:]
    while len(out) > 1 and out[-1] in HONORIFICS:  # "Dana Whitfield Jr."
        out = out[:-1]
    return out


_TRANSLITERATED = re.compile(r"(?<=[aou])e|(?<=s)s")


def _canon(word: str) -> str:
    """A folded word without its apostrophes and hyphens ("o'brien-smith" ->
    "obriensmith"), its German transliterations folded as its umlauts are
    ("mueller" and "müller" -> "muller", "strauss" and "strauß" -> "straus")."""
    return _TRANSLITERATED.sub("", word.replace("'", "").replace("-", ""))


def _canons(words: Iterable[str]) -> frozenset[str]:
    return frozenset(_canon(w) for w in words)


# A word of folded text: letters and digits, joined by apostrophes (a hyphen, an
# underscore, a dot or a space separates words; "smith-jones" is matched as two).
_TEXT_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_JOIN = re.compile(r" ?-? ?")  # between the parts of one word: "smith-jones", "o brien"
_SEPARATORS = re.compile(r"[\s_.-]{1,4}")  # between the words of one name
_COMMA = re.compile(r"[\s_]{0,3},[\s_]{0,3}|[\s_.-]{1,4}")  # "Surname, Given" or a space


@dataclasses.dataclass(frozen=True)
class _Word:
    start: int
    end: int
    canon: str


def words_of(folded: str) -> list[_Word]:
    """The words of a folded text; a possessive 's is left out of its word."""
    out = []
    for m in _TEXT_WORD.finditer(folded):
        word, end = m.group(), m.end()
        if word.endswith("'s") and len(word) > 3:
            word, end = word[:-2], end - 2
        out.append(_Word(m.start(), end, _canon(word)))
    return out


@dataclasses.dataclass
class Name:
    """One person's name as the matcher sees it: folded words, their initials."""

    first: str  # canonical folded words (see _canon)
    last: str
    middles: frozenset[str]
    singles: frozenset[str]  # the words that identify alone
    common: frozenset[str]  # singles that are also everyday words
    replacement: str
    size: int  # the number of words, to try longer names first


_NOT_ALONE = _canons(PARTICLES | ROLE_WORDS)  # as the matcher's words (see _canon)
_COMMON = _canons(COMMON_WORDS)
HONORIFIC_WORDS = _canons(HONORIFICS - {"jr", "sr", "ii", "iii", "phd", "md"})


def name_words(name: str) -> Name | None:
    """The matcher's view of one name, or None for a name with nothing to match."""
    tokens = [t for t in _tokens(name) if t not in ROLE_WORDS or len(_tokens(name)) == 1]
    canons = [_canon(t) for t in tokens]
    words = [c for c in canons if len(c) >= 2]
    if not words:
        return None
    singles = {c for c, t in zip(canons, tokens, strict=True) if len(c) >= 2}
    singles -= _NOT_ALONE
    if len(tokens) == 1 and not singles:
        singles = set(words)
    # the parts of a joined name alone too ("Smith" of "O'Brien-Smith", "Brien")
    for t in tokens:
        parts = {_canon(p) for p in re.split(r"['-]", t) if len(p) >= 2}
        singles |= parts - _NOT_ALONE if len(parts) > 1 or "'" in t else set()
    if len(canons) >= 2:  # run together, as in an address or a handle: "danawhitfield"
        first, last = canons[0], canons[-1]
        singles |= {first + last, last + first}
        if len(last) >= 3:  # a handle of an initial and the surname: "dwhitfield", "whitfieldd"
            singles |= {first[0] + last, last + first[0]} - _NOT_ALONE - _COMMON
    return Name(
        first=canons[0],
        last=canons[-1],
        middles=frozenset(canons[1:-1]),
        singles=frozenset(singles),
        common=frozenset(c for c in singles if c in _COMMON),
        replacement=initials(name),
        size=len(canons),
    )


def _match_word(words: list[_Word], i: int, canon: str, f: str) -> int | None:
    """The index after the words from i that spell canon (one word, or up to three
    written apart: "o brien" for "obrien"), else None."""
    joined = ""
    for j in range(i, min(i + 3, len(words))):
        if j > i and not _JOIN.fullmatch(f[words[j - 1].end : words[j].start]):
            return None
        joined += words[j].canon
        if joined == canon:
            return j + 1
        if not canon.startswith(joined):
            return None
    return None


def gap(words: list[_Word], j: int, f: str, pattern: re.Pattern[str] = _SEPARATORS) -> bool:
    """True when only separators stand between word j-1 and word j."""
    if not 0 < j < len(words):
        return False
    return pattern.fullmatch(f[words[j - 1].end : words[j].start]) is not None


def joined_at(words: list[_Word], i: int, f: str) -> list[tuple[str, int]]:
    """The word at i, and it run together with the next one or two when only a space
    parts them ("o brien" also as "obrien"), each with the index after it."""
    out, joined = [], ""
    for j in range(i, min(i + 3, len(words))):
        if j > i and not _JOIN.fullmatch(f[words[j - 1].end : words[j].start]):
            break
        joined += words[j].canon
        out.append((joined, j + 1))
    return out


def whole_name(
    name: Name, words: list[_Word], i: int, f: str, capital: Callable[[int], bool]
) -> int | None:
    """Where a whole name starting at word i ends (a position in f), in any of its
    forms, else None. Between given name and surname may stand initials, the
    name's own middle names, or other capitalised words ("Dana Jane Whitfield")."""
    if name.size < 2:
        return None
    # Given [middle names or initials] Surname
    j = _match_word(words, i, name.first, f)
    for _ in range(4):
        if j is None or not gap(words, j, f):
            break
        end = _match_word(words, j, name.last, f)
        if end is not None:
            return words[end - 1].end
        w = words[j]
        if len(w.canon) == 1 or w.canon in name.middles or capital(w.start):
            j += 1
        else:
            break
    # Surname, Given [initials.] and Surname Given
    j = _match_word(words, i, name.last, f)
    if j is None or not gap(words, j, f, _COMMA):
        return None
    end = _match_word(words, j, name.first, f)
    if end is None:
        return None
    stop = words[end - 1].end
    for _ in range(3):  # then initials ("J."), middle names, or a capitalised word
        if not gap(words, end, f):
            break
        w = words[end]
        dot = f[w.end : w.end + 1] == "."
        if len(w.canon) == 1 and dot:
            stop, end = w.end + 1, end + 1
        elif w.canon in name.middles or (len(w.canon) > 1 and capital(w.start)):
            stop, end = w.end, end + 1
        else:
            break
    return stop


def initials(name: str) -> str:
    """'Dana Whitfield' -> 'D. W.' (idempotent: 'D. W.' stays 'D. W.')."""
    words = _WORD.findall(" ".join(strip_contacts(name).split()))
    skip = ROLE_WORDS | HONORIFICS
    letters = [w[0].upper() for w in words if fold_text(w).strip(".'-") not in skip]
    return " ".join(f"{c}." for c in letters) or "?"


def strip_contacts(text: str) -> str:
    """The text without email addresses, phone numbers and bracketed parts."""
    text = re.sub(r"<[^>]*>|\([^)]*\)|\[[^\]]*\]", " ", text)
    text = re.sub(r"\S+@\S+", " ", text)
    return re.sub(r"[+\d][\d\s().\-/]*", " ", text)


_NAME_LIKE = re.compile(r"^\s*(?:[^\W\d_][\w'’.-]*\s+){1,3}[^\W\d_][\w'’.-]*\s*$")


def looks_like_name(text: str) -> bool:
    """Two to four words, each starting with a capital letter: 'Hana Petrova'."""
    return bool(_NAME_LIKE.match(text)) and all(w[0].isupper() for w in text.split())


def is_role(text: str) -> bool:
    """True for a person field that names no one: 'the recruiter', 'HR team'."""
    words = [fold_text(w).strip(".'-") for w in _WORD.findall(strip_contacts(text))]
    return all(w in ROLE_WORDS for w in words)


_CAPITAL_RUN = re.compile(r"(?<!\w)(?:[^\W\d_a-z][\w'’-]+)(?:[ \t]+[^\W\d_a-z][\w'’-]+){1,3}")
_ORG_WORDS = frozenset(
    "team group inc ltd llc gmbh corp co company department dept data analytics"
    " engineering sales marketing finance hr people labs university school bank"
    " recruiting talent office the and of for".split()
)


_LEADING_WORDS = frozenset(
    "ask call contact email mail write see try reach talk speak meet message ping text"
    " via from with per referred referral maybe also then apply thanks dear hi hello".split()
)


def names_in_free_text(text: str, companies: Iterable[str] = ()) -> list[str]:
    """Runs of two to four capitalised words that look like a person's name
    (used for ``outcome.referrals``): not a company of the records, no org word."""
    company_words = [_name_parts(c) for c in companies if c]
    out = []
    for m in _CAPITAL_RUN.finditer(text):
        originals = m.group().split()
        words = [fold_text(w).strip(".'-") for w in originals]
        while words and words[0] in _LEADING_WORDS:  # "Ask Marisol Vance": a verb first
            words, originals = words[1:], originals[1:]
        if len(words) < 2 or any(w in _ORG_WORDS for w in words):
            continue
        # A company of the records, or words of one ("Northwind" of "Northwind Traders"),
        # word for word: never a substring of characters ("Ma" is in "Marisol").
        run = tuple(_canon(w) for w in words)
        if any(_within(run, c) for c in company_words):
            continue
        out.append(" ".join(originals))
    return out


def _name_parts(text: str) -> tuple[str, ...]:
    return tuple(_canon(w.strip(".'-")) for w in fold_text(text).split() if w.strip(".'-"))


def _within(run: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """True when run is words, or a run of consecutive words of it."""
    n = len(run)
    return any(words[i : i + n] == run for i in range(len(words) - n + 1))


# Scripts written without spaces between words (Han, kana, Hangul as written with its
# particles, Thai, Lao, Khmer, Myanmar): a name is one "word" with the text around it.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3040-\u30ff\u3130-\u318f"
    "\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0002ffff]"
)


def unspaced_keys(name: Name) -> set[str]:
    """The words of a name in a script written without spaces, each alone and all run
    together, to be found inside runs of characters (two characters at least); a word
    of three or four characters also by its first two and its last two, since a name
    written as one word (family and given name together) is often cut in two."""
    parts = [name.first, *sorted(name.middles), name.last] if name.size > 1 else [name.first]
    keys = set(parts) | {"".join(parts), name.last + name.first}
    for part in parts:  # written as one word: its first and last two characters too
        if 3 <= len(part) <= 4:  # ("山田" and "太郎" of "山田太郎", "小明" of "王小明")
            keys |= {part[:2], part[-2:]}
    return {k for k in keys if len(k) >= 2 and _UNSPACED.search(k)}

"""Passive constructions ("lijdende vorm"): "Uw aanvraag wordt door ons beoordeeld".

Plain-language guidance asks for active sentences because a passive hides who acts, and on a service page the
reader needs exactly that: who sends the letter, who decides, who must pay. This is a heuristic for a WARNING,
tuned to say nothing rather than something wrong:

Dutch: a form of "worden" (wordt, werd, worden, werden, geworden) or "zijn" (is, zijn, was, waren, ben, bent)
with a past participle in the same clause (clauses end at a comma or a conjunction such as "en", "omdat",
"dat"), up to 12 words after it ("wordt binnen acht weken door de gemeente beoordeeld") or 4 before it ("als
de aanvraag goedgekeurd is"). Participles: ge-…-d/t with or without a separable prefix (aangevraagd,
opgestuurd), be-/ver-/ont-/her-/er-…-d/t (betaald, verstuurd), and a list of strong ones (gegeven, genomen,
ontvangen, opgenomen). Not counted: "zijn"/"is" with verbs that form their perfect with "zijn" ("is
verhuisd", "is verlopen", "is gebeurd": active), and participles used as adjectives ("is gesloten", "bent
verplicht", "is bedoeld voor"). Plural nouns that look like participles ("gemeenten", "gesprekken") are
never matched, because ge-…-en forms are only accepted from the list.

"zijn" + participle is reported with an agent ("is door de gemeente vastgesteld"), or without one in a
sentence of more than 12 words ("De subsidie is aan de vereniging toegekend nadat ..."). In a short sentence
Dutch uses it as often for a state ("het loket is gesloten", "is het gestolen?", "uw pakket is bezorgd") as
for an action, the reader loses nothing, and a warning on every such sentence would teach editors to ignore
the rule. With an agent the participle may stand up to 12 words after "is" (the agent shows it is an
action); without one, up to 6. A capitalised word inside a sentence is a name ("in Voorbeeld"), never a
participle.

Modal and future forms need nothing extra: in "zal ... worden verleend", "moet ... worden voldaan" the form
of "worden" is the auxiliary. Strong participles with an inseparable prefix are found from their ge- form
("besloten" like "gesloten", "voldaan" like "gedaan"). "als" ends a clause only when a subject follows
("als u ...", "als de aanvraag ..."): "als monument bestempeld" is one clause.

English: am/is/are/was/were/be/been/being/get/got + at most two adverbs + a past participle (-ed or
irregular).

An optional agent ("door de gemeente", "by the council") is reported too: it names the subject to put first.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .analysis import Sentence, Word


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (easier to read and edit than a list of quoted words)."""
    return frozenset(text.split())


AUX_NL_WORDEN = frozenset({"word", "wordt", "worden", "werd", "werden", "geworden"})
AUX_NL_ZIJN = frozenset({"is", "zijn", "was", "waren", "ben", "bent"})
AUX_EN = frozenset({"am", "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten"})

#: Words that start a new clause: a participle behind them belongs to another verb.
CLAUSE_WORDS_NL = _words(
    "en maar omdat want of als dat die wanneer zodat terwijl nadat voordat doordat waardoor waarna tenzij "
    "hoewel indien zodra totdat toen wat wie waar dan"
)
CLAUSE_WORDS_EN = _words("and but because so or which that who when while if unless after before")

SEPARABLE_PREFIXES = tuple(
    sorted(
        _words(
            "aan af bij binnen buiten dicht door goed in kwijt los mee na neer om onder op open over "
            "rond samen tegen terug teweeg thuis toe uit vast voor vrij weg"
        ),
        key=len,
        reverse=True,
    )
)

#: Strong participles in ge-…-en (also reached with a separable prefix: "opgenomen" = op + genomen).
STRONG_GE = _words(
    """
    gebeden geboden gebonden gebroken gedragen gedreven gedwongen gegeten gegeven gegoten gegraven gehangen
    geheten geholpen gehouden gekozen gekregen geladen gelaten geleden gelezen gemeten genomen genoten
    geroepen geschoten geschreven gesloten gesproken gestoken getrokken getroffen gevangen gevonden gewezen
    gewogen gewonnen gezonden gezien gedaan gebracht gedacht gekocht gezocht geslagen gestolen gegraven
    geweven gemeden geschonken gesteken gevraagd gestaan geheven gekeken gesneden geschoven gestreden
    """
)
#: Strong participles without ge- (verbs with an inseparable prefix).
STRONG_PLAIN = _words(
    """
    ontvangen verkregen besproken beschreven verzonden bevolen bezocht verboden verbonden ontnomen onderzocht
    onderbroken ondernomen ontslagen ontheven bewezen verworven verleden vergeven verstoten verweten
    onderschreven overwogen bedongen bevonden
    """
)
#: Inseparable prefixes that take the place of ge- in a strong participle: be-sloten (ge-sloten), vol-daan
#: (ge-daan), ver-kregen (ge-kregen).
INSEPARABLE_STRONG = ("ont", "ver", "her", "be", "er", "vol", "mis")
#: Look like participles, are nouns or adjectives here.
NOT_PARTICIPLES_NL = _words(
    """
    bestand beleid bezit verband bericht herfst gebied gezicht gewicht gerecht gedicht gebit geduld gezond
    besluit verbod verstand herkomst ernst verkeerd betekent bedoelt beeld behoud
    gemeenteraad geluid geweld gewest gevecht gehucht genot gebod
    gemiddeld geldt geldend bestaand gehandicapt geschikt bereid verschuldigd gerechtigd verantwoord
    bedrijf verhaal
    """
)
#: Participles that describe a state ("het loket is gesloten"): not worth a warning after "zijn".
STATIVE_NL = _words(
    """
    gesloten geopend bedoeld verplicht getrouwd gescheiden geboren gewend bekend betrokken gevestigd gelegen
    verzekerd bevoegd beperkt verbonden verkrijgbaar gehuwd verloofd geïnteresseerd benodigd
    """
)
#: Verbs whose perfect uses "zijn" ("is verhuisd"): active, not passive.
ZIJN_ACTIVE_NL = _words(
    """
    gegaan gekomen geweest gebleven geworden begonnen gebeurd verhuisd overleden gestorven vertrokken
    aangekomen teruggekomen veranderd verdwenen gelukt mislukt gestopt opgehouden gevallen gebleken gestegen
    gedaald gegroeid ontstaan verlopen vergeten geslaagd verschenen ingegaan afgelopen gereden gelopen
    gevlogen gereisd toegenomen afgenomen opgegroeid thuisgekomen binnengekomen gestart geëindigd geland
    meegegaan geschrokken teruggegaan uitgegaan doorgegaan langsgekomen verschoven
    """
)
#: -end is a present participle ("verschillend"), except in these past participles.
END_PARTICIPLES_NL = frozenset({"erkend", "herkend", "ontkend", "verwend", "gekend", "miskend"})

IRREGULAR_EN = _words(
    """
    done given taken sent made paid seen known shown written held kept found built brought bought told chosen
    spoken left met set put read sold won lost held led meant heard felt taught thought caught sought
    understood forgotten begun drawn driven eaten fallen flown grown hidden ridden risen shaken stolen sworn
    thrown torn worn woken broken frozen chosen beaten bitten bound dealt fed forbidden forgiven hung laid
    lent lit overtaken overseen proven shut spent split spread struck stuck withdrawn undertaken issued
    """
)
NOT_PARTICIPLES_EN = _words(
    """
    need indeed feed seed speed bed red shed hundred sacred naked wicked based located interested married
    divorced tired supposed pleased concerned involved qualified entitled closed aged used exceed proceed
    succeed
    """
)
ADVERBS_EN = _words(
    "not also then usually always often never only automatically fully already still just normally "
    "generally sometimes currently being"
)
AGENT = {"nl": "door", "en": "by"}
#: "door middel van", "by means of", "by post": "door"/"by" that does not name who acts.
NOT_AGENTS = {"nl": _words("middel"), "en": _words("means way post email e-mail phone then now far")}
#: How far after a form of "worden" / "zijn" we look for the participle. "zijn" gets a shorter reach: its
#: participle closes the clause ("is door ons ontvangen"), and a long reach mistakes nouns for participles.
REACH_WORDEN = 12
REACH_ZIJN = 6
#: A "zijn" passive without an agent is reported from this sentence length on (see the docstring).
ZIJN_WITHOUT_AGENT_WORDS = 13
#: After "als", these start a clause ("als u ...", "als de aanvraag ..."); otherwise "als" means "as".
CLAUSE_AFTER_ALS = _words("u ik je jij hij zij ze we wij men er het de deze die dit dat uw hun")

_VOWEL_LETTERS = frozenset("aeiouyëïéè")
_GE_WEAK = re.compile(r"ge[^\W\d_]{2,}[dt]")
_INSEPARABLE_WEAK = re.compile(r"(?:be|ver|ont|her|er)[^\W\d_]{2,}[dt]")


class Passive(NamedTuple):
    """A passive construction in a sentence; offsets are in `sentence.text`."""

    auxiliary: Word
    participle: Word
    #: The text from the first to the last of the two words ("wordt door ons beoordeeld").
    fragment: str
    start: int
    #: The agent after "door"/"by" ("de gemeente"), or "" when the sentence does not say who acts.
    agent: str


def _strip_separable(word: str) -> str:
    for prefix in SEPARABLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 5:
            rest = word[len(prefix) :]
            if rest.startswith(("ge", "be", "ver", "ont", "her")):
                return rest
    return word


def is_participle_nl(word: str) -> bool:
    """True for a Dutch past participle (lowercase input): gemaakt, aangevraagd, betaald, opgenomen."""
    if (
        len(word) < 5
        or word in NOT_PARTICIPLES_NL
        or word.endswith(("heid", "schap"))
        or word.startswith("gemeente")
    ):
        return False
    if word in STRONG_PLAIN or word in STRONG_GE:
        return True
    core = _strip_separable(word)
    if core in STRONG_GE or core in STRONG_PLAIN:
        return True
    if core.endswith("en") or core.endswith("aan"):
        for prefix in INSEPARABLE_STRONG:
            if core.startswith(prefix) and "ge" + core[len(prefix) :] in STRONG_GE:
                return True
    # "-end" after a consonant is a present participle (verschillend, bepalend), except in ge- forms (geopend,
    # gemeend) and in the listed past participles; after a vowel it is past (verleend, verdiend).
    if (
        core.endswith("end")
        and not core.startswith("ge")
        and core[-4:-3] not in _VOWEL_LETTERS
        and core not in END_PARTICIPLES_NL
    ):
        return False
    if core in NOT_PARTICIPLES_NL:
        return False
    return bool(_GE_WEAK.fullmatch(core) or _INSEPARABLE_WEAK.fullmatch(core))


def is_participle_en(word: str) -> bool:
    if word in IRREGULAR_EN:
        return True
    return len(word) >= 5 and word.endswith("ed") and word not in NOT_PARTICIPLES_EN


def _clause_bounds(sentence: Sentence, index: int, clause_words: frozenset[str]) -> tuple[int, int]:
    """First and last word index of the clause around word `index`."""
    words = sentence.words
    marks = sentence.marks
    first = index
    while first > 0 and first not in marks and words[first].lower not in clause_words:
        first -= 1
    if words[first].lower in clause_words and first < index:
        first += 1
    last = index
    while (
        last + 1 < len(words)
        and (last + 1) not in marks
        and not _starts_clause(words, last + 1, clause_words)
    ):
        last += 1
    return first, last


def _starts_clause(words: tuple[Word, ...], index: int, clause_words: frozenset[str]) -> bool:
    lower = words[index].lower
    if lower != "als" or lower not in clause_words:
        return lower in clause_words
    return index + 1 < len(words) and words[index + 1].lower in CLAUSE_AFTER_ALS


def _agent(sentence: Sentence, lo: int, hi: int, lang: str) -> str:
    """The one or two words after "door"/"by" in the clause: who acts ("de gemeente", "ons")."""
    words = sentence.words
    participle = is_participle_nl if lang == "nl" else is_participle_en
    for index in range(lo, min(hi + 1, len(words))):
        if words[index].lower != AGENT[lang]:
            continue
        if index + 1 < len(words) and words[index + 1].lower in NOT_AGENTS[lang]:
            continue
        taken: list[Word] = []
        for after in range(index + 1, min(index + 3, len(words))):
            lower = words[after].lower
            if after in sentence.marks or participle(lower) or lower in AUX_NL_WORDEN or lower in AUX_NL_ZIJN:
                break
            taken.append(words[after])
        if taken:
            return sentence.text[taken[0].start : taken[-1].end]
    return ""


def _passives_nl(sentence: Sentence) -> list[Passive]:
    words = sentence.words
    found: list[Passive] = []
    used: set[int] = set()
    for index, word in enumerate(words):
        lower = word.lower
        worden = lower in AUX_NL_WORDEN
        if not worden and lower not in AUX_NL_ZIJN:
            continue
        first, last = _clause_bounds(sentence, index, CLAUSE_WORDS_NL)
        agent = _agent(sentence, first, last, "nl")
        reach = REACH_WORDEN if worden or agent else REACH_ZIJN
        candidates = list(range(index + 1, min(last, index + reach) + 1)) + list(
            range(index - 1, max(first, index - 4) - 1, -1)
        )
        for other in candidates:
            if other in used:
                continue
            part = words[other].lower
            if words[other].tag != "word" or not is_participle_nl(part):
                continue
            if other > 0 and words[other].text[:1].isupper():
                continue  # a name ("in Voorbeeld"), not a participle
            if other > 0 and words[other - 1].lower == "te":
                continue
            if not worden and (part in ZIJN_ACTIVE_NL or part in STATIVE_NL):
                continue
            lo, hi = min(index, other), max(index, other)
            if not worden and not agent and len(words) < ZIJN_WITHOUT_AGENT_WORDS:
                break  # "is betaald", "is het gestolen?": a state as often as an action; see the docstring
            used.add(other)
            found.append(
                Passive(
                    word, words[other], sentence.text[words[lo].start : words[hi].end], words[lo].start, agent
                )
            )
            break
    return found


def _passives_en(sentence: Sentence) -> list[Passive]:
    words = sentence.words
    found: list[Passive] = []
    for index, word in enumerate(words):
        if word.lower not in AUX_EN:
            continue
        other = index + 1
        while other < len(words) and other - index <= 3 and words[other].lower in ADVERBS_EN:
            other += 1
        if other >= len(words) or other - index > 3 or other in sentence.marks:
            continue
        if words[other].tag != "word" or not is_participle_en(words[other].lower):
            continue
        _, last = _clause_bounds(sentence, other, CLAUSE_WORDS_EN)
        found.append(
            Passive(
                word,
                words[other],
                sentence.text[word.start : words[other].end],
                word.start,
                _agent(sentence, other, last, "en"),
            )
        )
    return found


def find_passives(sentence: Sentence) -> list[Passive]:
    """The passive constructions in one sentence, in order."""
    if sentence.lang == "nl":
        return _passives_nl(sentence)
    return _passives_en(sentence)

"""Blank out boilerplate in an article's text, keeping every offset.

``clean`` never deletes: it replaces what is not the article (navigation,
legal notices, captions, trailing lists of other stories, the headline) by
spaces of the same length and keeps the newlines, so an offset into the
cleaned text points at the same character of the original. The rules are data
(``data/boilerplate.json``); this module only applies them.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path

TITLE_RULE = "title"
WRAP_RULE = "hard-wrap"  # a line break a wrapper made inside a paragraph
REPEATED_RULE = "repeated-caption"
_BLANKABLE = re.compile(r"[^\n]")
_FINAL_PUNCTUATION = tuple('.!?…:;"”’\'»')
_CAPTION_LETTERS = 0.6
_FULL_STOPS = (".", '."', ".”", ".’")  # also inside a closing quote: '... with "concrete deeds."'
_SENTENCE_END = (*_FULL_STOPS, "!", "?")
# "Bush meets Blair (AP)AP - President Bush met ...": a wire item's headline and credit, glued to its first sentence.
_GLUED_CREDIT = re.compile(r"\((?P<wire>[A-Z][\w.' ]{0,40})\)(?P=wire)\s*[-–—]+\s*")
# "Karzai in Pakistan for Talks ISLAMABAD (Reuters) - Afghan President ...": a headline run into the dateline, on
# one line (1,021 news-68k items); the dateline stays, as it does below a headline of its own.
_GLUED_DATELINE = re.compile(r"[ \t]+(?=[A-Z][A-Z.'-]+(?:[ \t][A-Z][A-Z.'-]+)*(?:,[ \t][A-Z][\w.]*(?:[ \t][\w.]+){0,2})?"
                             r"[ \t]+\([A-Z][\w.' ]{0,40}\)[ \t]*[-–—])")


class Scope(StrEnum):
    LINE = "line"
    PARAGRAPH = "paragraph"


class Action(StrEnum):
    BLANK = "blank"  # blank what matched
    CUT = "cut"  # blank what matched and everything after it


class CutWhen(StrEnum):
    """When a cut rule ends the article (otherwise it only blanks its match)."""

    ALWAYS = "always"
    LIST_FOLLOWS = "list-follows"  # the next text is a headline, not prose


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    scope: Scope
    action: Action
    pattern: str
    reason: str
    when: CutWhen = CutWhen.ALWAYS


@dataclass(frozen=True, slots=True)
class Limits:
    """Sizes the rules look at: longest line, paragraph, caption and headline."""

    line_chars: int = 400
    paragraph_chars: int = 1500
    caption_chars: int = 200
    caption_gap: int = 3  # lines between a caption and its repeat
    title_chars: int = 200
    wrap_chars: int = 100  # the widest line of a hard-wrapped text


@dataclass(frozen=True, slots=True)
class Matcher:
    """The rules of one scope as one alternation: one regex call per line."""

    pattern: re.Pattern[str]
    rules: tuple[Rule, ...]  # in the order of the alternation

    def match(self, content: str) -> Rule | None:
        found = self.pattern.fullmatch(content)
        return self.rules[int(found.lastgroup[1:])] if found else None


@dataclass(frozen=True, slots=True)
class Rulebook:
    rules: tuple[Rule, ...]
    limits: Limits
    line: Matcher
    paragraph: Matcher


@dataclass(frozen=True, slots=True)
class Removal:
    """A stretch blanked by ``rule`` (offsets into the original)."""

    rule: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    title: str | None
    removed: tuple[Removal, ...]


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # before the newline
    content: str  # stripped
    indented: bool = False


def make_rulebook(rules: list[dict], limits: dict | None = None) -> Rulebook:
    """Compile rules given as data (the entries of ``boilerplate.json``)."""
    parsed = tuple(_make_rule(r) for r in rules)
    return Rulebook(parsed, Limits(**(limits or {})), _combine(parsed, Scope.LINE), _combine(parsed, Scope.PARAGRAPH))


def _make_rule(data: dict) -> Rule:
    when = CutWhen(data.get("when", CutWhen.ALWAYS))
    return Rule(data["name"], Scope(data["scope"]), Action(data["action"]), data["pattern"], data["reason"], when)


def _combine(rules: tuple[Rule, ...], scope: Scope) -> Matcher:
    # Cut rules come first so a notice that also matches a blank rule still ends the article.
    chosen = tuple(sorted((r for r in rules if r.scope is scope), key=lambda r: r.action is not Action.CUT))
    alternatives = [f"(?P<r{i}>{r.pattern})" for i, r in enumerate(chosen)] or ["(?!)"]
    return Matcher(re.compile("|".join(alternatives), re.IGNORECASE | re.DOTALL), chosen)


@cache
def default_rulebook() -> Rulebook:
    text = resources.files("newsgraph").joinpath("data/boilerplate.json").read_text(encoding="utf-8")
    return load_rulebook_text(text)


def load_rulebook(path: str | Path) -> Rulebook:
    return load_rulebook_text(Path(path).read_text(encoding="utf-8"))


def load_rulebook_text(text: str) -> Rulebook:
    data = json.loads(text)
    return make_rulebook(data["rules"], data.get("limits"))


def clean(original: str, *, title: str | None = None, rules: Rulebook | None = None) -> CleanText:
    """``original`` with boilerplate blanked, and the article's title.

    ``title`` is the title known from elsewhere (a JSON Lines field, an HTML
    ``<h1>``); when the text starts with it, that line is blanked. Without it the
    headline is found in the text: a short first line without a final period,
    set apart by a blank line. Either way the headline line is blanked in
    ``text`` (headline case misleads the tagger) and stays in ``original``.
    A hard-wrapped text's paragraphs are joined into lines (``_wrap_breaks``).
    """
    rules = rules or default_rulebook()
    lines = _split_lines(original)
    marks: dict[int, str] = {}
    cuts = _apply_rules(lines, rules, marks)
    _mark_repeated(lines, rules.limits, marks)
    cut = _choose_cut(lines, cuts, marks, rules.limits)
    glued = _glued_headline(original, lines[:cut], rules.limits, marks)
    if glued is None:
        found_title = _mark_title(lines[:cut], rules.limits, marks, given=title)
    else:
        found_title = title or glued[0]
    removed = _removals(lines, marks, cut, cuts[cut].name if cut in cuts else None, len(original))
    if glued is not None:
        removed = tuple(sorted((glued[1], *removed), key=lambda r: r.start))
    # A doubled quote (CSV escaping, as in AG News: 'held ""useful"" talks') is one quote to the parser;
    # a paragraph marker escaped as "&\\t" (Reuters-21578) is no word.
    text = _PARAGRAPH_MARK.sub(lambda mark: " " * len(mark[0]), _blank(original, removed).replace('""', '" '))
    if breaks := _wrap_breaks(text, rules.limits):
        chars = list(text)
        for i in breaks:
            chars[i] = " "
        text = "".join(chars)
        removed = tuple(sorted((*removed, *(Removal(WRAP_RULE, i, i + 1) for i in breaks)), key=lambda r: r.start))
    return CleanText(text, found_title, removed)


_PARAGRAPH_MARK = re.compile(r"^[ \t]*&\\t", re.MULTILINE)
# A wrapper breaks a line when the next word would pass its width; the text's widest line shows that width to
# within a character or two (Reuters-21578: 178,000 of the 213,000 breaks inside paragraphs have a next word
# that would pass the widest line, 14,000 more come within 2 characters of it; the rest are tables and lists).
_WRAP_SLACK = 2


def _wrap_breaks(text: str, limits: Limits) -> list[int]:
    """Where a hard-wrapped text, each paragraph's lines broken near one width, was broken by its wrapper: those
    newlines become spaces, so that a name or a clause cut across lines ("Governor Satoshi\\nSumita") reads as
    one. A line that ends short of the width keeps its break unless the next starts in lower case (the first line
    after a dateline the corpus cut off); so does a line before a blank or indented one (a new paragraph)."""
    lines = text.split("\n")
    width = max(len(line.rstrip()) for line in lines)
    if width > limits.wrap_chars or sum(1 for line in lines if line.strip()) < 3:
        return []
    ends = itertools.accumulate(len(line) + 1 for line in lines)
    return [end - 1 for line, following, end in zip(lines, lines[1:], ends)
            if line.strip() and following[:1].strip() and (following[0].islower() or
                len(line.rstrip()) + 1 + len(following.split(maxsplit=1)[0]) >= width - _WRAP_SLACK)]


def _glued_headline(original: str, lines: list[_Line], limits: Limits,
                    marks: dict[int, str]) -> tuple[str, Removal] | None:
    """The headline the first line starts with and the stretch to blank, when a wire credit glues it to the first
    sentence ("Bush meets Blair (AP)AP - President Bush met ...", up to the sentence) or it runs into a dateline
    ("... Talks ISLAMABAD (Reuters) - ...", up to the dateline)."""
    first = next((line for i, line in enumerate(lines) if line.content and i not in marks), None)
    if first is None:
        return None
    raw = original[first.start : first.end]
    start = first.start + len(raw) - len(raw.lstrip())
    credit = _GLUED_CREDIT.search(first.content, 0, limits.title_chars)
    if credit is not None and credit.start() > 0:
        return first.content[: credit.start()].strip(), Removal(TITLE_RULE, start, start + credit.end())
    dateline = _GLUED_DATELINE.search(first.content, 0, limits.title_chars)
    headline = first.content[: dateline.start()] if dateline is not None else ""
    # In title case, not a dateline's own first words ("NEW YORK (Reuters) -"), and no sentence.
    if any(c.islower() for c in headline) and not headline.endswith(_SENTENCE_END):
        return headline, Removal(TITLE_RULE, start, start + len(headline))
    return None


def _split_lines(text: str) -> list[_Line]:
    lines, start = [], 0
    for piece in text.split("\n"):
        lines.append(_Line(start, start + len(piece), piece.strip(), piece[:1] in (" ", "\t")))
        start += len(piece) + 1
    return lines


def _apply_rules(lines: list[_Line], rules: Rulebook, marks: dict[int, str]) -> dict[int, Rule]:
    """Mark lines blanked by rules; return the lines where a cut rule matched."""
    cuts: dict[int, Rule] = {}
    for first, last, content, scope in _units(lines, rules.limits):
        rule = (rules.line if scope is Scope.LINE else rules.paragraph).match(content)
        if rule is None:
            continue
        if rule.action is Action.CUT:
            cuts.setdefault(first, rule)
        for index in range(first, last + 1):
            marks.setdefault(index, rule.name)
    return cuts


def _units(lines: list[_Line], limits: Limits) -> Iterator[tuple[int, int, str, Scope]]:
    """Each line, and each paragraph (then each of its lines) for paragraph rules.

    A line starting in lower case continues a hard-wrapped sentence: it is never
    boilerplate on its own ("published today, said...").
    """
    for index, line in enumerate(lines):
        if line.content and len(line.content) <= limits.line_chars and not line.content[0].islower():
            yield index, index, line.content, Scope.LINE
    for first, last in _paragraphs(lines):
        joined = " ".join(line.content for line in lines[first : last + 1])
        if len(joined) <= limits.paragraph_chars:
            yield first, last, joined, Scope.PARAGRAPH
        if last > first:
            for index in range(first, last + 1):
                content = lines[index].content
                if len(content) <= limits.paragraph_chars and not content[0].islower():
                    yield index, index, lines[index].content, Scope.PARAGRAPH


def _paragraphs(lines: list[_Line]) -> Iterator[tuple[int, int]]:
    first = None
    for index, line in enumerate(lines + [_Line(0, 0, "")]):
        if line.content and first is None:
            first = index
        elif not line.content and first is not None:
            yield first, index - 1
            first = None


def _mark_repeated(lines: list[_Line], limits: Limits, marks: dict[int, str]) -> None:
    """Blank short unpunctuated lines shown twice in a row: a picture's caption and alt text.

    Only near repeats count; a story pasted twice repeats its lines far apart.
    """
    last_seen: dict[str, int] = {}
    for index, line in enumerate(lines):
        if not _caption_like(line, limits):
            continue
        previous = last_seen.get(line.content)
        if previous is not None and index - previous <= limits.caption_gap:
            marks.setdefault(previous, REPEATED_RULE)
            marks.setdefault(index, REPEATED_RULE)
        last_seen[line.content] = index


def _caption_like(line: _Line, limits: Limits) -> bool:
    # Mostly words, not indented, no column gaps: repeated rows of a table are not captions.
    content = line.content
    if "  " in content or line.indented or content[:1].islower():
        return False
    short = 0 < len(content) <= limits.caption_chars and not content.endswith(_FINAL_PUNCTUATION)
    if not short or len(content.split()) < 2:
        return False  # before counting letters: counting a long body line's took a tenth of the cleaning time
    letters = sum(c.isalpha() for c in content)
    return letters >= _CAPTION_LETTERS * len(content.replace(" ", ""))


def _choose_cut(lines: list[_Line], cuts: dict[int, Rule], marks: dict[int, str], limits: Limits) -> int:
    """The first cut line that follows some article text; len(lines) when none.

    A notice before any article text (a copyright banner on top) is only
    blanked, and so is a "Read more" marker followed by prose (an inline link
    whose text is gone).
    """
    first_text = next((i for i, line in enumerate(lines) if line.content and i not in marks), len(lines))
    for index in sorted(cuts):
        if first_text < index and _cut_applies(cuts[index], lines, index, marks, limits):
            return index
    return len(lines)


def _cut_applies(rule: Rule, lines: list[_Line], index: int, marks: dict[int, str], limits: Limits) -> bool:
    if rule.when is CutWhen.ALWAYS:
        return True
    following = next((i for i in range(index + 1, len(lines)) if lines[i].content and i not in marks), None)
    if following is None:
        return True
    content = lines[following].content
    return len(content) < limits.title_chars and not content.endswith(_SENTENCE_END)


def _mark_title(lines: list[_Line], limits: Limits, marks: dict[int, str], *, given: str | None) -> str | None:
    kept = [i for i, line in enumerate(lines) if line.content and i not in marks]
    if not kept:
        return given
    first = kept[0]
    content = lines[first].content
    if given is not None:
        if _same_words(content, given):
            marks[first] = TITLE_RULE
        return given
    if len(kept) > 1 and _headline_like(lines, first, limits, marks):
        marks[first] = TITLE_RULE
        return content
    return None


def _headline_like(lines: list[_Line], index: int, limits: Limits, marks: dict[int, str]) -> bool:
    content = lines[index].content
    after = index + 1
    apart = after >= len(lines) or not lines[after].content or after in marks
    # A wire headline in capitals needs no blank line after it ("DEUTSCHE BANK CHIEF SAYS PACT INTACT\nDeutsche ...").
    shouted = content.isupper() and len(content.split()) >= 3
    has_letter = any(c.isalpha() for c in content)
    return (apart or shouted) and has_letter and len(content) < limits.title_chars and not content.endswith(_FULL_STOPS)


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _removals(
    lines: list[_Line], marks: dict[int, str], cut: int, cut_rule: str | None, size: int
) -> tuple[Removal, ...]:
    removed = [Removal(rule, lines[i].start, lines[i].end) for i, rule in sorted(marks.items()) if i < cut]
    if cut < len(lines):
        removed.append(Removal(cut_rule or "cut", lines[cut].start, size))
    return tuple(removed)


def _blank(original: str, removed: tuple[Removal, ...]) -> str:
    parts, position = [], 0
    for removal in removed:
        parts.append(original[position : removal.start])
        parts.append(_BLANKABLE.sub(" ", original[removal.start : removal.end]))
        position = removal.end
    parts.append(original[position:])
    return "".join(parts)

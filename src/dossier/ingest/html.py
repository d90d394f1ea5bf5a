"""dossier's HTML reader: the main text of a news page and what the page says about itself.

trafilatura does the extraction. The settings below, and a light clean-up of its output, were
tuned on the development half of the Zyte article-extraction benchmark
(``dossier eval extract``), whose gold bodies hold the article text only: no headline, no
standfirst, no newsletter pitch, no "Read more" links.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from lxml.etree import ParserError
from lxml.html import HtmlElement

from dossier.errors import DossierError, ErrorCode

# Effects quoted below are on the 102-page development half of the benchmark, each measured by
# changing that one setting from the final configuration (F1 0.979; plain trafilatura 0.950).

# --- trafilatura settings -----------------------------------------------------------------------

#: Reader comments are not the article, though trafilatura keeps them by default. Keeping them
#: costs 0.7 points of precision (F1 -0.4).
INCLUDE_COMMENTS = False

#: Tables in news pages are usually part of the story (results, line-ups, figures). Dropping them
#: costs 1.1 points of recall for nothing in precision (F1 -0.7).
INCLUDE_TABLES = True

#: Skip the readability/jusText fallbacks on the first pass. On news pages trafilatura's own
#: extractor is the better judge: the fallbacks swap in "related stories" blocks or JSON-LD
#: residue often enough that running them everywhere costs 1.5 points of precision (F1 -0.8).
#: They still get their turn on pages whose first pass looks like a menu
#: (``MENU_SHORT_LINE_SHARE``).
FAST_FIRST_PASS = True

#: Recall mode keeps date and byline lines and a few teasers, and finds no extra article text
#: once the fallbacks are off (F1 -0.2).
FAVOR_RECALL = False

#: Precision mode drops real paragraphs beside images and embeds: 2.4 points of recall lost and
#: no precision gained (F1 -2.0).
FAVOR_PRECISION = False

#: trafilatura's deduplication remembers paragraphs across calls (a process-wide LRU cache), so
#: one page's text would depend on the pages read before it. Turning it on moves F1 by 0.03.
DEDUPLICATE = False

#: Links, images and formatting markup are not wanted in plain text.
INCLUDE_LINKS = False
INCLUDE_IMAGES = False
INCLUDE_FORMATTING = False

# --- pre-processing -----------------------------------------------------------------------------

#: A class name that marks an element as (a piece of) the article body. Some sites cut the body
#: into several such elements with ads and rails between them; trafilatura keeps only the first
#: one it finds and loses most of the story, so the pieces are joined before extraction. On the
#: two pages where this happens recall goes from 0.35-0.45 to 0.96-0.98 (F1 +0.5 overall).
SPLIT_BODY_CLASS = re.compile(r"^(?:article|story|entry|post)[-_]{0,2}(?:body|content|text)$", re.I)

#: Elements that can be such a body piece.
SPLIT_BODY_TAGS = ("div", "section", "article")

#: Only pieces with at least this many characters of text are joined: shorter ones with the
#: same class are teasers for other posts (a blog's "more posts" strip), not parts of this one.
SPLIT_BODY_MIN_CHARS = 200

#: Pieces are joined only when they share an ancestor at most this many levels above them,
#: i.e. they sit in one column of the page. The split bodies seen have it at two levels.
SPLIT_BODY_MAX_LEVELS = 3

#: A list whose items are nearly all bare links is a "more stories" or navigation block, even
#: inside the article container, where trafilatura may keep it. An item counts as a bare link
#: when at least this share of its visible characters are link text...
LINK_ITEM_SHARE = 0.9

#: ...and the list is dropped when at least this share of its items are bare links (such lists
#: often end with an unlinked promo line). No list in the gold bodies comes near this: an
#: article's own lists hold prose with at most a linked phrase in it. F1 +0.1; an item share
#: of 0.5 scores the same here, and 0.3 starts to catch a gold list, so it stays strict.
LINK_LIST_SHARE = 0.7

#: Shorter lists are left alone: two linked items are as likely a pair of sources as a menu.
LINK_LIST_MIN_ITEMS = 3

# --- post-processing ----------------------------------------------------------------------------

#: Fewer words than this is not an article but a cookie wall, an error page or an empty shell
#: filled in by JavaScript. The shortest gold bodies have 66 words, so this only catches pages
#: that have nothing to give.
MIN_ARTICLE_WORDS = 10

#: Lines shorter than this many characters count as "short" when judging whether the text is
#: a menu. Characters rather than words, because ``\w+`` finds few "words" in scripts written
#: without spaces, which made a Japanese article look like a menu.
MENU_SHORT_LINE_CHARS = 20

#: If more than this share of the characters sit in short lines, the first pass took a
#: navigation menu or a link list for the article, and the page is extracted again with the
#: fallbacks on. The one such page in the benchmark has 0.63 (its precision goes from 0.25 to
#: 0.86, F1 +0.3 overall); every real article has 0.07 or less.
MENU_SHORT_LINE_SHARE = 0.4

#: How many lines at the top are searched for the repeated headline, which can sit behind a
#: kicker or a section line. The gold bodies never start with the headline, and trafilatura
#: keeps it on about a third of pages: dropping it is worth 1.4 points of precision (F1 +0.65).
HEAD_LINES_CHECKED = 3

#: Also drop the description (the standfirst) when it is the line right after the repeated
#: headline: printed under the headline it is a dek, which the gold bodies leave out. Where the
#: description is merely a copy of the first paragraph the headline is usually not repeated,
#: and the paragraph stays. F1 +0.25.
DROP_STANDFIRST = True

#: Separators between a headline and the site name in ``<title>`` ("Headline | Site").
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:•·]\s+|\s*\|\s*")

#: Lines that are page furniture, not reporting, whatever the outlet: pitches for newsletters
#: and apps, "Read more" teasers, credit and contact lines, dates, reprint notices. Each pattern
#: must cover the whole line, so a sentence in the story that merely mentions a newsletter or a
#: copyright survives. Three gold lines on the benchmark match (two copyright notices the gold
#: happens to keep and a "Follow ... on Facebook"); F1 +0.4.
BOILERPLATE_LINE = re.compile(
    r"""^\W*(?:
        (?:read|see|watch)\s+(?:more|also|next)\b.{0,200}   # "Read more: other story"
      | related(?:\s+(?:articles?|stories|coverage|content|reading))?\s*:.{0,200}
      | (?:most\s+(?:read|popular)|popular\s+on|don'?t\s+miss|trending|recommended)\b.{0,60}
      | (?:sign\s+up|subscribe)\b.{0,120}
        \b(?:newsletters?|inbox|channel|podcast|e-?mail\s+(?:alerts|updates|list))\b.{0,120}
      | (?:get|receive)\s+(?:the|our)\b.{0,80}\b(?:newsletter|inbox|app)\b.{0,100}
      | click\s+here\s+to\s+(?:get\s+the|subscribe|sign|read|watch|follow).{0,200}
      | follow\s+(?:\S+\s+){1,6}on\s+(?:twitter|facebook|instagram)\b.{0,200}
      | (?:copyright\s*(?:©|\(c\))?\s*\d{4}|©|\(c\)\s*\d{4}).{0,200}
      | all\s+rights\s+reserved\W*
      | (?:\d+\s+)?comments?
      | (?:share|tweet|email|print)(?:\s+(?:this|article|story))?
      | (?:order\s+reprints|print\s+article|advertisement)
      | write\s+to\s+\S+(?:\s+\S+){0,3}\s+at\s+\S+@\S+.{0,100}
      | (?:additional\s+)?reporting\s+by\b.{0,200}
      | \S+(?:\s+\S+){0,4}\s+contributed\s+to\s+this\s+report.{0,20}
      | (?:have\s+a\s+tip|tips?)\?.{0,200}
      | (?:filed\s+under|tags?|source)\s*:.{0,80}
      | (?:published|updated|posted|first\s+published|last\s+updated)\b[^.]{0,40}\d[^.]{0,40}
      | \d+\s+min(?:ute)?s?\s+read|reading\s+time\s*:.{0,20}|tempo\s+de\s+leitura\s*:.{0,20}
      | (?:e-?mail|reach)\s+(?:\S+\s+){1,4}(?:at|on)\s+.{0,200}(?:@|https?://).{0,100}
      | .{0,150}\[(?:video|photos?|pics|gallery|audio|poll)\]
      | (?:an\s+error\s+(?:has\s+)?occurred|this\s+article\s+has\s+been\s+sent\s+to)\b.{0,60}
      | this\s+copy\s+is\s+for\s+your\s+personal,?\s+non-commercial\s+use\b.{0,400}
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)

_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[A-Za-z][^>]*>")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def extract_article(html: str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """The main text of a news page and its metadata.

    Returns ``(text, meta)``: paragraphs separated by newlines as trafilatura gives them, and a
    dict with those of ``title``, ``date`` (YYYY-MM-DD), ``author``, ``outlet`` (site name),
    ``url``, ``language`` and ``description`` that the page states.

    Raises ``DossierError(R007_NO_ARTICLE)`` when the page holds no article text.
    """
    if not html or not html.strip():
        raise DossierError(ErrorCode.R007_NO_ARTICLE, "the page is empty")
    tree = _parse(html)
    language = _declared_language(tree)
    join_split_bodies(tree)
    drop_link_lists(tree)
    document = _extract(tree, url, fast=FAST_FIRST_PASS)
    text = document.text if document is not None and document.text else ""
    if FAST_FIRST_PASS and _looks_like_menu(text):
        retry = _extract(tree, url, fast=False)
        if retry is not None and retry.text:
            document, text = retry, retry.text
    meta = _metadata(document, url, language)
    text = clean_text(text, meta.get("title"), meta.get("description"))
    words = len(_WORD.findall(text))
    if words < MIN_ARTICLE_WORDS:
        raise DossierError(
            ErrorCode.R007_NO_ARTICLE,
            f"{words} words of main text" if words else "no main text",
        )
    return text, meta


def _parse(html: str) -> HtmlElement:
    tree = _load(html)
    if tree is None and _TAG.search(html):
        # trafilatura rejects a bare fragment ("<p>...</p>" alone) as not-quite-HTML; a saved
        # snippet of an article is still an article once it has a document around it.
        tree = _load(f"<html><body>{html}</body></html>")
    if tree is None:
        raise DossierError(ErrorCode.R007_NO_ARTICLE, "not an HTML document")
    return tree


def _load(html: str) -> HtmlElement | None:
    try:
        return trafilatura.load_html(html)
    except (ValueError, TypeError, ParserError) as exc:
        raise DossierError(ErrorCode.R007_NO_ARTICLE, f"cannot parse the page: {exc}") from exc


def join_split_bodies(tree: HtmlElement) -> bool:
    """Joins an article body cut into several same-class pieces into the first piece.

    Pieces are elements whose class list includes a body class (``SPLIT_BODY_CLASS``), which
    share the same class attribute and hold real text, none inside another, all near the first
    (``SPLIT_BODY_MAX_LEVELS``). What stood between them (ads, rails) stays where it was,
    outside the joined body. Returns whether anything was joined.
    """
    groups: dict[tuple[str, str], list[HtmlElement]] = {}
    for element in tree.iter(*SPLIT_BODY_TAGS):
        classes = element.get("class") or ""
        if any(SPLIT_BODY_CLASS.match(name) for name in classes.split()):
            groups.setdefault((element.tag, classes), []).append(element)
    joined = False
    for candidates in groups.values():
        pieces = [p for p in candidates if len(p.text_content().strip()) >= SPLIT_BODY_MIN_CHARS]
        if len(pieces) < 2 or not _one_column(pieces):
            continue
        first = pieces[0]
        for piece in pieces[1:]:
            for child in list(piece):
                first.append(child)
            parent = piece.getparent()
            if parent is not None:
                parent.remove(piece)
        joined = True
    return joined


def _one_column(pieces: list[HtmlElement]) -> bool:
    """Whether no piece contains another and all share an ancestor close above the first."""
    for piece in pieces:
        if any(ancestor in pieces for ancestor in piece.iterancestors()):
            return False
    near = list(pieces[0].iterancestors())[:SPLIT_BODY_MAX_LEVELS]
    return all(
        any(ancestor in near for ancestor in list(piece.iterancestors())[:SPLIT_BODY_MAX_LEVELS])
        for piece in pieces[1:]
    )


def drop_link_lists(tree: HtmlElement) -> int:
    """Removes lists made of bare links (see ``LINK_LIST_SHARE``); returns how many."""
    doomed = []
    for listing in tree.iter("ul", "ol"):
        items = [child for child in listing if child.tag == "li"]
        if len(items) < LINK_LIST_MIN_ITEMS:
            continue
        bare = sum(_link_share(item) >= LINK_ITEM_SHARE for item in items)
        if bare / len(items) >= LINK_LIST_SHARE:
            doomed.append(listing)
    removed = 0
    doomed_set = set(doomed)
    for listing in doomed:
        # A list inside another doomed list goes with it.
        if any(ancestor in doomed_set for ancestor in listing.iterancestors()):
            continue
        parent = listing.getparent()
        if parent is not None:
            parent.remove(listing)
            removed += 1
    return removed


def _link_share(element: HtmlElement) -> float:
    text = "".join(element.text_content().split())
    if not text:
        return 1.0
    linked = sum(len("".join(link.text_content().split())) for link in element.iter("a"))
    return min(linked / len(text), 1.0)


def _extract(tree: HtmlElement, url: str | None, *, fast: bool) -> Any:
    # bare_extraction works on a copy of the tree, so one parse serves both passes.
    return trafilatura.bare_extraction(
        tree,
        url=url,
        fast=fast,
        favor_precision=FAVOR_PRECISION,
        favor_recall=FAVOR_RECALL,
        include_comments=INCLUDE_COMMENTS,
        include_tables=INCLUDE_TABLES,
        include_images=INCLUDE_IMAGES,
        include_formatting=INCLUDE_FORMATTING,
        include_links=INCLUDE_LINKS,
        deduplicate=DEDUPLICATE,
        with_metadata=True,
    )


def _looks_like_menu(text: str) -> bool:
    lengths = [len(line.strip()) for line in text.splitlines()]
    total = sum(lengths)
    if not total:
        return False
    short = sum(n for n in lengths if n < MENU_SHORT_LINE_CHARS)
    return short / total > MENU_SHORT_LINE_SHARE


def _tokens(text: str | None) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD.findall(text or ""))


def _headline_forms(title: str | None) -> set[tuple[str, ...]]:
    """The headline as ``<title>`` gives it, and with a leading or trailing part cut off.

    ``<title>`` often wraps the headline in a site name or section ("Headline | Site",
    "Opinion | Headline"), while the headline itself may hold a colon or a dash, so every cut
    at a separator is tried from either end rather than splitting at all of them.
    """
    if not title:
        return set()
    forms = {_tokens(title)}
    for match in TITLE_SEPARATORS.finditer(title):
        forms.add(_tokens(title[: match.start()]))
        forms.add(_tokens(title[match.end() :]))
    # A one-word part ("Opinion", the site name) is too likely to be a real first line.
    return {form for form in forms if len(form) >= 2}


def clean_text(text: str, title: str | None = None, description: str | None = None) -> str:
    """Drops the repeated headline and standfirst at the top and boilerplate lines anywhere.

    The headline and the description are metadata; a reader that wants them has them there.
    The description is only dropped right after a dropped headline: on many sites it is the
    article's own first paragraph, which must stay.
    """
    lines = text.splitlines()
    headlines = _headline_forms(title)
    standfirst = _tokens(description)
    head = 0
    for index, line in enumerate(lines[:HEAD_LINES_CHECKED]):
        if _tokens(line) in headlines:
            head = index + 1
            break
    after_headline = lines[head] if head and head < len(lines) else None
    if DROP_STANDFIRST and standfirst and _tokens(after_headline) == standfirst:
        head += 1
    kept = [line for line in lines[head:] if not BOILERPLATE_LINE.match(line.strip())]
    return "\n".join(kept).strip()


def _metadata(document: Any, url: str | None, language: str | None) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    if document is not None:
        fields = {
            "title": document.title,
            "date": document.date,
            "author": document.author,
            "outlet": document.sitename,
            "url": document.url,
            "language": document.language,
            "description": document.description,
        }
        for key, value in fields.items():
            if isinstance(value, str) and value.strip():
                meta[key] = " ".join(value.split())
    if "date" in meta:
        match = _ISO_DATE.match(meta["date"])
        if match:
            meta["date"] = match.group(0)
        else:
            del meta["date"]
    if "url" not in meta and url:
        meta["url"] = url
    if "language" not in meta and language:
        meta["language"] = language
    return meta


_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}$")


def _declared_language(tree: HtmlElement) -> str | None:
    """The primary language subtag the page declares (``<html lang>``, content-language, og)."""
    root = tree.getroottree().getroot()
    candidates = [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in root.iter("meta"):
        name = (meta.get("http-equiv") or meta.get("property") or "").casefold()
        if name in ("content-language", "og:locale"):
            candidates.append(meta.get("content"))
    for candidate in candidates:
        if not candidate:
            continue
        primary = re.split(r"[-_]", candidate.strip())[0].casefold()
        if _LANGUAGE_TAG.match(primary):
            return primary
    return None

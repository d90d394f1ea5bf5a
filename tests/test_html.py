"""dossier's HTML reader: main text without page furniture, metadata, and pages with no article."""

from __future__ import annotations

import pytest

from dossier.errors import DossierError, ErrorCode
from dossier.ingest.html import clean_text, extract_article

PARAGRAPHS = [
    "The city council voted on Tuesday evening to approve a new tram line that will connect the "
    "central railway station with the university campus on the northern edge of the city.",
    "Construction is expected to begin next spring, and the first trams should carry passengers "
    "in the autumn of 2027, according to the transport committee's timetable.",
    "Opponents argued that the money would be better spent on buses, which can reach the "
    "outlying villages that the tram will never serve, but the motion passed by 31 votes to 12.",
]

BODY = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)

NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Council approves new tram line | The Riverside Gazette</title>
<meta name="description" content="The line will link the station with the university by 2027.">
<meta name="author" content="Maria Lopez">
<meta property="og:site_name" content="The Riverside Gazette">
<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">
<link rel="canonical" href="https://gazette.example.com/news/tram-line">
</head><body>
<header><nav><ul>
<li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
</ul></nav></header>
<main><article>
<h1>Council approves new tram line</h1>
<p class="standfirst">The line will link the station with the university by 2027.</p>
<ul class="share">
<li><a href="https://facebook.com/share">Facebook</a></li>
<li><a href="https://twitter.com/share">Twitter</a></li>
<li><a href="mailto:?body=x">Email</a></li>
</ul>
{BODY}
<p>Read more: Bus fares to rise in April</p>
<p>Sign up for our morning newsletter to get the day's top stories in your inbox.</p>
</article></main>
<footer><p>© 2024 The Riverside Gazette. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
<li><a href="/privacy">Privacy</a></li></ul></footer>
</body></html>"""


def test_article_text_without_navigation_share_buttons_or_footer() -> None:
    text, _ = extract_article(NEWS_PAGE)
    assert text.split("\n") == PARAGRAPHS
    for furniture in ("Home", "Facebook", "Read more", "newsletter", "©", "Privacy"):
        assert furniture not in text


def test_headline_and_standfirst_go_to_metadata_not_text() -> None:
    text, meta = extract_article(NEWS_PAGE)
    assert "Council approves" not in text
    assert "by 2027." not in text
    assert meta["title"] == "Council approves new tram line"
    assert meta["description"] == "The line will link the station with the university by 2027."


def test_metadata_from_meta_tags() -> None:
    _, meta = extract_article(NEWS_PAGE, url="https://gazette.example.com/news/tram-line?utm=x")
    assert meta["date"] == "2024-03-05"
    assert meta["author"] == "Maria Lopez"
    assert meta["outlet"] == "The Riverside Gazette"
    assert meta["url"] == "https://gazette.example.com/news/tram-line"
    assert meta["language"] == "en"


def test_metadata_from_json_ld_and_only_found_keys() -> None:
    page = f"""<!DOCTYPE html>
<html><head><title>Storm closes harbour</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Storm closes harbour for three days", "datePublished": "2023-11-20T06:00:00Z",
"author": {{"@type": "Person", "name": "Tom Berg"}},
"publisher": {{"@type": "Organization", "name": "Coastal Times"}}}}</script>
</head><body><div class="content">{BODY}</div></body></html>"""
    text, meta = extract_article(page, url="https://coastal.example.no/storm")
    assert text.split("\n") == PARAGRAPHS
    assert meta == {
        "title": "Storm closes harbour for three days",
        "date": "2023-11-20",
        "author": "Tom Berg",
        "outlet": "Coastal Times",
        "url": "https://coastal.example.no/storm",
    }


MORE = [
    "Supporters said the line would take thousands of cars off the ring road every day and cut "
    "the journey from the station to the campus to twelve minutes.",
    "The transport committee will publish the detailed route, including the location of the nine "
    "new stops, before the summer recess.",
]


def split_page(pieces: list[list[str]], body_class: str = "body article__body") -> str:
    columns = "\n<div class='ad'><span>Advertisement</span></div>\n".join(
        f"<div class='grid'><div class='grid__item'><div class='{body_class}'>"
        + "".join(f"<p>{p}</p>" for p in piece)
        + "</div></div></div>"
        for piece in pieces
    )
    return (
        "<!DOCTYPE html><html><head><title>Split</title></head><body><main><article>"
        f"{columns}</article></main></body></html>"
    )


def test_body_split_by_an_ad_is_joined() -> None:
    # trafilatura alone keeps only the first piece here
    everything = PARAGRAPHS + MORE
    text, _ = extract_article(split_page([everything[:2], everything[2:]]))
    assert text.split("\n") == everything


def test_short_same_class_teasers_are_not_joined() -> None:
    teasers = [[f"Teaser {n}: another post about trams."] for n in range(3)]
    page = split_page([PARAGRAPHS], "entry-content").replace(
        "</article>",
        "</article><aside>"
        + "".join(f"<div class='entry-content'><p>{t[0]}</p></div>" for t in teasers)
        + "</aside>",
    )
    text, _ = extract_article(page)
    assert text.split("\n") == PARAGRAPHS


def test_list_of_links_inside_the_article_is_dropped() -> None:
    related = "".join(
        f'<li><a href="/story/{n}">Another story about trams, number {n}</a></li>' for n in range(5)
    )
    page = f"""<!DOCTYPE html><html><head><title>Trams</title></head><body><article>
{BODY}<h3>More stories</h3><ul>{related}</ul>
<ul><li>A list item that is prose, with <a href="/x">one link</a> in a longer sentence.</li>
<li>Another prose item that the article itself wrote about the new tram line.</li>
<li>A third point from the story, about the timetable for the works.</li></ul>
</article></body></html>"""
    text, _ = extract_article(page)
    assert "Another story about trams" not in text
    assert "A list item that is prose" in text
    assert PARAGRAPHS[2] in text


def test_a_bare_fragment_is_read_as_a_page() -> None:
    text, meta = extract_article(BODY)
    assert text.split("\n") == PARAGRAPHS
    assert meta == {}


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   \n",
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>",
        "<!DOCTYPE html><html><head><title>Page not found</title></head>"
        "<body><div><p>Sorry, this page does not exist.</p></div></body></html>",
        "Just some plain text, which is not a web page at all, however long it goes on for.",
    ],
    ids=["empty", "blank", "navigation-only", "too-short", "not-html"],
)
def test_page_without_an_article_is_r007(page: str) -> None:
    with pytest.raises(DossierError) as caught:
        extract_article(page)
    assert caught.value.code is ErrorCode.R007_NO_ARTICLE
    assert str(caught.value).startswith("[R007]")


def test_clean_text_drops_headline_with_site_name_and_following_standfirst() -> None:
    text = "Opinion\nTram line approved\nA short standfirst.\nFirst paragraph.\nSecond one."
    cleaned = clean_text(text, "Tram line approved | Gazette", "A short standfirst.")
    assert cleaned == "First paragraph.\nSecond one."


def test_clean_text_keeps_a_description_that_is_the_first_paragraph() -> None:
    # Without a repeated headline above it, the description is the article's own lead.
    text = "A short lead paragraph.\nSecond one."
    assert clean_text(text, "Tram line approved", "A short lead paragraph.") == text


def test_clean_text_drops_boilerplate_lines_but_not_sentences_mentioning_them() -> None:
    kept = [
        "She said the newsletter had been popular with readers for years.",
        "Copyright law was not the point, the judge said.",
    ]
    furniture = [
        "Read more: Council to vote on budget",
        "Related: Tram fares explained",
        "Sign up for our daily newsletter",
        "Follow us on Twitter and Facebook.",
        "Copyright 2024 Gazette Media. All rights reserved.",
        "12 Comments",
        "Additional reporting by Jane Roe",
        "Jane Roe contributed to this report.",
        "Published 5 March 2024",
        "Write to Al Root at al.root@example.com",
        "Watch: the first tram arrives [VIDEO]",
    ]
    assert clean_text("\n".join(kept + furniture)) == "\n".join(kept)

"""Cleaning deletes only what is not article body, and every kept character maps back."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dossier.ingest.clean import clean_text
from dossier.model import CleanedText, OffsetMap

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "dossier"
ALLSIDES = SHARED / "corpus" / "allsides" / "allsides_eurasia.jsonl"

#: The Hill's link label as it survives in text: "MORE" as a word of its own after a space.
MORE_RE = re.compile(r"(?<=\s)MORE(?!\w)")


def assert_round_trip(original: str, cleaned: CleanedText) -> None:
    """Cleaning only deleted: the map takes every kept character back to itself."""
    kept = "".join(original[o : o + n] for _, o, n in cleaned.offsets.segments)
    assert kept == cleaned.text
    for index, char in enumerate(cleaned.text):
        assert original[cleaned.offsets.to_original(index)] == char
    rebuilt = OffsetMap.from_removed(len(original), list(cleaned.removed))
    assert rebuilt == cleaned.offsets
    for span in cleaned.removed:
        assert 0 <= span.start < span.end <= len(original)


def clean_checked(text: str, fields: dict[str, str] | None = None) -> CleanedText:
    """``clean_text(text, fields)``, checked to have only deleted (``assert_round_trip``)."""
    cleaned = clean_text(text, fields)
    assert_round_trip(text, cleaned)
    return cleaned


def reasons(original: str, cleaned: CleanedText) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for span in cleaned.removed:
        found.setdefault(span.reason, []).append(original[span.start : span.end])
    return found


#: Article body that cleaning leaves exactly as it is, by what about it might look cuttable.
BODY_TEXTS = {
    "plain paragraphs": "The presidents met on Friday.\n\nThey signed a declaration.",
    "a date line inside the story": (
        "Timeline of the talks.\n\nFirst round.\n\nJanuary 4, 2019\n\nSecond round."
    ),
    "an ellipsis that is not a teaser": (
        "He paused... and then the minister went on to describe the plan in detail."
    ),
    "agencies named in body sentences": (
        "The photo agency was sold last year to Getty Images.\n\n"
        "He told Reuters that the deal was done, and (AP) reported the same.\n\n"
        + "A long paragraph that ends in a credit-like string. " * 20
        + "REUTERS/Someone"
    ),
    "sentences that start like widgets": (
        "Share prices fell sharply in Moscow on Monday.\n\n"
        "Continue the talks, the minister urged.\n\n"
        "Advertisement revenue at state television rose."
    ),
    "MORE that is not a link": (
        "In another tweet the president wrote: “NATO countries must pay MORE, not less.”"
    ),
    "spacing inside a line": "Two spaces  after a full stop stay.\n\nSo does\ttab spacing.",
}


@pytest.mark.parametrize("text", list(BODY_TEXTS.values()), ids=list(BODY_TEXTS))
def test_body_text_stays(text: str) -> None:
    cleaned = clean_checked(text)
    assert cleaned.text == text
    assert cleaned.removed == ()


def test_empty_text() -> None:
    cleaned = clean_text("")
    assert cleaned.text == ""
    assert cleaned.offsets.segments == ()


@pytest.mark.parametrize(
    ("text", "expected", "date_line"),
    [
        (
            " date 2011-11-18 MOSCOW The presidents met.\n\nThey signed.",
            "MOSCOW The presidents met.\n\nThey signed.",
            " date 2011-11-18 ",
        ),
        (
            "Friday, January 4, 2019\xa0\n\n\nAn apartment building collapsed on Monday.\n\n\n",
            "An apartment building collapsed on Monday.",
            "Friday, January 4, 2019",
        ),
    ],
    ids=["seed", "wikinews-lead"],
)
def test_date_line_is_cut(text: str, expected: str, date_line: str) -> None:
    cleaned = clean_checked(text)
    assert cleaned.text == expected
    assert reasons(text, cleaned)["date-line"] == [date_line]


def test_teaser_before_the_full_paragraph_is_cut() -> None:
    full = "When the minister first announced his plan in the fall, few expected it to pass."
    text = full[:50] + "..." + full + "\n\nSecond paragraph."
    cleaned = clean_checked(text)
    assert cleaned.text == full + "\n\nSecond paragraph."
    assert reasons(text, cleaned)["teaser"] == [full[:50] + "..."]


def test_teaser_as_its_own_paragraph_with_ellipsis_character() -> None:
    full = "Officials in Kyiv said on Monday that the talks would resume next week in Minsk."
    text = full[:40] + "…\n\n" + full
    cleaned = clean_checked(text)
    assert cleaned.text == full


@pytest.mark.parametrize(
    "caption",
    [
        "Russia's President speaks with his Kazakh counterpart in Moscow November 18, 2011. "
        "REUTERS//Dmitry Astakhov/RIA Novosti/Kremlin",
        "Senators arrive for the trial in Washington, January 29, 2020. REUTERS/Mary F. Calvert",
        "Nancy Pelosi speaks in Washington, Oct. 22, 2019. (AP Photo/J. Scott Applewhite)",
        "Protesters in Kyiv on Sunday. AFP PHOTO / SERGEI SUPINSKY",
        "All hat and no Western Alliance. Photo: Screencap/CBS Face the Nation",
        "A worker at the plant in Salisbury. Photograph: Matt Cardy/Getty Images",
        "Donald Trump and Joe Biden at the inauguration in 2017. Drew Angerer/Getty Images",
        "President Trump at the summit, July 16, 2018. (Grigory Dukor/Reuters)",
        "Enlarge this image toggle caption Andrew Harnik/AP Andrew Harnik/AP",
    ],
)
def test_photo_captions_with_credits_are_cut(caption: str) -> None:
    body = "MOSCOW The presidents signed the declaration on Friday."
    text = f"{caption}\n\n{body}\n\nThe commission opens in July."
    cleaned = clean_checked(text)
    assert cleaned.text == f"{body}\n\nThe commission opens in July."
    assert reasons(text, cleaned)["caption"] == [caption]


@pytest.mark.parametrize(
    "widget",
    [
        "Continue:",
        "Share",
        "Share this:",
        "SHARE THIS ARTICLE Share Tweet Post Email",
        "LISTEN TO ARTICLE 6:52 SHARE THIS ARTICLE Share Tweet Post Email",
        "Read more",
        "READ MORE:",
        "Read more: Trump says he will meet Putin",
        "Advertisement",
        "ADVERTISEMENT",
        "Click here to subscribe to our newsletter.",
        "Sign up for Daily Newsletters Manage Newsletters",
        "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.",
        ".",
        "___",
    ],
)
def test_widget_lines_are_cut(widget: str) -> None:
    text = f"The ministers met in Minsk.\n\n{widget}\n\nThey agreed to meet again."
    cleaned = clean_checked(text)
    assert cleaned.text == "The ministers met in Minsk.\n\nThey agreed to meet again."
    assert reasons(text, cleaned)["widget"] == [widget]


def test_title_repeated_at_the_top_is_cut_when_the_fields_give_it() -> None:
    title = "John Kerry: Russia Has No 'Easy Track' In Syria"
    text = f"{title}\n\nSecretary of State John Kerry spoke on Thursday."
    cleaned = clean_text(text, {"title": title})
    assert cleaned.text == "Secretary of State John Kerry spoke on Thursday."
    assert reasons(text, cleaned)["title"] == [title]
    assert clean_text(text).text == text  # without the field nothing says it is the title


def test_the_hill_name_link_after_a_mention_is_cut() -> None:
    text = (
        "Special counsel Robert Mueller Robert (Bob) Swan MuellerSpeier says impeachment inquiry "
        "shows 'very strong case of bribery' by Trump Gowdy: I '100 percent' still believe public "
        "congressional hearings are 'a circus' Comey: Mueller 'didn't succeed in his mission "
        "because there was inadequate transparency' MORE’s Russia investigation has given "
        "federal prosecutors momentum."
    )
    cleaned = clean_checked(text)
    assert cleaned.text == (
        "Special counsel Robert Mueller’s Russia investigation has given federal prosecutors "
        "momentum."
    )
    assert list(reasons(text, cleaned)) == ["link-residue"]


def test_several_name_links_in_one_sentence() -> None:
    text = (
        "Mueller has obtained guilty pleas from two of President Trump Donald John TrumpGOP "
        "senators balk at lengthy impeachment trial Warren goes local in race to build 2020 "
        "movement 2020 Democrats make play for veterans' votes MORE’s 2016 campaign aides, "
        "Paul Manafort Paul John ManafortManafort sought to hurt Clinton 2016 campaign efforts "
        "in key states: NYT Ex-Trump campaign official testifies MORE and Richard Gates."
    )
    cleaned = clean_checked(text)
    assert cleaned.text == (
        "Mueller has obtained guilty pleas from two of President Trump’s 2016 campaign aides, "
        "Paul Manafort and Richard Gates."
    )


@pytest.mark.parametrize(
    ("residue", "expected"),
    [
        # the first name repeated before the link: the link's head is on the last name
        (
            "Former Vice President Joe Biden Joe Biden Parnas: U.S. ambassador removed to clear "
            "path for investigations MORE has made Charlottesville a centerpiece.",
            "Former Vice President Joe Biden has made Charlottesville a centerpiece.",
        ),
        # the full name glued to the mention itself
        (
            "Reps. Jason CrowJason CrowHouse delivers impeachment articles to Senate Pelosi: "
            "Trump's impeachment 'cannot be erased' MORE (Colo.) — were picked.",
            "Reps. Jason Crow (Colo.) — were picked.",
        ),
        # a lowercase particle in the full name
        (
            "Mayor Bill de Blasio Bill de BlasioDNC raises qualifying thresholds Biden extends "
            "lead MORE announced his candidacy.",
            "Mayor Bill de Blasio announced his candidacy.",
        ),
        # a headline that itself looks like "Haley Nikki Haley" does not move the cut
        (
            "his predecessor, Rex Tillerson Rex Wayne TillersonSteve Schmidt: 'Overwhelming "
            "chance that Trump will dump Pence' for Haley Nikki Haley: Trump 'truthful' in "
            "'every instance' MORE, who faced questions.",
            "his predecessor, Rex Tillerson, who faced questions.",
        ),
        # a nickname in brackets and a suffix after the name
        (
            "Senate Majority Leader Mitch McConnell Addison (Mitch) Mitchell McConnell2020 "
            "Democrats push for gun control action at forum MORE (R-Ky.) said.",
            "Senate Majority Leader Mitch McConnell (R-Ky.) said.",
        ),
    ],
)
def test_name_link_variants(residue: str, expected: str) -> None:
    cleaned = clean_checked(residue)
    assert cleaned.text == expected


def test_blank_line_runs_and_trailing_spaces_collapse_by_deletion() -> None:
    text = "  First paragraph.   \n\n\n\n Second paragraph. \n \n\n\nThird.\nSame paragraph.\n\n\n"
    cleaned = clean_checked(text)
    assert cleaned.text == "First paragraph.\n\nSecond paragraph.\n\nThird.\nSame paragraph."
    assert set(reasons(text, cleaned)) == {"whitespace"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Failed at everything.\n\nContinue:\n\nShare", "Failed at everything."),
        ("Body one.\n\nADVERTISEMENT\n\nBody two.", "Body one.\n\nBody two."),
    ],
    ids=["seed-style-trailing-widgets", "between-paragraphs"],
)
def test_removed_paragraphs_leave_no_gap(text: str, expected: str) -> None:
    assert clean_checked(text).text == expected


def test_to_clean_is_the_inverse_of_to_original_for_kept_characters() -> None:
    text = " date 2019-01-04 A...A full first line.\n\n\n\nShare\n\nLast line. \n"
    cleaned = clean_checked(text)
    for index in range(len(cleaned.text)):
        assert cleaned.offsets.to_clean(cleaned.offsets.to_original(index)) == index


# --- against the shared corpora ----------------------------------------------------------


def _seed_pairs() -> list[tuple[Path, Path]]:
    if not SEEDS.is_dir() or not GOLD.is_dir():
        return []
    return [(t, GOLD / f"{t.stem}.json") for t in sorted(SEEDS.glob("*.txt"))]


@pytest.mark.shared
@pytest.mark.parametrize("seed", [p[0].name for p in _seed_pairs()] or ["absent"])
def test_seed_boilerplate_goes_and_quotes_stay(seed: str) -> None:
    if seed == "absent":
        pytest.skip(f"no seeds or gold under {SHARED}")
    text = (SEEDS / seed).read_text(encoding="utf-8")
    gold = json.loads((GOLD / seed.replace(".txt", ".json")).read_text(encoding="utf-8"))
    cleaned = clean_checked(text)
    for boilerplate in gold["boilerplate"]:
        assert boilerplate not in cleaned.text
    for quote in gold.get("quotes", []):
        assert quote["text"] in cleaned.text
    # Every other annotated string is body too, unless the annotator found it in boilerplate
    # (seed 002's caption names Medvedev and Nazarbayev).
    for section in ("not_quotes", "mentions", "timexes", "events"):
        for item in gold.get(section, []):
            found = item["text"] if isinstance(item, dict) else item
            if not any(found in b for b in gold["boilerplate"]):
                assert found in cleaned.text, (section, found)


@pytest.mark.shared
def test_no_hill_link_residue_is_left_in_the_allsides_crawl() -> None:
    if not ALLSIDES.is_file():
        pytest.skip(f"no {ALLSIDES}")
    before = after = 0
    with ALLSIDES.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["source"] != "The Hill":
                continue
            cleaned = clean_text(record["text"], {"title": record["title"]})
            before += len(MORE_RE.findall(record["text"]))
            after += len(MORE_RE.findall(cleaned.text))
    assert before > 1000
    assert after == 0


def test_caption_that_opens_with_its_credit_is_cut_but_a_slash_sentence_is_kept() -> None:
    caption = (
        "STEPPE WIRE/Mariam Toroyan Armenian President Serzh Sargsyan (left) and Russian "
        "President Vladimir Putin outside Moscow, Sept. 3, 2013."
    )
    body = (
        "NATO/EU talks resumed on Monday in Brussels after a pause of two years in 2013 and 2014."
    )
    cleaned = clean_text(f" date 2013-09-04 {caption}\n\n{body}\n")
    assert caption not in cleaned.text
    assert body in cleaned.text
    assert any(span.reason == "caption" for span in cleaned.removed)

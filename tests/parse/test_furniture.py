"""The cleaner generalises past the seeds: pages in other outlets' layouts lose their furniture and keep their story."""

from __future__ import annotations

from datetime import date

import pytest

from newsfacts.parse.furniture import clean
from tests.parse.helpers import HELD_OUT, LABELLED, labelled, parse_bytes

pytestmark = pytest.mark.unit

OWN_PAGES = sorted(p.name for folder in (LABELLED, HELD_OUT) for p in folder.glob("*.txt") if not p.name.startswith("seed_"))


def test_there_are_at_least_four_own_pages_beside_the_seeds():
    assert len(OWN_PAGES) >= 4


@pytest.mark.parametrize("name", OWN_PAGES)
def test_story_lines_stay_and_furniture_lines_go(name):
    text, keep, drop = labelled(name)
    body = clean(text).body
    for line in keep:
        assert line.strip() in body, line
    kept_paragraphs = set(body.split("\n\n"))
    for line in drop:
        assert line.strip() not in kept_paragraphs, line


def parsed(name: str):
    text, _, _ = labelled(name)
    return parse_bytes(text.encode("utf-8"), f"inbox/{name}").document


def test_wire_trailer_gives_reporters_but_not_editors():
    doc = parsed("wire_reporting_by.txt")
    assert doc.outlet == "Reuters"
    assert doc.authors == ["Leika Kihara", "Tetsushi Kajimoto", "Satoshi Sugiyama"]
    assert doc.dateline == "TOKYO"
    assert doc.published_date == date(2023, 10, 31)  # "October 31, 20234:17 AM": year glued to the time
    assert "Editing by" not in doc.body and "Nikkei" not in doc.body


def test_local_page_drops_cookie_banner_weather_widget_and_reporter_contact():
    doc = parsed("local_weather_cookie.txt")
    assert doc.title == "School board votes to close Lincoln Elementary after 94 years"
    assert doc.authors == ["Tom Reyes", "Anna Kowalski"]
    assert doc.dateline == "SPRINGFIELD"
    assert doc.published_date == date(2023, 10, 17)  # first date in the header: published, not updated
    assert doc.outlet is None  # an unknown local paper is not guessed
    for piece in ("cookies", "62°F", "Wind:", "RELATED:", "treyes@", "Morning Briefing"):
        assert piece not in doc.body


def test_blog_post_keeps_the_post_and_drops_every_comment():
    doc = parsed("blog_comments.txt")
    assert doc.authors == ["Priya Natarajan"]
    assert doc.published_date == date(2024, 3, 3)
    assert doc.body.endswith("before the vote on March 19.")
    assert "Great piece" not in doc.body and "permit fees" not in doc.body


def test_page_without_blank_lines_finds_title_past_the_menu_and_no_job_title_as_author():
    doc = parsed("no_blank_lines.txt")
    assert doc.title == "Ferry operator fined over engine-room fire that stranded 300 passengers"
    assert doc.authors == ["Fiona MacLeod"]
    assert doc.published_date is None  # 12/02/2024 could be December or February: not guessed
    assert "Read more" not in doc.body and doc.body.count("\n\n") == 8


def test_inline_captions_pull_quotes_and_ads_go_but_bullets_and_short_sentences_stay():
    doc = parsed("inline_captions.txt")
    assert doc.outlet == "Associated Press" and doc.dateline == "ATHENS"
    assert doc.authors == ["Elena Petrou", "Marco Bianchi"]
    assert "AP Photo" not in doc.body and "Photo: Reuters" not in doc.body and "Advertisement" not in doc.body
    assert "• In Portugal, about 1,000 firefighters" in doc.body
    assert "He declined to comment further." in doc.body
    assert doc.body.count("The next few days will be very difficult") == 1


def test_hard_wrapped_wire_copy_is_joined_into_paragraphs():
    doc = parsed("plain_wrapped_wire.txt")
    assert doc.outlet == "Agence France-Presse"
    assert doc.body.split("\n\n")[0] == (
        "BRUSSELS, June 6 (AFP) - The European Commission on Thursday proposed scrapping some environmental "
        "reporting rules for small farms, a move it said would save farmers up to 1.5 billion euros a year in paperwork.")
    assert doc.published_date is None  # "June 6" has no year


def test_wire_agency_page_takes_its_title_from_the_menu_block_and_credit_from_the_dateline():
    doc = parsed("yonhap_style.txt")
    assert doc.title == "(LEAD) Kim Jong-un, Putin hold summit at Russian spaceport"
    assert (doc.outlet, doc.dateline, doc.published_date) == ("Yonhap News Agency", "SEOUL", date(2023, 9, 13))
    assert "(END)" not in doc.body and "Most Liked" not in doc.body


def test_story_continues_past_an_inline_box_when_the_next_paragraph_is_on_topic():
    doc = parsed("tabloid_style.txt")
    assert doc.body.endswith("the third £1 million scratchcard win in South Yorkshire this year.")
    assert "Don't miss" not in doc.body and "[LATEST]" not in doc.body and "READ MORE" not in doc.body
    assert doc.authors == ["Daniel Hughes"]


def test_author_bio_after_related_headlines_is_not_taken_for_the_story():
    text, _, _ = labelled("seed_002.txt")
    assert "Australian journalist" not in clean(text).body


def test_question_headline_over_a_byline_stays_the_title_and_out_of_the_body():
    page = ("Menu\n\nWill Kim and Putin strike an arms deal in Vladivostok this week?\n\nBy Jane Doe\n\n"
            "Kim Jong Un is expected to meet Vladimir Putin this week in the Russian Far East, officials in "
            "Washington said on Monday, amid growing concern about an arms deal.\n\n"
            "The meeting would be the first between the two leaders since 2019, when they met near Vladivostok.\n")
    cleaned = clean(page)
    assert cleaned.first("title") == "Will Kim and Putin strike an arms deal in Vladivostok this week?"
    assert cleaned.first("byline") == "By Jane Doe"
    assert cleaned.body.startswith("Kim Jong Un is expected")


def test_a_list_storys_sub_headings_stay_in_its_body():
    """A round-up broken by two or more runs of headline-shaped lines keeps them: they carry its results."""
    pad = " The team plays again on Friday night at home, and the coach said the players had worked hard all week."
    page = "\n\n".join([
        "Hs roundup viera stays undefeated", "By example.com staff",
        "Palm Bay (1-0): Tolivert 25 points. Davis 17 points. Burgher 10 points and five rebounds." + pad,
        "Rockledge (0-1): Blakely 15 points. Devoe 2 points. Baker 6 points in a loss on the road." + pad,
        "Cocoa d. West Shore 61-21", "BOYS SOCCER", "Viera d. Rockledge 3-1",
        "Viera (4-0): K. Hupfer 1 goal. L. Patikas 1 goal. Z. Nielsen 1 goal. A. Sanger made two saves." + pad,
        "Rockledge (3-1): C. Martinez 1 goal. D. Robbins 1 save in the second half of the game." + pad,
        "GIRLS SOCCER", "Viera d. Melbourne 1-0",
        "Viera (3-0): Talorie Crafton 1 goal. Madelyn Rosario 1 assist as Viera stayed unbeaten." + pad,
    ])
    body = "\n".join(u.text for u in clean(page).by_role("body"))
    assert "Cocoa d. West Shore 61-21" in body and "Viera d. Melbourne 1-0" in body and "BOYS SOCCER" in body


def test_one_box_of_related_headlines_inside_a_story_still_goes():
    """One run of headlines inside a story is a related-stories box (the nearest negative of the rule above)."""
    page = "\n\n".join([
        "Council approves the new budget", "By example.com staff",
        "The city council approved the budget on Tuesday after a long debate over road repairs and school funding.",
        "Council members said the plan raises spending on roads by a tenth while holding property taxes flat.",
        "Mayor opens the new library", "Schools chief steps down after ten years", "Storm closes the river bridge",
        "The budget takes effect in July, and the council will review its first quarter in October, officials said.",
    ])
    body = "\n".join(u.text for u in clean(page).by_role("body"))
    assert "Mayor opens the new library" not in body and "takes effect in July" in body


def test_a_list_the_story_announces_with_a_colon_stays_after_its_last_sentence():
    """A lead-in ending in a colon after the prose: the lines it announces are the story's, up to the sign-up."""
    page = "\n\n".join([
        "Folk duo announces spring tour", "By example.com staff",
        "The folk duo Marrow and Lark will play twelve cities this spring, their first tour in six years, the band "
        "said on Monday in a statement posted to its website.",
        "Tickets go on sale Friday morning, and the duo will play songs from its new record as well as old favourites.",
        "The spring tour dates:",
        "April 2 -- Corn Exchange, Cambridge", "April 4 -- Old Fire Station, Oxford",
        "April 7 -- The Leadmill, Sheffield",
        "Sign up for our newsletter to get the day's top stories delivered to your inbox.",
        "Related", "Singer cancels summer shows", "Festival adds a third stage",
    ])
    cleaned = clean(page)
    assert "April 7 -- The Leadmill, Sheffield" in cleaned.body and "The spring tour dates:" in cleaned.body
    assert "Sign up" not in cleaned.body and "third stage" not in cleaned.body
    assert "list announced at the story's end kept" in cleaned.notes


def test_a_sharing_widgets_label_with_a_colon_announces_nothing():
    """'Share this:' and 'Like this:' (two words, under ANNOUNCE_WORDS) end a blog post, not start a list."""
    page = "\n\n".join([
        "Council approves the new budget", "By example.com staff",
        "The city council approved the budget on Tuesday after a long debate over road repairs and school funding.",
        "Council members said the plan raises spending on roads by a tenth while holding property taxes flat.",
        "Like this:", "Like Loading...", "Pinterest board", "Reddit thread",
    ])
    body = clean(page).body
    assert body.endswith("holding property taxes flat.") and "Like" not in body


def test_a_run_of_headlines_under_a_lead_in_with_a_colon_is_the_storys_list():
    """One run of headline-shaped lines inside a story goes as a related box, unless a lead-in announces it."""
    page = "\n\n".join([
        "Motor show opens its doors", "By example.com staff",
        "The motor show opened to the press on Thursday with more than forty new models from two dozen makers, "
        "organisers said, and it opens to the public on Friday.",
        "Here are some of the highlights:", "Nissan Sentra", "Toyota Corolla Cross", "Hyundai Ioniq Six",
        "The show runs until the end of the month, and organisers expect about 600,000 visitors to come through.",
    ])
    body = clean(page).body
    assert "Toyota Corolla Cross" in body and "Hyundai Ioniq Six" in body and "600,000 visitors" in body


DEALS = [
    "The best deals on kitchen gadgets this week, picked by our shopping desk after comparing prices at the big "
    "stores every morning.",
    "Instant Pot Duo 7-in-1 for $59.99", "See it now: Amazon",
    "The pressure cooker that started the craze is down by forty dollars, its lowest price since last spring.",
    "Ninja Air Fryer Max for $89.99", "See it now: Amazon",
    "The air fryer holds five quarts and crisps chicken wings in under twenty minutes, our tester found.",
]


def test_a_line_that_repeats_only_inside_the_story_is_its_structure():
    """A deals list's store link after every product repeats, but only inside the story: it stays."""
    page = "\n\n".join(["Kitchen deals of the week", "By example.com staff", *DEALS])
    body = clean(page).body
    assert body.count("See it now: Amazon") == 2 and "Ninja Air Fryer Max for $89.99" in body


def test_a_line_that_repeats_inside_and_around_the_story_still_goes():
    """The same line once more in the page's header is page furniture (a widget above and inside the story)."""
    page = "\n\n".join(["See it now: Amazon", "Kitchen deals of the week", "By example.com staff", *DEALS])
    assert "See it now" not in clean(page).body


PAD = " The team plays again on Friday night at home, and the coach said the players had worked hard all week."
ROUNDUP = [
    "Hs roundup viera stays undefeated", "By example.com staff",
    "Palm Bay (1-0): Tolivert 25 points. Davis 17 points. Burgher 10 points and five rebounds in the win." + PAD,
    "Cocoa d. West Shore 61-21", "BOYS SOCCER", "Viera d. Rockledge 3-1",
    "Viera (4-0): K. Hupfer 1 goal. L. Patikas 1 goal. Z. Nielsen 1 goal. A. Sanger made two saves." + PAD,
    "GIRLS SOCCER", "Viera d. Melbourne 1-0",
    "Viera (3-0): Talorie Crafton 1 goal. Madelyn Rosario 1 assist as Viera stayed unbeaten this season." + PAD,
    "Merritt Island d. Titusville", "Merritt Island (3-2): Trout 1 goal. Hanks 1 goal. Carroll 5 saves",
]


def test_a_list_storys_last_items_after_its_last_sentence_stay():
    """A round-up's last game follows its last sentence: a list story keeps the lines up to the advertisement."""
    cleaned = clean("\n\n".join([*ROUNDUP, "Advertisement", "Sign up for our newsletter today."]))
    assert "Merritt Island d. Titusville" in cleaned.body and "Carroll 5 saves" in cleaned.body
    assert "Advertisement" not in cleaned.body and "list story's last items kept" in cleaned.notes


def test_a_related_box_after_a_list_story_still_goes():
    """The list story's tail stops at a trailer heading: the related headlines under it stay out."""
    page = "\n\n".join([*ROUNDUP, "Related", "Cocoa coach resigns after ten seasons", "Viera opens new field"])
    body = clean(page).body
    assert "Carroll 5 saves" in body and "Cocoa coach resigns" not in body


REVIEW = [
    "I have worked on my own bikes since I was seventeen, but this is the first workshop manual I have used from "
    "cover to cover, and it has already paid for itself twice over.",
    "The level of detail is superb, with clear diagrams and instructions for every job from the brakes to the "
    "wiring, and the torque settings are printed where you need them.",
]


def test_a_reviews_fact_box_above_the_story_stays_in_its_body():
    """'Tested by: ... RRP: ... More info: ...' is the review's own facts (its price), not page furniture."""
    page = "\n\n".join(["Clymer workshop manual review",
                        "Tested by: John Milbank RRP: £23.99 More info: www.example.co.uk",
                        *REVIEW])
    cleaned = clean(page)
    assert cleaned.body.startswith("Tested by: John Milbank RRP: £23.99") and cleaned.first("title")
    assert cleaned.first("subtitle") is None


def test_a_line_of_dated_fields_above_the_story_stays_metadata():
    """Labelled fields with a year are a date line: out of the body, where the publication date is read."""
    page = "\n\n".join(["Clymer workshop manual review", "Published: 12 March 2024 Updated: 13 March 2024", *REVIEW])
    doc = parse_bytes(page.encode("utf-8"), "inbox/review.txt").document
    assert doc.body.startswith("I have worked") and doc.published_date == date(2024, 3, 12)


POINTING = [
    "Spring sale brings the lowest prices yet on kitchen gadgets", "By example.com staff",
    "The spring sales have started early this year, and kitchen gadgets are among the most heavily discounted "
    "products at every big retailer we checked this week.",
    "Stand mixers, air fryers and espresso machines are all cheaper than they were at any point last year.",
    "We rounded up the five best kitchen deals you can buy right now below.",
]
CARDS_BELOW = [
    "Don't Miss",
    "Harbor Stand Mixer 5 Quart", "Ten speeds for every recipe", "Tilting head for easy bowl access",
    "$199.00", "Available from Shopmart", "Buy Now",
    "Crisp Air Fryer XL", "Cooks a whole chicken in forty minutes.", "Dishwasher safe basket",
    "$89.99", "Available from Shopmart", "Buy Now",
]


def test_a_product_list_the_storys_last_sentence_points_below_to_stays():
    """'... below.' ends the prose: the cards under the widget label are what it points to (names, prices), up to
    the sharing bar; the label itself goes."""
    page = "\n\n".join([*POINTING, *CARDS_BELOW, "Share this article: Facebook Twitter Email",
                        "Sign up for our newsletter to get the day's top stories delivered to your inbox."])
    cleaned = clean(page)
    assert "Harbor Stand Mixer 5 Quart" in cleaned.body and "$89.99" in cleaned.body
    assert "Cooks a whole chicken in forty minutes." in cleaned.body
    assert "Don't Miss" not in cleaned.body and "Share this" not in cleaned.body and "Sign up" not in cleaned.body
    assert "list announced at the story's end kept" in cleaned.notes


def test_a_widget_after_a_story_that_points_nowhere_still_goes():
    """The same cards after a last sentence that points to nothing below are a shopping widget, not the story's."""
    page = "\n\n".join([*POINTING[:-1], "We will update this story as more retailers announce their prices.", *CARDS_BELOW,
                        "Share this article: Facebook Twitter Email"])
    body = clean(page).body
    assert body.endswith("as more retailers announce their prices.") and "Harbor Stand Mixer" not in body


def test_a_related_box_under_a_trailer_heading_after_a_sentence_pointing_below_still_goes():
    """What a sentence points to ends at a trailer heading: the related headlines under it stay out."""
    page = "\n\n".join([*POINTING, "Related", "Retailers cut prices on televisions", "Best blenders of the year"])
    body = clean(page).body
    assert body.endswith("buy right now below.") and "televisions" not in body


def test_a_card_name_printed_above_and_below_its_features_is_no_pull_quote():
    """Two copies of one line and no other echo: a product card's name, not a pull quote of the story's text."""
    cards = ["Harbor Stand Mixer Five Quart Tilt Head", "Ten speeds for every recipe",
             "Harbor Stand Mixer Five Quart Tilt Head", "$199.00", "Crisp Air Fryer XL Digital",
             "Dishwasher safe basket", "Crisp Air Fryer XL Digital", "$89.99"]
    page = "\n\n".join([*POINTING, *cards, "Share this article: Facebook Twitter Email"])
    body = clean(page).body
    assert body.count("Harbor Stand Mixer Five Quart Tilt Head") == 2 and body.count("Crisp Air Fryer XL Digital") == 2


def test_a_pull_quote_printed_twice_still_goes():
    """A line that repeats the story's own sentence goes, however many copies the page prints of it."""
    quote = "The river has not been this low in living memory"
    page = "\n\n".join([
        "Drought closes river to barges", "By example.com staff",
        "Barge traffic on the river stopped on Monday after weeks without rain, and the port authority said that "
        "the river has not been this low in living memory, by its own records.", quote,
        "Farmers upstream said they had begun to truck grain to the railhead instead of shipping it by water.", quote,
        "The authority expects the river to stay closed to barges until the autumn rains arrive in October.",
    ])
    body = clean(page).body
    assert "living memory, by its own records." in body and quote + "\n" not in body and not body.endswith(quote)
    assert body.count("not been this low in living memory") == 1


# A lead whose sentences lost their full stops (blogs, social posts), under a byline: the story's opening.

_UNSTOPPED = ("Breaking news harbour ferry sold\n\n"
              "By quaysidenews.com staff\n\n"
              "The harbour ferry company has this morning agreed the sale of its two boats to a rival operator from the "
              "island for an undisclosed sum\n\n"
              "This ends forty years of the family running the crossing to Marrow Point\n\n"
              "The new owners will take over the timetable from next month and say every current sailing will stay. "
              "Staff have been told their jobs are safe.\n\n"
              "The sale still needs the harbour board's approval, which is expected later this week.\n")


def test_a_lead_without_full_stops_under_a_byline_is_the_story_s_opening():
    body = clean(_UNSTOPPED).body
    assert body.startswith("The harbour ferry company has this morning agreed")
    assert "This ends forty years of the family running the crossing" in body
    assert "By quaysidenews.com staff" not in body


def test_an_unstopped_line_under_the_title_with_no_byline_stays_a_standfirst():
    # nearest negative: the same long line right under the headline, no byline between: the page's standfirst
    text = _UNSTOPPED.replace("By quaysidenews.com staff\n\n", "").replace(
        "\n\nThis ends forty years of the family running the crossing to Marrow Point", "")
    body = clean(text).body
    assert body.startswith("The new owners will take over the timetable")

"""read_articles on the seeds, the sample, every kind of bad input, and real-style invented news
pages, one per kind of problem in issue 14 (no real page is used)."""
from __future__ import annotations

import json
import sys

import pandas as pd
import pytest

import srcanalysis as sa
from srcanalysis.htmlpage import extract_page
from srcanalysis.loading import clean_text, decode_bytes, parse_date, skipped

from conftest import BEAST_SEED, DATA, SEEDS, TIMELINE_SEED

COLUMNS = ["article_id", "outlet", "title", "published", "url", "author", "text", "path",
           "credit", "published_from", "encoding"]


def test_seed_catalog_metadata(seed_articles):
    assert list(seed_articles.columns) == COLUMNS
    by_outlet = seed_articles.set_index("outlet")
    assert set(by_outlet.index) == {"The Daily Beast", "The Trump Timeline"}
    assert by_outlet.loc["The Daily Beast", "title"].startswith("Michael Flynn Had a Plan")
    # no invented dates: the seeds carry none
    assert seed_articles["published"].isna().all()
    assert str(seed_articles["published"].dtype) == "datetime64[ns]"


@pytest.mark.parametrize("phrase", [
    "Get The Beast In Your Inbox!", "Daily Digest", "By clicking “Subscribe,”",
    "Get More Trump Secrets in Your Inbox", "Photo: Public Domain", "Related Topics",
    "You are now subscribed", "Photo Illustration by Lyne Lucien",
])
def test_seed_boilerplate_removed(seed_articles, phrase):
    assert not seed_articles["text"].str.contains(phrase, regex=False).any()


def test_seed_reporting_paragraphs_all_kept(seed_articles):
    """Every paragraph of reporting in the raw seeds survives cleaning verbatim."""
    texts = dict(zip(seed_articles["outlet"], seed_articles["text"]))
    raw = BEAST_SEED.read_text(encoding="utf-8")
    promo = ("Subscribe", "subscribed", "Start and finish your day", "A speedy, smart summary")
    title = seed_articles.set_index("outlet").loc["The Daily Beast", "title"]
    reporting = [p.strip() for p in raw.split("\n")
                 if len(p.split()) >= 12 and p.strip() != title and not any(w in p for w in promo)]
    assert len(reporting) >= 25
    for para in reporting:
        assert para in texts["The Daily Beast"], para[:60]
    raw = TIMELINE_SEED.read_text(encoding="utf-8")
    for para in (p.strip() for p in raw.split("\n") if len(p.split()) >= 12):
        assert para in texts["The Trump Timeline"], para[:60]
    # the credit lines naming the source outlet are reporting-relevant and kept
    assert texts["The Trump Timeline"].count("The Daily Beast") == 2


def test_ids_stable_and_unique(sample_articles):
    again = sa.read_articles(DATA)
    assert sample_articles["article_id"].tolist() == again["article_id"].tolist()
    assert sample_articles["article_id"].is_unique
    assert len(sample_articles) == 52  # 2 seeds + 50 Wikinews


def test_sample_skips_notice_with_reason(sample_articles):
    reasons = skipped(sample_articles)
    assert reasons["path"].str.endswith("NOTICE.md").any()
    assert (sample_articles["outlet"] == "Wikinews").sum() == 50
    assert sample_articles.loc[sample_articles.outlet == "Wikinews", "published"].notna().all()


def test_text_header_block(tmp_path):
    (tmp_path / "a.txt").write_text(
        "title: Port strike ends\noutlet: Harbor Gazette\npublished: 2021-03-04\nauthor: J. Doe\n\n"
        "Dockworkers returned on Monday, union leaders said.\n", encoding="utf-8")
    df = sa.read_articles(tmp_path / "a.txt")
    row = df.iloc[0]
    assert (row.title, row.outlet, row.author) == ("Port strike ends", "Harbor Gazette", "J. Doe")
    assert row.published == pd.Timestamp("2021-03-04")
    assert row.text == "Dockworkers returned on Monday, union leaders said."


def test_header_lookalike_is_not_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("Washington: The Senate voted on Tuesday.\n", encoding="utf-8")
    df = sa.read_articles(tmp_path)
    assert "Washington: The Senate voted" in df.iloc[0].text


def test_cp1252_and_utf8_recorded(tmp_path):
    (tmp_path / "win.txt").write_bytes("The café’s owner said no.\n".encode("cp1252"))
    (tmp_path / "ok.txt").write_text("Plain text said here.\n", encoding="utf-8")
    df = sa.read_articles(tmp_path)
    assert len(df) == 2
    assert "café’s owner" in df.set_index("path").loc[str(tmp_path / "win.txt"), "text"]
    assert df.attrs["encodings"] == {str(tmp_path / "win.txt"): "cp1252"}


def test_bad_files_are_skipped_with_reasons(tmp_path):
    (tmp_path / "good.txt").write_text("Officials said the bridge will reopen.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "big.txt").write_text("word " * 3000, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")
    df = sa.read_articles(tmp_path, max_bytes=10_000)
    assert df["path"].tolist() == [str(tmp_path / "good.txt")]
    reasons = skipped(df).set_index("path")["reason"]
    assert "empty" in reasons[str(tmp_path / "empty.txt")]
    assert "binary" in reasons[str(tmp_path / "binary.txt")]
    assert "too large" in reasons[str(tmp_path / "big.txt")]
    assert "unsupported" in reasons[str(tmp_path / "image.png")]


def test_malformed_csv_rows_recorded(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        'headline,body,publisher,date\n'
        'Fire out,"Crews said the fire is out.",Gazette,2020-01-02\n'
        'Broken,row,with,too,many,fields\n'
        'No body,,Gazette,2020-01-03\n'
        'Storm,"Forecasters said rain, wind.",Herald,not a date\n', encoding="utf-8")
    df = sa.read_articles(path)
    assert df["title"].tolist() == ["Fire out", "Storm"]
    assert df["outlet"].tolist() == ["Gazette", "Herald"]
    assert df["published"].iloc[0] == pd.Timestamp("2020-01-02")
    assert pd.isna(df["published"].iloc[1])
    reasons = skipped(df)["reason"].tolist()
    assert any("malformed CSV row" in r for r in reasons)
    assert "empty text" in reasons


def test_csv_without_text_column_names_it(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("title,date\nA,2020-01-01\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no text column"):
        sa.read_articles(path)


def test_jsonl_and_json(tmp_path):
    lines = [json.dumps({"id": "a1", "content": "The mayor said yes.", "source": "Post",
                         "published_at": "2019-05-01T10:00:00Z"}),
             "{not json",
             json.dumps({"id": "a2", "content": "A spokesman declined to comment.", "source": "Post"})]
    (tmp_path / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "d.json").write_text(json.dumps({"articles": [{"text": "It rained.", "outlet": "Wire"}]}),
                                     encoding="utf-8")
    df = sa.read_articles(tmp_path)
    assert sorted(df["article_id"])[:2] == ["a1", "a2"]
    assert df.set_index("article_id").loc["a1", "published"] == pd.Timestamp("2019-05-01 10:00")
    assert any("malformed JSON" in r for r in skipped(df)["reason"])
    assert (df["outlet"] == "Wire").sum() == 1


def test_html_uses_extractor(tmp_path):
    html = """<html><head><title>Dam breach | Valley News</title>
    <meta property="og:site_name" content="Valley News">
    <meta property="article:published_time" content="2022-06-01"></head>
    <body><nav>Home | Sports | Subscribe</nav><article><h1>Dam breach floods valley</h1>
    <p>The dam gave way early on Tuesday, county officials said, flooding hundreds of homes in the
    valley below and forcing an evacuation of the town's two schools.</p>
    <p>Engineers had warned of cracks in the spillway last year, according to inspection records
    obtained by the newspaper, but repairs were postponed twice for lack of money.</p></article>
    <footer>Copyright Valley News</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    row = sa.read_articles(tmp_path / "page.html").iloc[0]
    assert "The dam gave way early on Tuesday" in row.text
    assert "Subscribe" not in row.text and "Copyright" not in row.text
    assert row.outlet == "Valley News"
    assert row.published == pd.Timestamp("2022-06-01")


def test_missing_path_and_unknown_format(tmp_path):
    with pytest.raises(FileNotFoundError):
        sa.read_articles(tmp_path / "nope.txt")
    (tmp_path / "a.xyz").write_text("hello", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown format"):
        sa.read_articles(tmp_path / "a.xyz")
    with pytest.raises(ValueError, match="unknown format"):
        sa.read_articles(tmp_path / "a.xyz", format="docx")
    assert sa.read_articles(tmp_path / "a.xyz", format="text").iloc[0].text == "hello"


def test_dataframe_input_and_defaults():
    df = sa.read_articles(pd.DataFrame({"body": ["One said.", "Two said."], "headline": ["A", "B"]}),
                          outlet="Wire", published="2020-02-02")
    assert df["outlet"].tolist() == ["Wire", "Wire"]
    assert (df["published"] == pd.Timestamp("2020-02-02")).all()


def test_hard_wrapped_text_is_unwrapped():
    raw = ("    The central bank raised interest rates on Thursday for the second time\n"
           "this year, citing inflation that officials said was running well above\n"
           "target.\n"
           "    Markets fell on the news, with the main index down two percent by the\n"
           "close of trading, traders said.\n")
    text = clean_text(raw)
    paras = text.split("\n\n")
    assert len(paras) == 2
    assert paras[0].startswith("The central bank") and paras[0].endswith("above target.")


def test_repeated_outlet_chrome_removed_but_credit_lines_kept():
    rows = []
    for i in range(6):
        rows.append({"outlet": "Gazette", "text": f"Story number {i} happened, police said.\n\n"
                     "Follow the Gazette on all platforms today\n\nThe Daily Beast"})
    df = sa.read_articles(pd.DataFrame(rows))
    assert not df["text"].str.contains("Follow the Gazette").any()
    assert df["text"].str.contains("The Daily Beast").all()


def test_parse_date_variants():
    assert parse_date("2017-02-14") == pd.Timestamp("2017-02-14")
    assert parse_date("Feb 14, 2017") == pd.Timestamp("2017-02-14")
    assert parse_date("2017-02-14T23:30:00+05:00") == pd.Timestamp("2017-02-14 23:30")
    assert pd.isna(parse_date("")) and pd.isna(parse_date(None)) and pd.isna(parse_date("garbage"))


def test_parse_date_zones_and_epochs_keep_the_outlets_wall_time():
    assert parse_date("2024-05-01T23:30:00-04:00") == pd.Timestamp("2024-05-01 23:30")  # local date, not 2 May UTC
    assert parse_date("2024-05-02T03:30:00Z") == pd.Timestamp("2024-05-02 03:30")
    assert parse_date("Tue, 05 Nov 2024 14:00:00 GMT") == pd.Timestamp("2024-11-05 14:00")
    assert parse_date("Nov. 5, 2024 at 2:00 p.m. ET") == pd.Timestamp("2024-11-05 14:00")
    assert parse_date("1714600000") == parse_date(1714600000) == pd.Timestamp("2024-05-01 21:46:40")  # UTC seconds
    assert parse_date("1714600000000") == parse_date(1714600000000) == pd.Timestamp("2024-05-01 21:46:40")  # ms
    assert parse_date("202405011230") == pd.Timestamp("2024-05-01 12:30")  # 12 digits: a compact stamp, not ms
    assert pd.isna(parse_date(True))


def test_a_numeric_date_column_is_read_as_its_digits_not_as_epoch_seconds():
    assert parse_date(20240501) == parse_date(20240501.0) == pd.Timestamp("2024-05-01")
    assert pd.isna(parse_date(2017)) and pd.isna(parse_date(12345678))  # a year alone or a count: no day
    df = sa.read_articles(pd.DataFrame({"title": ["A"], "published": [20240501],
                                        "text": ["The mayor of a river town resigned after a long fight."]}))
    assert df["published"].tolist() == [pd.Timestamp("2024-05-01")]


def test_a_column_mixing_offsets_naive_values_and_blanks_loads_as_local_wall_time(tmp_path):
    p = tmp_path / "mixed.csv"
    p.write_text("title,published,text\n"
                 "A,2024-05-01T23:30:00-04:00,The mayor of a river town resigned after a long fight.\n"
                 "B,2024-05-02T01:30:00Z,The council of a hill town met to vote on the budget.\n"
                 "C,,A storm hit the coast and cut power to the harbour.\n"
                 "D,2024-05-02,Police arrested two men near the port on a warrant.\n", encoding="utf-8")
    df = sa.read_articles(str(p))
    assert str(df["published"].dtype) == "datetime64[ns]"
    assert [None if pd.isna(v) else str(v) for v in df.sort_values("title")["published"]] == [
        "2024-05-01 23:30:00", "2024-05-02 01:30:00", None, "2024-05-02 00:00:00"]


def test_decode_rejects_binary():
    with pytest.raises(ValueError, match="binary"):
        decode_bytes(b"\x00\x01\x02abc")


def test_unreachable_url_is_skipped_not_fatal():
    # port 9 (discard) on loopback refuses at once: no traffic leaves the machine
    df = sa.read_articles(["http://127.0.0.1:9/story.html", str(SEEDS / "000_7802ac3fc612a4d0.txt")])
    assert len(df) == 1
    reasons = skipped(df).set_index("path")["reason"]
    assert "could not download" in reasons["http://127.0.0.1:9/story.html"]


# =========================================================================== saved news pages

BODY = ("<p>The city council voted on Tuesday to close the old river bridge for at least six months, "
        "after engineers found deep cracks in two of its stone piers during a routine inspection.</p>"
        "<p>Commuters will be sent on a long detour through the valley, the council said, and buses "
        "will run every ten minutes from the station to the business park on the far bank.</p>"
        "<p>Residents said they had warned about the cracks for years. “We told them in 2019,” said "
        "Maria Lopez, who has lived beside the bridge for forty years.</p>")
REPORTING = ["The city council voted on Tuesday", "Commuters will be sent on a long detour",
             "“We told them in 2019,” said Maria Lopez"]


def page(body: str = BODY, head: str = "", lang: str = "en", title: str = "Council shuts river bridge",
         charset: str = "") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f'<!DOCTYPE html><html lang="{lang}"><head>{meta}<title>{title}</title>{head}</head><body>'
            f'<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>{title}</h1>{body}'
            '</article><footer><p>© 2024 Valley Media. All rights reserved.</p></footer></body></html>')


def load_one(tmp_path, html: str | bytes, name: str = "page.html", **kw) -> pd.DataFrame:
    path = tmp_path / name
    path.write_bytes(html if isinstance(html, bytes) else html.encode("utf-8"))
    return sa.read_articles(path, **kw)


# --------------------------------------------------------------------------- declared code pages

CYRILLIC = ("<p>Городской совет во вторник проголосовал за закрытие старого моста через реку по меньшей "
            "мере на шесть месяцев после того, как инженеры обнаружили глубокие трещины в опорах.</p>"
            "<p>Жители говорят, что предупреждали о трещинах много лет, сообщил представитель совета "
            "на пресс-конференции в среду вечером.</p>")


@pytest.mark.parametrize("declare", [
    lambda cp: f'<meta charset="{cp}">',
    lambda cp: f'<meta http-equiv="Content-Type" content="text/html; charset={cp}">',
])
def test_declared_cyrillic_code_page_wins(tmp_path, declare):
    html = page(CYRILLIC, head=declare("windows-1251"), lang="ru", title="Совет закрыл мост")
    df = load_one(tmp_path, html.encode("cp1251"))
    assert "Городской совет во вторник" in df.text[0]
    assert df.encoding[0] == "cp1251"
    assert df.attrs["encodings"] == {str(tmp_path / "page.html"): "cp1251"}


def test_declared_central_european_code_page(tmp_path):
    body = ("<p>Městská rada v úterý odhlasovala uzavření starého mostu přes řeku nejméně na šest "
            "měsíců poté, co inženýři našli hluboké trhliny ve dvou kamenných pilířích.</p>"
            "<p>Obyvatelé řekli, že na trhliny upozorňovali léta, uvedl mluvčí rady ve středu.</p>")
    df = load_one(tmp_path, page(body, charset="iso-8859-2", lang="cs").encode("iso-8859-2", "xmlcharrefreplace"))
    assert "Městská rada v úterý odhlasovala uzavření" in df.text[0]
    assert df.encoding[0] == "iso8859-2"


def test_undeclared_code_page_is_detected_not_cp1252(tmp_path):
    df = load_one(tmp_path, page(CYRILLIC, lang="ru").encode("cp1251"))
    assert "Городской совет" in df.text[0] and df.encoding[0] != "cp1252"


def test_mojibake_is_repaired_and_reported(tmp_path):
    garbled = BODY.replace("“We told them in 2019,”", "â€œWe told them in 2019,â€\x9d").replace(
        "Lopez", "LÃ³pez")
    df = load_one(tmp_path, page(garbled))
    assert "“We told them in 2019,” said Maria López" in df.text[0]
    assert any("mojibake" in w["reason"] for w in df.attrs["warnings"])


# --------------------------------------------------------------------------- not an article

def teaser(i: int) -> str:
    return (f'<div class="card"><h3><a href="/news/story-{i}">Story number {i} about the valley floods</a></h3>'
            f'<p>A short blurb for story {i}, in a few words.</p></div>')


SECTION_FRONT = ('<!DOCTYPE html><html lang="en"><head><title>Local news | Valley News</title>'
                 '<meta property="og:type" content="website"></head><body><h1>Local news</h1>'
                 + "".join(teaser(i) for i in range(1, 5)) + "</body></html>")


def test_listing_page_is_skipped_with_reason(tmp_path):
    df = load_one(tmp_path, SECTION_FRONT, name="section.html")
    assert len(df) == 0
    reason = skipped(df)["reason"][0]
    assert reason.startswith("not an article: listing") and "keep_non_articles=True" in reason


def test_section_front_tagged_as_article_is_still_a_listing(tmp_path):
    front = SECTION_FRONT.replace('content="website"', 'content="article"').replace(
        "</body>", "".join(teaser(i) for i in range(5, 9)) + "</body>")
    df = load_one(tmp_path, front, name="section.html", keep_non_articles=True)
    assert df.page_type.tolist() == ["listing"]


def test_listing_page_kept_on_request(tmp_path):
    (tmp_path / "section.html").write_text(SECTION_FRONT, encoding="utf-8")
    (tmp_path / "story.html").write_text(page(BODY + "".join(teaser(i) for i in range(5))), encoding="utf-8")
    df = sa.read_articles(tmp_path, keep_non_articles=True).set_index("article_id")
    assert df.loc["section", "page_type"] == "listing"
    assert df.loc["story", "page_type"] == "article"  # related-story cards under a real body


def test_video_only_page_is_not_an_article(tmp_path):
    html = ('<html><head><title>Watch: bridge closes</title><meta property="og:type" content="video.other">'
            '</head><body><h1>Watch: bridge closes</h1><video src="v.mp4"></video>'
            '<p>The bridge closed on Tuesday after engineers found cracks in its piers.</p></body></html>')
    df = load_one(tmp_path, html, keep_non_articles=True)
    assert df.page_type.tolist() == ["video"]


# --------------------------------------------------------------------------- authors and credits

@pytest.mark.parametrize("meta_author", ["Sign In", "FoxNews com", "Valley News", "Staff", "Updated 3 hours ago"])
def test_ui_strings_and_site_names_are_not_authors(tmp_path, meta_author):
    head = (f'<meta property="og:site_name" content="Valley News"><meta name="author" content="{meta_author}">'
            '<meta property="og:url" content="https://www.valleynews.com/2017/03/07/bridge">')
    df = load_one(tmp_path, page(head=head))
    assert df.author[0] == "" and df.credit[0] == ""


def test_wire_byline_is_kept_as_credit(tmp_path):
    head = '<meta name="author" content="By JANE ROE, Associated Press">'
    df = load_one(tmp_path, page(head=head))
    assert df.author[0] == "Jane Roe" and df.credit[0] == "Associated Press"


def test_wire_only_byline_and_dateline(tmp_path):
    df = load_one(tmp_path, page(head='<meta name="author" content="Reuters">'))
    assert (df.author[0], df.credit[0]) == ("Reuters", "Reuters")
    body = "<p>LONDON (AP) — " + BODY[3:]
    df = load_one(tmp_path, page(body), name="dateline.html")
    assert df.credit[0] == "Associated Press" and df.author[0] == ""


def test_csv_author_gives_credit():
    df = sa.read_articles(pd.DataFrame({"text": ["It rained."], "author": ["Reuters Staff"]}))
    assert df.credit[0] == "Reuters"


# --------------------------------------------------------------------------- outlets

def test_two_outlets_with_one_brand_name_stay_apart(tmp_path):
    for name, url in [("au.html", "https://www.abc.net.au/news/2017-03-07/bridge/123"),
                      ("us.html", "https://abcnews.go.com/US/bridge/story?id=1")]:
        head = f'<meta property="og:site_name" content="ABC News"><meta property="og:url" content="{url}">'
        (tmp_path / name).write_text(page(head=head), encoding="utf-8")
    for name, url in [("uk.html", "https://www.dailyrecord.co.uk/news/bridge"),
                      ("nj.html", "https://www.dailyrecord.com/story/news/bridge")]:
        head = f'<meta property="og:site_name" content="Daily Record"><meta property="og:url" content="{url}">'
        (tmp_path / name).write_text(page(head=head), encoding="utf-8")
    outlets = sa.read_articles(tmp_path).set_index("article_id")["outlet"]
    assert outlets["au"] == "ABC News (Australia)" and outlets["us"] == "ABC News"
    assert outlets["uk"] == "Daily Record (dailyrecord.co.uk)" and outlets["nj"] == "Daily Record (dailyrecord.com)"


def test_wire_agency_as_site_name_is_not_the_outlet(tmp_path):
    head = ('<meta property="og:site_name" content="Associated Press">'
            '<meta property="og:url" content="https://www.usatoday.com/story/news/2017/03/07/bridge/1/">')
    df = load_one(tmp_path, page(head=head))
    assert df.outlet[0] == "USA Today"


def test_outlet_from_domain_table_when_no_site_name(tmp_path):
    head = '<link rel="canonical" href="https://www.theguardian.com/uk/2017/mar/07/bridge">'
    assert load_one(tmp_path, page(head=head)).outlet[0] == "The Guardian"


# --------------------------------------------------------------------------- boilerplate lines

def test_caption_timestamp_and_promo_lines_removed_reporting_kept(tmp_path):
    body = ("<p>By JANE ROE</p><p>Published 11 Hours Ago</p><p>SHARES</p>"
            "<p>Updated 3:14 PM ET, Tue March 7, 2017</p>"
            + BODY.replace("</p>", "</p><p>READ MORE: Floods close valley schools</p>", 1)
            + "<p>The old bridge seen from the river bank on Monday. (Photo by John Smith)</p>"
            "<p>— Valley Fire (@valleyfire) March 7, 2017</p>"
            "<p>Follow Jane Roe on Twitter @janeroe.</p>"
            "<p>Staff writer Omar Ali contributed to this report.</p>")
    text = load_one(tmp_path, page(body)).text[0]
    for gone in ("Published 11 Hours Ago", "SHARES", "Updated 3:14", "READ MORE", "(Photo by",
                 "@valleyfire", "Follow Jane", "contributed to this report", "By JANE ROE"):
        assert gone not in text
    for kept in REPORTING:
        assert kept in text


def test_reporting_line_with_a_photo_credit_is_kept():
    line = "Engineers will inspect the gates this week, a spokesman said. (Photo by John Smith)"
    df = sa.read_articles(pd.DataFrame({"text": [f"The barrier failed on Monday.\n\n{line}"]}))
    assert line in df.text[0]


def test_lede_printed_twice_is_kept_once():
    lede = "The council voted on Tuesday to close the old river bridge for six months."
    df = sa.read_articles(pd.DataFrame({"text": [f"{lede}\n\n{lede}\n\nEngineers found cracks, officials said."]}))
    assert df.text[0].count(lede) == 1 and "Engineers found cracks" in df.text[0]



@pytest.mark.parametrize("kind", ["line", "promo_start", "promo_end"])
def test_pattern_prefilters_change_no_verdict(kind):
    """The first-character and literal-word pre-filters of the boilerplate table give the same
    verdict as trying every pattern, whatever the case or the first character of the line."""
    from srcanalysis.boilerplate import _rules

    patterns = _rules()[kind]
    lines = ["Photo: Getty Images", "SHARES", "1.2K shares", "Published 11 Hours Ago", "3/22/2017, 4:23 AM",
             "Sign up for our newsletter", "SIGN UP FOR OUR NEWSLETTER", "\u017fign up for our newsletter",
             "Get the Beast in your inbox!", "Thank you!", "Privacy Policy", "READ MORE: Floods close schools",
             "(MORE: Floods)", "— Valley Fire (@valleyfire) March 7, 2017", "%author_name%",
             "\u212aelvin Smith contributed to this report.", "Reporting by Ann Lee; Editing by Bo Chan",
             "The council said it would subscribe to the plan.", "  ", "©2017 Echo", "Kyiv said on Monday.",
             "Staff writer Omar Ali contributed to this report.", "Engineers found cracks, officials said."]
    everything = [p for p in (patterns._anchored, patterns._floating) if p is not None]
    for line in lines + [line.lower() for line in lines] + [line.upper() for line in lines]:
        expected = any(p.match(line) if p is patterns._anchored else p.search(line) for p in everything)
        assert bool(patterns.search(line)) == expected, line



def test_byline_markup_read_in_document_order(tmp_path):
    """The first byline element of the page names the author, whatever marks it (class or rel)."""
    body = ('<div class="story-byline">By Ann Lee</div><p><a rel="author" href="/bo">Bo Chan</a></p>' + BODY)
    df = load_one(tmp_path, page(body))
    assert df.author[0] == "Ann Lee"
    later = ('<p><a rel="author" href="/bo">Bo Chan</a></p><div class="story-byline">By Ann Lee</div>' + BODY)
    assert load_one(tmp_path, page(later), name="later.html").author[0] == "Bo Chan"


def test_page_url_from_canonical_link_when_no_og_url(tmp_path):
    head = '<link rel="canonical" href="https://www.valleyecho.co.uk/news/bridge"><base href="https://cdn.example.com/">'
    assert load_one(tmp_path, page(head=head)).url[0] == "https://www.valleyecho.co.uk/news/bridge"
    head = '<meta property="og:url" content="https://valleyecho.co.uk/b">' + head
    assert load_one(tmp_path, page(head=head), name="og.html").url[0] == "https://valleyecho.co.uk/b"



def test_html_comment_inside_a_paragraph_keeps_the_whole_paragraph(tmp_path):
    """HTML comments around an inline link (CMS markers, seen on a real page) must not cut the
    paragraph short: the page is long enough for the fast extraction path to be kept."""
    body = BODY.replace("to close the old river bridge", 'to close the <!--\n --> <a href="/bridge">old river'
                        ' bridge</a><!--\n --><!--\n --> ')
    more = ("<p>The bridge carries about 12,000 vehicles a day and is the only crossing for lorries between the "
            "two towns, according to figures published by the county last spring.</p>"
            "<p>Shop owners on the east bank said trade had already fallen since the first lane closures in "
            "March, and several said they feared for their businesses if the detour lasted into the winter.</p>"
            "<p>The council said it would publish a timetable for the repairs next week and hold a public "
            "meeting at the town hall on Thursday evening to answer questions from residents.</p>"
            "<p>Engineers will use divers to inspect the foundations of the piers once the river level drops, "
            "a spokesman said, adding that the full cost of the work was not yet known.</p>"
            "<p>A temporary footbridge for pedestrians and cyclists could open within a month, the council's "
            "transport committee heard, though its chair warned that the plan still needed the approval of the "
            "river authority and of the owners of the land on both banks.</p>"
            "<p>Opposition councillors called for an independent review of how the cracks were missed during "
            "earlier inspections, and asked to see the engineers' reports from the last ten years.</p>")
    text = load_one(tmp_path, page(body + more)).text[0]
    assert "to close the old river bridge for at least six months" in " ".join(text.split())


# --------------------------------------------------------------------------- publication dates

def test_copyright_footer_is_never_the_publication_date(tmp_path):
    df = load_one(tmp_path, page())
    assert pd.isna(df.published[0]) and df.published_from[0] == "none"


@pytest.mark.parametrize("lang, tld, extra, expected", [
    ("en-GB", "com", "", "2017-07-04"),
    ("en-US", "com", "", "2017-04-07"),
    ("en", "co.uk", "", "2017-07-04"),
    ("en", "com", "<p>Earlier report: 25/03/2017.</p>", "2017-07-04"),
    ("en", "com", "", None),
])
def test_ambiguous_numeric_date_from_page_conventions(tmp_path, lang, tld, extra, expected):
    head = f'<meta property="og:url" content="https://www.valleynews.{tld}/news/bridge">'
    body = "<p>Published 04/07/2017</p>" + BODY + extra
    df = load_one(tmp_path, page(body, head=head, lang=lang))
    if expected is None:
        assert pd.isna(df.published[0]) and df.published_from[0] == "none"
        assert any("04/07/2017 could be day/month" in w["reason"] for w in df.attrs["warnings"])
    else:
        assert df.published[0] == pd.Timestamp(expected) and df.published_from[0] == "byline"


def test_published_from_metadata_url_and_argument(tmp_path):
    meta = '<meta property="article:published_time" content="2017-03-07T09:30:00-05:00">'
    assert load_one(tmp_path, page(head=meta)).published_from[0] == "page metadata"
    url = '<meta property="og:url" content="https://www.valleynews.com/2017/03/08/bridge">'
    df = load_one(tmp_path, page(head=url), name="u.html")
    assert (df.published[0], df.published_from[0]) == (pd.Timestamp("2017-03-08"), "url")
    df = load_one(tmp_path, page(), name="arg.html", published="2017-03-09")
    assert df.published_from[0] == "argument"


def saved_page(title: str, lines: str, head: str = "", after: str = "", top: str = "",
               headline: str = "Council shuts river bridge") -> str:
    """A hand-saved page: no URL, no site name; ``lines`` sit between the headline and the body,
    ``top`` in the site's top bar."""
    return (f'<!DOCTYPE html><html lang="en"><head><title>{title}</title>{head}</head><body>'
            f'<div id="top"><a href="/">Harbor City Gazette</a> <a href="/local">Local</a>{top}</div>'
            f'<div class="content"><h1 class="headline">{headline}</h1>'
            f'<p class="author-line">By Tom Baker | Staff Writer</p>{lines}<div class="story-body">{BODY}</div>'
            f'{after}</div><footer>Harbor City Gazette · Copyright 2021 Harbor City Media</footer></body></html>')


@pytest.mark.parametrize("line", [
    '<p class="date-line">March 4, 2024</p>',
    '<span class="article-date">Published Mar. 4, 2024</span>',
    '<div id="pubdate">4 March 2024</div>',
    '<p><time>March 4, 2024</time></p>',
    '<p>Monday, March 4, 2024</p>',  # a line that is only a date, no markup naming it
    '<p class="postDate">Monday, March 4, 2024 10:30 AM EST</p>',
    '<div class="timestamp">Published March 4, 2024 | Updated March 6, 2024</div>',
    '<div class="meta"><span class="updated">Updated March 6, 2024</span> <span class="date">March 4, 2024</span></div>',
])
def test_visible_date_line_under_the_headline_is_the_publication_date(tmp_path, line):
    df = load_one(tmp_path, saved_page("Council shuts river bridge", line))
    assert df.published[0] == pd.Timestamp("2024-03-04")
    assert df.published_from[0] in ("date line", "byline")  # "byline" when the extractor keeps the line


def test_date_line_source_is_recorded_when_the_extractor_drops_the_line():
    page_ = extract_page(saved_page("Council shuts river bridge", '<p class="date-line">March 4, 2024</p>'))
    assert (str(page_.published.date()), page_.published_from) == ("2024-03-04", "date line")


@pytest.mark.parametrize("kw", [
    {"lines": '<p class="date updated">Updated March 6, 2024</p>'},  # only an update: no publication date
    {"lines": '<div class="last-modified">March 6, 2024</div>'},
    {"lines": "", "top": '<div class="date">Monday, March 11, 2024</div>'},  # today's date in the top bar
    {"lines": "", "after": '<div class="related"><span class="date">March 1, 2024</span></div>'},
    {"lines": "", "after": '<ul><li><span class="date">March 1, 2024</span> Bridge reopens</li></ul>'},
    {"lines": '<p class="date">By Tom Baker, who covered the bridge in 2019</p>'},  # not only a date
])
def test_dates_that_are_not_a_date_line_give_no_publication_date(tmp_path, kw):
    df = load_one(tmp_path, saved_page("Council shuts river bridge", **kw))
    assert pd.isna(df.published[0]) and df.published_from[0] == "none"


def test_date_line_at_the_top_of_an_article_without_h1(tmp_path):
    html = saved_page("Council shuts river bridge", '<span class="post-date">March 4, 2024</span>')
    html = html.replace('<div class="content"><h1 class="headline">Council shuts river bridge</h1>',
                        '<article><h2 class="headline">Council shuts river bridge</h2>')
    html = html.replace("</div></div><footer>", "</div></article><footer>")
    assert "<h1" not in html and "</article>" in html
    assert load_one(tmp_path, html).published[0] == pd.Timestamp("2024-03-04")
    no_article = html.replace("<article>", "<div>").replace("</article>", "</div>")
    assert pd.isna(load_one(tmp_path, no_article, name="n.html").published[0])


def test_page_metadata_and_url_come_before_a_date_line(tmp_path):
    line = '<p class="date-line">March 4, 2024</p>'
    meta = '<meta property="article:published_time" content="2024-03-01T09:30:00">'
    df = load_one(tmp_path, saved_page("Council shuts river bridge", line, head=meta))
    assert (df.published[0], df.published_from[0]) == (pd.Timestamp("2024-03-01T09:30:00"), "page metadata")
    url = '<link rel="canonical" href="https://www.valleynews.com/2024/03/02/bridge">'
    df = load_one(tmp_path, saved_page("Council shuts river bridge", line, head=url), name="u.html")
    assert (df.published[0], df.published_from[0]) == (pd.Timestamp("2024-03-02"), "url")


@pytest.mark.parametrize("title, outlet", [
    ("Council shuts river bridge - Harbor City Gazette", "Harbor City Gazette"),
    ("Council shuts river bridge | The Valley Herald", "The Valley Herald"),
    ("Council shuts river bridge — Local News — Port Ellis Daily Courier", "Port Ellis Daily Courier"),
    ("Port Ellis Sentinel | Council shuts river bridge", "Port Ellis Sentinel"),
    ("Council shuts river bridge - The Guardian", "The Guardian"),  # rules/outlets.csv
    ("Council shuts river bridge | Local News", ""),  # a section, not an outlet
    ("Council shuts river bridge | Politics", ""),
    ("Council shuts river bridge - Daily News", ""),
    ("Council shuts river bridge - Movie Review", ""),  # a feature label ends in "Review" too
    ("Council shuts river bridge | Weekly Record", ""),
    ("Council shuts river bridge", ""),
    ("Council shuts river bridge - why the city press matters", ""),
])
def test_outlet_of_a_saved_page_from_its_title(tmp_path, title, outlet):
    page_ = extract_page(saved_page(title, '<p class="date-line">March 4, 2024</p>'))
    assert (page_.outlet, page_.outlet_from) == (outlet, "page title" if outlet else "")
    assert page_.title == "Council shuts river bridge"
    assert load_one(tmp_path, saved_page(title, "")).outlet[0] == outlet


def test_title_outlet_only_without_a_url_or_site_name(tmp_path):
    title = "Council shuts river bridge - Harbor City Gazette"
    url = '<link rel="canonical" href="https://www.valleynews.com/news/bridge">'
    page_ = extract_page(saved_page(title, "", head=url))
    assert (page_.outlet, page_.outlet_from) == ("valleynews.com", "domain")
    site = '<meta property="og:site_name" content="Valley News">'
    assert extract_page(saved_page(title, "", head=site)).outlet == "Valley News"


# --------------------------------------------------------------------------- optional components

def test_missing_html_extractor_skips_html_with_install_hint(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import now raises ImportError
    (tmp_path / "page.html").write_text(page(), encoding="utf-8")
    (tmp_path / "note.txt").write_text("Officials said the bridge was safe.", encoding="utf-8")
    df = sa.read_articles(tmp_path)
    assert df.text.tolist() == ["Officials said the bridge was safe."]
    assert "pip install trafilatura" in skipped(df)["reason"][0]


def test_one_broken_page_never_sinks_a_load(tmp_path, monkeypatch):
    import srcanalysis.htmlpage as htmlpage

    real = htmlpage._trafilatura_text

    def flaky(tree, url):
        if "BROKEN" in tree.findtext(".//title"):
            raise RuntimeError("parser blew up")
        return real(tree, url)

    monkeypatch.setattr(htmlpage, "_trafilatura_text", flaky)
    (tmp_path / "a.html").write_text(page(), encoding="utf-8")
    (tmp_path / "b.html").write_text(page(title="BROKEN page"), encoding="utf-8")
    df = sa.read_articles(tmp_path)
    assert df.article_id.tolist() == ["a"]
    assert "parser blew up" in skipped(df).set_index("path")["reason"][str(tmp_path / "b.html")]


# --------------------------------------------------------------------------- decoding order

def test_http_header_beats_meta_and_bom_beats_both():
    from srcanalysis.decoding import decode_document

    body = '<meta charset="utf-8"><p>Москва</p>'.encode("cp1251")
    assert decode_document(body, markup=True, header="text/html; charset=windows-1251").encoding == "cp1251"
    bom = b"\xef\xbb\xbf" + '<meta charset="windows-1251"><p>Москва</p>'.encode("utf-8")
    decoded = decode_document(bom, markup=True, header="text/html; charset=windows-1251")
    assert (decoded.encoding, decoded.basis) == ("utf-8", "bom") and "Москва" in decoded.text


def test_xml_prolog_declaration():
    from srcanalysis.decoding import decode_document

    data = '<?xml version="1.0" encoding="ISO-8859-2"?><html><p>Łódź</p></html>'.encode("iso-8859-2")
    decoded = decode_document(data, markup=True)
    assert decoded.basis == "declared" and "Łódź" in decoded.text


def test_xhtml_page_with_prolog_loads(tmp_path):
    body = BODY.replace("Maria Lopez", "Łucja Łódzka")
    xhtml = '<?xml version="1.0" encoding="ISO-8859-2"?>\n' + page(body)
    df = load_one(tmp_path, xhtml.encode("iso-8859-2", "xmlcharrefreplace"))
    assert "said Łucja Łódzka" in df.text[0] and df.encoding[0] == "iso8859-2"


def test_declared_utf8_with_one_stray_byte_is_kept_and_reported(tmp_path):
    html = page().encode("utf-8").replace(b"<nav>", b"<nav>\xa0", 1)
    df = load_one(tmp_path, html)
    assert df.encoding[0] == "utf-8" and "The city council voted" in df.text[0]
    assert any("replaced by U+FFFD" in w["reason"] for w in df.attrs["warnings"])


@pytest.mark.parametrize("raw, expected", [
    ("Jacqueline Williams New York Times", ("Jacqueline Williams", "The New York Times")),
    ("©The Daily Telegraph", ("", "")),
    ("About The Author Ramona Pringle Technology Columnist", ("Ramona Pringle", "")),
    ("By GREG BEACHAM AP Sports Writer", ("Greg Beacham", "Associated Press")),
    ("Andrew Orlowski tweet btn", ("Andrew Orlowski", "")),
    ("Brie Zeltner, The Plain Dealer", ("Brie Zeltner", "")),
    ("AFP Relax News", ("Agence France-Presse", "Agence France-Presse")),
])
def test_byline_strings_seen_on_real_pages(raw, expected):
    from srcanalysis.htmlpage import clean_author

    assert clean_author(raw) == expected


def test_headline_is_the_pages_own_h1_not_the_logo_or_seo_title(tmp_path):
    html = ('<html><head><title>Bridge shut | Valley News</title>'
            '<meta property="og:title" content="Bridge closure: what commuters need to know - Valley News">'
            '<meta property="og:site_name" content="Valley News"></head><body>'
            '<header><h1>Valley News Local Stories Every Day</h1></header>'
            f'<article><h1>Council shuts the old river bridge for six months</h1>{BODY}</article></body></html>')
    df = load_one(tmp_path, html)
    assert df.title[0] == "Council shuts the old river bridge for six months"
    html = html.replace("<h1>Council shuts the old river bridge for six months</h1>", "")
    assert load_one(tmp_path, html, name="no_h1.html").title[0] == "Bridge closure: what commuters need to know"


def test_numeric_dates_in_one_csv_follow_one_day_month_order(tmp_path):
    # a UK-style column: 14/03/2024 can only be day first, so 05/11/2024 is 5 November, 01/02/2024 1 February
    (tmp_path / "uk.csv").write_text(
        "headline,body,publisher,date\n"
        "Bridge reopens,The bridge reopened after repairs.,Dorset Echo,14/03/2024\n"
        "Council votes,The council voted on the budget.,Dorset Echo,05/11/2024\n"
        "Ferry strike,Ferry crews walked out over pay.,Dorset Echo,01/02/2024\n", encoding="utf-8")
    arts = sa.read_articles(tmp_path / "uk.csv")
    assert arts["published"].dt.strftime("%Y-%m-%d").tolist() == ["2024-03-14", "2024-11-05", "2024-02-01"]
    assert not arts.attrs["warnings"]


def test_ambiguous_numeric_dates_an_input_cannot_settle_stay_empty_with_the_reason(tmp_path):
    (tmp_path / "us.csv").write_text(
        "title,text,outlet,date\n"
        "Storm,The storm hit the coast.,Gazette,04/07/2017\n"
        "Vote,The vote passed.,Gazette,2017-05-02\n", encoding="utf-8")
    arts = sa.read_articles(tmp_path / "us.csv")
    assert arts["published"].isna().tolist() == [True, False]
    assert arts["published_from"].tolist() == ["none", "input"]  # the corpus's own column, not a catalog
    reasons = [w["reason"] for w in arts.attrs["warnings"]]
    assert any("'04/07/2017'" in r and "either way round" in r for r in reasons)


def test_a_corpus_without_an_outlet_column_takes_the_outlet_from_its_urls():
    arts = sa.read_articles(pd.DataFrame({
        "text": ["The storm hit the coast on Monday.", "The council met.", "Rain fell."],
        "url": ["https://en.wikinews.org/wiki/Storm_hits_coast", "https://www.example-gazette.com/2020/council", ""]}))
    assert arts["outlet"].tolist() == ["Wikinews", "example-gazette.com", ""]


def test_a_site_family_publication_date_meta_is_read(tmp_path):
    page = ('<html><head><meta charset="utf-8"><title>Storm hits Cleveland | cleveland.com</title>'
            '<meta name="date_original" content="Wednesday, March 29, 2017, 5:00 AM"></head><body><article>'
            '<h1>Storm hits Cleveland</h1><p>The storm knocked out power to 40,000 homes on Tuesday night, the '
            'utility said in a statement on Wednesday morning.</p><p>Crews worked through the night to restore '
            'service across the east side, where fallen trees blocked several main roads.</p><p>The city opened two '
            'cooling centers and asked residents to check on elderly neighbors until power returns.</p></article>'
            '</body></html>')
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    arts = sa.read_articles(tmp_path / "p.html")
    assert str(arts.loc[0, "published"]) == "2017-03-29 05:00:00"
    assert arts.loc[0, "published_from"] == "page metadata"


# --- kinds of input that break other extractors and loaders (invented files) ------------------

_PAGE = ("<html lang='en'><head><title>Ferry service resumes</title></head><body><article>"
         "<h1>Ferry service resumes</h1><p>The harbour ferry resumed its morning crossings on Monday "
         "after a two-week repair, the port authority said in a statement.</p><p>Harbourmaster Ines "
         "Baird said the new engine had passed its sea trials and that fares would not change.</p>"
         "</article></body></html>")


def test_semicolon_and_tab_delimited_corpora_load(tmp_path):
    (tmp_path / "eu.csv").write_bytes(
        "\ufefftitel;text;date\nFerry;\"The ferry resumed, officials said. Fares hold.\";2024-03-05\n"
        .replace("titel", "title").encode("utf-8"))
    (tmp_path / "export.tsv").write_text("title\ttext\nBridge\tThe bridge reopened on Friday.\n", encoding="utf-8")
    df = sa.read_articles(tmp_path)
    assert sorted(df["title"]) == ["Bridge", "Ferry"]
    assert df.set_index("title").loc["Ferry", "text"] == "The ferry resumed, officials said. Fares hold."
    assert df.set_index("title").loc["Ferry", "published"] == pd.Timestamp("2024-03-05")


def test_repeated_header_row_is_listed_not_loaded(tmp_path):
    path = tmp_path / "joined.csv"
    path.write_text('title,text\nA,"The mayor said yes."\ntitle,text\nB,"The clerk said no."\n', encoding="utf-8")
    df = sa.read_articles(path)
    assert df["title"].tolist() == ["A", "B"]
    assert skipped(df)["reason"].str.contains("repeated header row").sum() == 1


def test_duplicated_articles_do_not_erase_each_other_as_chrome():
    # the same short story four times in one corpus is not site chrome
    frame = pd.DataFrame({"text": ["Fire crews contained the blaze on Elm Street."] * 4 + ["Rain is due."],
                          "outlet": ["Gazette"] * 5})
    df = sa.read_articles(frame)
    assert len(df) == 5 and skipped(df).empty


def test_a_pdf_or_zip_with_a_text_name_is_skipped_as_binary(tmp_path):
    (tmp_path / "story.html").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    (tmp_path / "notes.txt").write_bytes(b"PK\x03\x04\x14\x00\x06\x00word/document.xml")
    (tmp_path / "ok.txt").write_text("The council met on Monday.", encoding="utf-8")
    df = sa.read_articles(tmp_path)
    reasons = skipped(df).set_index("path")["reason"]
    assert "PDF document" in reasons[str(tmp_path / "story.html")]
    assert "ZIP archive" in reasons[str(tmp_path / "notes.txt")]
    assert df["path"].tolist() == [str(tmp_path / "ok.txt")]


def test_gzip_compressed_page_and_corpus_load(tmp_path):
    import gzip
    (tmp_path / "ferry.html.gz").write_bytes(gzip.compress(_PAGE.encode("utf-8")))
    (tmp_path / "wire.jsonl.gz").write_bytes(gzip.compress(b'{"text": "Rain is due on Tuesday."}\n'))
    (tmp_path / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    df = sa.read_articles(tmp_path)
    assert "harbour ferry resumed" in df.set_index("article_id").loc["ferry", "text"]
    assert (df["text"] == "Rain is due on Tuesday.").sum() == 1
    assert "decompress" in skipped(df).set_index("path").loc[str(tmp_path / "broken.txt.gz"), "reason"]


def test_gzip_bomb_stops_at_the_size_limit(tmp_path):
    import gzip
    (tmp_path / "big.txt.gz").write_bytes(gzip.compress(b"word " * 50_000))
    df = sa.read_articles(tmp_path, max_bytes=10_000)
    assert "too large once decompressed" in skipped(df)["reason"].iloc[0]


def test_hidden_files_and_folders_are_listed(tmp_path):
    (tmp_path / "a.txt").write_text("The council met on Monday.", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main", encoding="utf-8")
    df = sa.read_articles(tmp_path)
    reasons = skipped(df).set_index("path")["reason"]
    assert len(df) == 1 and len(reasons) == 2
    assert "hidden file" in reasons[str(tmp_path / ".DS_Store")]
    assert "hidden folder" in reasons[str(tmp_path / ".git")]


def test_a_corpus_without_text_in_a_folder_is_listed_and_the_rest_load(tmp_path):
    (tmp_path / "links.csv").write_text("headline,url\nA,https://example.org/a\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("The council met on Monday.", encoding="utf-8")
    df = sa.read_articles(tmp_path)
    assert len(df) == 1
    assert "no text column" in skipped(df).set_index("path").loc[str(tmp_path / "links.csv"), "reason"]


def test_a_frameset_page_says_which_page_it_frames(tmp_path):
    (tmp_path / "index.html").write_text(
        '<html><frameset><frame src="story-2024-ferry.html"></frameset></html>', encoding="utf-8")
    df = sa.read_articles(tmp_path)
    assert "story-2024-ferry.html" in skipped(df)["reason"].iloc[0]


@pytest.mark.parametrize("body", [
    # paragraphs separated only by <br>
    "<article><h1>Ferry service resumes</h1>The harbour ferry resumed its morning crossings on Monday after "
    "a two-week repair, the port authority said.<br><br>Harbourmaster Ines Baird said the new engine had "
    "passed its sea trials and that fares would not change.</article>",
    # a <noscript> nag and a <template> beside the article
    "<noscript><p>Please enable JavaScript to read this story.</p></noscript><template><p>Template card "
    "text that no reader sees on the page.</p></template><article><h1>Ferry service resumes</h1><p>The "
    "harbour ferry resumed its morning crossings on Monday after a two-week repair, the port authority "
    "said.</p><p>Harbourmaster Ines Baird said the new engine had passed its sea trials and that fares "
    "would not change.</p></article>",
])
def test_odd_page_markup_keeps_the_story_only(tmp_path, body):
    (tmp_path / "p.html").write_text(f"<html lang='en'><head><title>Ferry service resumes</title></head>"
                                     f"<body>{body}</body></html>", encoding="utf-8")
    text = sa.read_articles(tmp_path / "p.html")["text"].iloc[0]
    assert "harbour ferry resumed" in text and "Ines Baird" in text
    assert "JavaScript" not in text and "Template card" not in text


def test_json_ld_article_body_when_the_page_body_is_empty(tmp_path):
    ld = json.dumps({"@type": "NewsArticle", "headline": "Ferry service resumes",
                     "articleBody": "The harbour ferry resumed its morning crossings on Monday after a "
                                    "two-week repair, the port authority said."})
    (tmp_path / "app.html").write_text(f'<html><head><script type="application/ld+json">{ld}</script></head>'
                                       '<body><div id="root"></div></body></html>', encoding="utf-8")
    df = sa.read_articles(tmp_path / "app.html")
    assert "harbour ferry resumed" in df["text"].iloc[0]


# --- articles that are not English load, with a warning each -----------------------------------

_FRENCH = ("Le conseil municipal a voté mardi pour étendre le réseau de bus dans les quartiers du nord, "
           "ont déclaré des responsables. La maire a dit que le plan coûterait environ quatre millions "
           "d'euros sur trois ans et qu'il serait financé par la taxe sur les transports.")
_ENGLISH = ("The council voted on Tuesday to expand the bus network in the northern districts, officials "
            "said. The mayor said the plan would cost about four million dollars over three years and that "
            "it would be paid for by the transit levy, which was raised last spring.")


def test_a_french_article_loads_with_a_warning_naming_the_evidence():
    df = sa.read_articles(pd.DataFrame({"text": [_FRENCH, _ENGLISH], "id": ["fr1", "en1"]}))
    assert len(df) == 2  # loaded, not dropped
    warned = [w for w in df.attrs["warnings"] if "not English" in w["reason"]]
    assert [w["path"] for w in warned] == ["<DataFrame>#row0"]
    assert "reads as French" in warned[0]["reason"]


def test_declared_language_column_and_page_lang_are_evidence(tmp_path):
    short_de = "Der Bürgermeister sagte nein."  # too short for the word test: the column decides
    df = sa.read_articles(pd.DataFrame({"text": [short_de, _ENGLISH], "language": ["de", "de"]}))
    reasons = [w["reason"] for w in df.attrs["warnings"]]
    assert len(reasons) == 1 and "declares language 'de'" in reasons[0]  # English words outvote a wrong column
    (tmp_path / "p.html").write_text(
        "<html lang='es'><head><title>Votación</title></head><body><article><h1>Votación</h1><p>El consejo "
        "votó el martes para ampliar la red de autobuses en los distritos del norte, dijeron los funcionarios, "
        "y la alcaldesa dijo que el plan costaría unos cuatro millones de euros en tres años.</p></article>"
        "</body></html>", encoding="utf-8")
    reasons = [w["reason"] for w in sa.read_articles(tmp_path / "p.html").attrs["warnings"]]
    assert any("not English" in r and "Spanish" in r for r in reasons)


@pytest.mark.parametrize("text", [
    "Городской совет во вторник проголосовал за расширение автобусной сети в северных районах города.",
    "市议会周二投票决定扩大北部地区的公交网络，官员们说，该计划将在三年内花费约四百万欧元。" * 2,
])
def test_non_latin_script_article_is_warned(text):
    reasons = [w["reason"] for w in sa.read_articles(pd.DataFrame({"text": [text]})).attrs["warnings"]]
    assert len(reasons) == 1 and "not Latin script" in reasons[0]


@pytest.mark.parametrize("text", [
    # an English table of figures has few function words of any language
    "Shr 34 cts vs 1.19 dlrs\nNet 3,345,000 vs 2,100,000\nRevs 41.1 mln vs 38.7 mln\nNine mths\n"
    "Shr 1.02 dlrs vs 2.45 dlrs\nNet 9,870,000 vs 8,100,000\nRevs 120.5 mln vs 101.2 mln",
    # English prose with foreign names and a quoted French phrase
    "Jean de la Fontaine Elementary School in New Orleans reopened on Monday, and Principal Marie Le Blanc "
    "said the motto, 'la joie de vivre', was painted over the door by the students, who had raised the money.",
    _ENGLISH,
])
def test_english_texts_are_not_warned(text):
    df = sa.read_articles(pd.DataFrame({"text": [text], "language": ["en-US"]}))
    assert not [w for w in df.attrs["warnings"] if "not English" in w["reason"]]


@pytest.mark.parametrize("teaser", [
    "This story is for subscribers only.",
    "To continue reading, subscribe or log in.",
    "Already a subscriber? Sign in",
    "You’ve read 3 of your 5 free articles this month.",
    "Subscribe or log in to read the rest of this story.",
])
def test_paywall_teaser_lines_are_removed_reporting_kept(teaser):
    body = ("The harbour ferry resumed its crossings on Monday, the port authority said.\n"
            "Already a member of the board, Ines Baird said she would run again.\n" + teaser)
    assert clean_text(body) == ("The harbour ferry resumed its crossings on Monday, the port authority said.\n\n"
                                "Already a member of the board, Ines Baird said she would run again.")


def test_excel_separator_hint_line_and_duplicate_columns(tmp_path):
    (tmp_path / "excel.csv").write_text("sep=;\r\ntitle;text\r\nFerry;The ferry resumed, officials said.\r\n",
                                        encoding="utf-8")
    (tmp_path / "twice.csv").write_text("id,text,text\nb1,The first body.,A second body.\n", encoding="utf-8")
    df = sa.read_articles(tmp_path)
    assert df.set_index("title").loc["Ferry", "text"] == "The ferry resumed, officials said."
    assert df.set_index("article_id").loc["b1", "text"] == "The first body."
    notes = {w["path"]: w["reason"] for w in df.attrs["warnings"]}
    assert "text named twice" in notes[str(tmp_path / "twice.csv")]


def test_a_page_saved_under_a_txt_name_is_read_as_html(tmp_path):
    (tmp_path / "saved.txt").write_bytes(
        ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='windows-1252'><title>Ferry back</title></head>"
         "<body><nav>Home | News | Sport</nav><article><h1>Ferry back</h1><p>The harbour ferry resumed its "
         "crossings on Monday, the port authority said, and the café reopened.</p></article></body></html>")
        .encode("cp1252"))
    df = sa.read_articles(tmp_path)
    assert df["title"].tolist() == ["Ferry back"]
    assert "<" not in df["text"].iloc[0] and "Home | News" not in df["text"].iloc[0]
    assert "café reopened" in df["text"].iloc[0] and df["encoding"].iloc[0] == "cp1252"
    assert "read as HTML" in df.attrs["warnings"][0]["reason"]


def test_a_publication_date_that_is_not_a_date_is_warned_not_dropped_silently():
    frame = pd.DataFrame({"text": ["The mayor said on Monday the bridge would close."] * 4,
                          "published": ["2019-13-45", "next Tuesday", "", "2019-05-02"]})
    df = sa.read_articles(frame)
    assert df["published"].isna().tolist() == [True, True, True, False]
    reasons = {w["path"]: w["reason"] for w in df.attrs["warnings"]}
    assert set(reasons) == {"<DataFrame>#row0", "<DataFrame>#row1"}  # a blank value is no error
    assert "'2019-13-45' is not a date" in reasons["<DataFrame>#row0"]
    assert "relative dates" in reasons["<DataFrame>#row1"]


def test_a_credit_line_the_clean_up_removes_is_kept_in_the_credit_column(tmp_path):
    """'The Associated Press contributed to this report.' is removed from the text as a tagline; it
    must still say who is credited, or reuse calls the copy uncredited."""
    (tmp_path / "copy.txt").write_text(
        "title: County approves budget\noutlet: Daily Herald\n\n"
        "The county board approved a $2 billion budget on Tuesday after a six-hour meeting.\n\n"
        "The Associated Press contributed to this report.\n", encoding="utf-8")
    (tmp_path / "synd.txt").write_text(
        "title: Water rates rise\noutlet: Valley Post\n\n"
        "Water rates will rise 8 percent in July, the utility said.\n\n"
        "This story originally appeared in The Texas Tribune.\n", encoding="utf-8")
    arts = sa.read_articles(tmp_path).set_index("article_id")
    assert "contributed" not in arts.loc["copy", "text"]
    assert arts.loc["copy", "credit"] == "Associated Press"
    assert "Texas Tribune" in arts.loc["synd", "credit"]

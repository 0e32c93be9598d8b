"""read_articles on the seeds, the sample and every kind of bad input."""
from __future__ import annotations

import json

import pandas as pd
import pytest

import srcanalysis as sa
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


def test_decode_rejects_binary():
    with pytest.raises(ValueError, match="binary"):
        decode_bytes(b"\x00\x01\x02abc")


def test_unreachable_url_is_skipped_not_fatal():
    # port 9 (discard) on loopback refuses at once: no traffic leaves the machine
    df = sa.read_articles(["http://127.0.0.1:9/story.html", str(SEEDS / "000_7802ac3fc612a4d0.txt")])
    assert len(df) == 1
    reasons = skipped(df).set_index("path")["reason"]
    assert "could not download" in reasons["http://127.0.0.1:9/story.html"]

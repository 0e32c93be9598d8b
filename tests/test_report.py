"""The one-command HTML report."""
from __future__ import annotations

import re

import pandas as pd

import srcanalysis as sa
from srcanalysis.cli import main
from srcanalysis.html_report import write_report

from conftest import DATA, SEEDS


def test_report_on_seeds_is_self_contained(tmp_path):
    page = write_report(sa.read_articles(SEEDS), tmp_path / "r")
    html = page.read_text(encoding="utf-8")
    assert page.name == "index.html"
    for section in ("Anonymous sources", "Timeline and gaps", "Cross-outlet reuse", "The articles"):
        assert f"<h2>{section}</h2>" in html
    assert "could not be computed" not in html
    # assets are inline: no external src/href
    assert not re.search(r"(?:src|href)=['\"]https?://", html)
    assert html.count("data:image/png;base64,") >= 4
    # sentences coloured by type, reused passages marked, the seed's anonymous sources shown
    assert html.count("class='s") >= 70
    assert "class='s reused'" in html
    assert "anonymous · source: a senior defense official" in html
    for name in ("sentences.csv", "profile.csv", "passages.csv", "timeline.csv", "gaps.csv"):
        assert (tmp_path / "r" / name).exists(), name
    passages = pd.read_csv(tmp_path / "r" / "passages.csv")
    assert passages["credited"].all() and len(passages) >= 2


def test_report_escapes_article_text(tmp_path):
    arts = sa.read_articles(pd.DataFrame({"text": ["<script>alert(1)</script> Officials said it was safe."],
                                          "title": ["<b>x</b>"]}))
    html = write_report(arts, tmp_path).read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_report_command_on_sample(tmp_path, capsys):
    assert main(["report", str(DATA), "-o", str(tmp_path / "report")]) == 0
    html = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert "52 articles" in html and "1 input(s) not loaded" in html
    assert "report written to" in capsys.readouterr().err


# --- issue 15: a report a desk can publish from ---------------------------------------------------

import importlib  # noqa: E402
import sqlite3  # noqa: E402

timeline_module = importlib.import_module("srcanalysis.time.timeline")  # the package's name is the function
from srcanalysis.sources.headline import anonymous_answer  # noqa: E402

DESK = {
    "city-1": ("Council approves budget after long night",
               "The council approved the budget on Tuesday, a spokesperson said. A senior official, who was not "
               "authorized to speak publicly, said the vote had been close. Mayor Ann Lee said the plan was fair."),
    "city-2": ("Water main breaks on Elm Street",
               "A water main broke on Elm Street on Monday. Residents said the water was brown for days. "
               "BROKEN DATE The utility declined to comment."),
    "city-3": ("School board delays vote",
               "The school board delayed its vote until March 3, officials who asked not to be named said. "
               "Board chair Tom Ruiz said more time was needed."),
}


def desk_articles() -> pd.DataFrame:
    return sa.read_articles(pd.DataFrame({"article_id": list(DESK), "title": [t for t, _ in DESK.values()],
                                          "text": [x for _, x in DESK.values()], "outlet": "City Desk",
                                          "published": "2024-02-20"}))


def test_report_writes_sqlite_with_every_csv_as_an_indexed_table(tmp_path):
    write_report(desk_articles(), tmp_path)
    csvs = sorted(p.stem for p in tmp_path.glob("*.csv"))
    assert {"articles", "sentences", "profile", "timeline", "errors", "skipped", "anonymous_shares"} <= set(csvs)
    shares = pd.read_csv(tmp_path / "anonymous_shares.csv")
    assert {"anonymous_of_sourced_low", "anonymous_of_sourced_high", "anonymous_of_sourced_small"} <= set(shares.columns)
    con = sqlite3.connect(tmp_path / "srcanalysis.db")
    try:
        tables = sorted(r[0] for r in con.execute("select name from sqlite_master where type='table'"))
        indexes = {r[0] for r in con.execute("select name from sqlite_master where type='index'")}
        n_sents = con.execute("select count(*) from sentences where article_id = 'city-1'").fetchone()[0]
        title = con.execute("select a.title from sentences s join articles a using (article_id) "
                            "where s.text like 'Mayor Ann Lee%'").fetchone()[0]
    finally:
        con.close()
    assert tables == csvs
    assert {"sentences_article_id", "sentences_outlet", "profile_article_id"} <= indexes
    assert n_sents == len(pd.read_csv(tmp_path / "sentences.csv").query("article_id == 'city-1'")) == 3
    assert title == "Council approves budget after long night"


def test_report_csvs_read_on_their_own_name_articles_and_sentences(tmp_path):
    """A journalist opening one CSV in a spreadsheet sees titles and sentence text, not only ids."""
    write_report(desk_articles(), tmp_path)
    profile = pd.read_csv(tmp_path / "profile.csv")
    assert list(profile.columns[:2]) == ["article_id", "title"]
    assert profile.set_index("article_id").loc["city-1", "title"] == "Council approves budget after long night"
    dated = pd.read_csv(tmp_path / "sentence_dates.csv")
    assert {"text", "event_begin", "event_basis"} <= set(dated.columns)
    assert "source_type" not in dated.columns  # the tags live in sentences.csv
    assert dated["text"].str.startswith("Mayor Ann Lee").any()


def test_one_failing_article_gets_a_note_and_the_timeline_section_stays(tmp_path, monkeypatch):
    real = timeline_module._extract

    def fragile(text, state):
        if "BROKEN DATE" in text:
            raise ValueError("unreadable date expression")
        return real(text, state)

    monkeypatch.setattr(timeline_module, "_extract", fragile)
    page = write_report(desk_articles(), tmp_path).read_text(encoding="utf-8")
    assert "could not be computed" not in page
    assert "<h2>Timeline and gaps</h2>" in page and "<h2>What could not be read</h2>" in page
    # the note sits on the failing article's card only
    card = page.split("id='a-city-2'")[1].split("<div class='article'")[0]
    assert "Part of this article could not be read" in card and "unreadable date expression" in card
    other = page.split("id='a-city-3'")[1].split("<div class='article'")[0]
    assert "could not be read" not in other
    events = pd.read_csv(tmp_path / "timeline.csv")
    assert "city-2" not in set(events["article_id"]) and {"city-1", "city-3"} <= set(events["article_id"])
    failed = pd.read_csv(tmp_path / "errors.csv")
    assert failed[["article_id", "stage", "error"]].values.tolist() == [["city-2", "timeline", "ValueError"]]


def test_tables_show_titles_with_ids_on_hover_and_sort_offline(tmp_path):
    page = write_report(desk_articles(), tmp_path).read_text(encoding="utf-8")
    assert "<table class='sortable'>" in page and "<div class='tbl'>" in page
    assert "title='Council approves budget after long night (id city-1)'>Council approves budget after long night</span>" in page
    assert "<script>" in page and not re.search(r"<script[^>]+src=", page)


def test_lede_states_the_answer_with_its_denominators(tmp_path):
    arts = desk_articles()
    page = write_report(arts, tmp_path).read_text(encoding="utf-8")
    answer = anonymous_answer(sa.sentences(arts))
    assert answer in page.replace("&#x27;", "'")
    assert "of sourced sentences" in answer and "of all sentences" in answer
    # three articles make too few sourced sentences to rank the outlet
    assert "No outlet has 30 or more sourced sentences" in answer
    assert "City Desk" in answer


def test_article_card_shows_the_planned_columns_when_present():
    from srcanalysis.html_report import _article_html
    text = "A police officer said the road was closed on Monday."
    article = pd.Series({"article_id": "x1", "title": "Road closed", "outlet": "City Desk",
                         "published": pd.Timestamp("2024-02-20"), "author": "", "credit": "Reuters",
                         "published_from": "meta", "text": text})
    sents = pd.DataFrame({"start": [0], "end": [len(text)], "source_type": ["unnamed_person"],
                          "source": ["A police officer"], "source_name": [""], "rule": ["cue:said"],
                          "event_expression": ["on Monday"], "event_begin": [pd.Timestamp("2024-02-19")],
                          "event_end": [pd.Timestamp("2024-02-19")], "event_basis": ["weekday"]})
    card = _article_html(article, sents, [])
    assert "City Desk · 2024-02-20 · credit: Reuters · date from: meta · id x1" in card
    assert ("title='unnamed person · source: A police officer · rule: cue:said · date: on Monday · "
            "event from: 2024-02-19 · to: 2024-02-19 · dated by: weekday'") in card


def test_reuse_headline_counts_takings_per_article_not_sibling_copies(tmp_path):
    """Two outlets copy one Reuters story, one crediting it: two takings (one credited, one not),
    although the copies also match each other in a third passage."""
    wire = ("The central bank raised its main interest rate by half a point on Tuesday, the largest increase in "
            "two decades, as policymakers moved to cool prices that have climbed faster than wages for a year. "
            "Governor Maria Stein told reporters the bank would act again if inflation did not slow by autumn. "
            "Markets had expected a smaller move, and the currency rose sharply against the dollar after the decision.")
    arts = sa.read_articles(pd.DataFrame({
        "article_id": ["r", "a", "b"], "outlet": ["Reuters", "Daily Ledger", "Evening Star"],
        "title": ["Bank raises rates", "Rates up again", "Bank moves on prices"],
        "published": ["2024-05-07"] * 3,
        "text": ["LONDON (Reuters) - " + wire, "LONDON (Reuters) - " + wire + " Local lenders followed suit.",
                 wire + " Shops said trade was slow."]}))
    page = write_report(arts, tmp_path).read_text(encoding="utf-8")
    assert len(pd.read_csv(tmp_path / "passages.csv")) == 3
    assert ("2 articles took 140 words from another outlet or a wire agency: 71 words credited (1 article), "
            "69 not credited (1 article), 0 unknown (0 articles). They match in 3 passages") in page


def test_a_plain_frame_with_mixed_utc_offsets_gets_every_section(tmp_path):
    """A frame straight from a database export (no title column, offsets mixed with blanks) is read
    like a corpus: every section is computed, none fails on a missing column or on time zones."""
    text = ("Officials said on Monday the bridge would close. A senior official who was not authorized to "
            "speak said repairs would take a year.")
    frame = pd.DataFrame({"outlet": ["Ledger", "Star", "Post"], "text": [text] * 3,
                          "published": ["2024-05-01T23:30:00-04:00", "2024-05-02T09:00:00Z", ""]})
    page = write_report(frame, tmp_path).read_text(encoding="utf-8")
    assert "could not be computed" not in page
    sents = pd.read_csv(tmp_path / "sentences.csv")
    assert sents["published"].dropna().str[:10].unique().tolist() == ["2024-05-01", "2024-05-02"]


def test_top_articles_rank_by_anonymous_sentences_not_by_a_share_of_two():
    """One anonymous of two sourced sentences (50 %) must not outrank six of forty (15 %)."""
    from srcanalysis.html_report import _top_articles

    by_article = pd.DataFrame({"article_id": ["tiny", "big"], "outlet": ["A", "B"], "sentences": [5, 80],
                               "sourced": [2, 40], "anonymous": [1, 6], "anonymous_of_sourced": [0.5, 0.15],
                               "anonymous_of_sourced_low": [0.09, 0.07], "anonymous_of_sourced_high": [0.91, 0.29],
                               "anonymous_of_sourced_small": [True, False]})
    table = _top_articles(by_article)
    assert table.index("big") < table.index("tiny")
    assert "anonymous_of_sourced_small" in table


def test_loader_warnings_reach_the_report_and_warnings_csv(tmp_path):
    """An ambiguous date left empty was only printed on the command line; the report said nothing."""
    frame = pd.DataFrame({"outlet": ["Ledger"], "title": ["Council delays vote"], "published": ["04/07/2024"],
                          "text": ["The council said on Monday it would delay the vote until next month."]})
    page = write_report(sa.read_articles(frame), tmp_path).read_text(encoding="utf-8")
    warned = pd.read_csv(tmp_path / "warnings.csv")
    assert len(warned) == 1 and "04/07/2024" in warned["reason"][0]
    assert "warning(s) on loaded inputs" in page and "04/07/2024" in page

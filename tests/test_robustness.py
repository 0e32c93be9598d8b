"""Awkward but plausible inputs: every public function returns a sensible frame or a clear error."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import srcanalysis as sa
from srcanalysis.html_report import write_report


@pytest.fixture(scope="module")
def empty():
    return sa.read_articles(pd.DataFrame({"text": []}))


def test_empty_corpus_flows_through_everything(empty, tmp_path):
    sents = sa.sentences(empty)
    assert len(sents) == 0 and "source_type" in sents
    assert len(sa.source_profile(sents)) == 0
    events = sa.timeline(sents)
    assert len(events) == 0 and len(sa.timeline_gaps(events)) == 0
    passages = sa.find_reuse(empty)
    assert list(passages.columns)[:3] == ["article_a", "a_start", "a_end"] and len(passages) == 0
    assert len(sa.reuse_summary(empty, passages)["articles"]) == 0
    assert write_report(empty, tmp_path).exists()
    for ax in (sa.plot_source_mix(sents), sa.plot_anonymous_by_position(sents), sa.plot_source_strip(sents)):
        assert ax.get_title(loc="left")
        plt.close(ax.figure)


def test_odd_texts_are_loaded_or_listed():
    frame = pd.DataFrame({"text": [5, None, "   ", "Hi there.", "word " * 40000, "“”!!! ...", "😀 Emoji said ok."]})
    arts = sa.read_articles(frame)
    assert len(arts) + len(sa.skipped(arts)) == len(frame)
    assert sorted(sa.skipped(arts)["reason"]) == ["empty text", "empty text"]
    sents = sa.sentences(arts)
    assert set(sents["article_id"]) == set(arts["article_id"])


def test_tz_aware_and_missing_dates_become_naive_or_nat():
    arts = sa.read_articles(pd.DataFrame({"text": ["A.", "B."],
                                          "published": [pd.Timestamp("2020-01-01 10:00", tz="UTC"), None]}))
    assert str(arts["published"].dtype) == "datetime64[ns]"
    assert arts["published"].iloc[0] == pd.Timestamp("2020-01-01 10:00") and pd.isna(arts["published"].iloc[1])


def test_duplicate_ids_are_made_unique():
    arts = sa.read_articles(pd.DataFrame({"id": ["x", "x"], "text": ["Officials said a.", "Officials said b."]}))
    assert arts["article_id"].tolist() == ["x", "x-2"]


def test_tagging_accepts_missing_values():
    out = sa.tag_sentences([None, 5, "A senior official said so."])
    assert out["source_type"].astype(str).tolist() == ["unattributed", "unattributed", "anonymous"]


def test_timexes_on_nothing():
    assert len(sa.find_timexes("")) == 0 and len(sa.find_timexes(None)) == 0


def test_identical_articles_are_one_passage():
    text = ("The city council voted on Tuesday to close the old bridge for repairs that engineers said "
            "would take at least six months, forcing commuters onto a long detour through the valley.")
    arts = sa.read_articles(pd.DataFrame({"text": [text, text], "outlet": ["A", "B"]}))
    passages = sa.find_reuse(arts)
    assert len(passages) == 1 and passages["kind"].iloc[0] == "verbatim"


def test_utf16_and_bom_files(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffOfficials said it was safe.".encode("utf-8"))
    (tmp_path / "utf16.txt").write_bytes("Officials said it was safe.".encode("utf-16"))
    arts = sa.read_articles(tmp_path)
    texts = arts.set_index("path")["text"]
    assert texts[str(tmp_path / "bom.txt")] == "Officials said it was safe."
    assert texts[str(tmp_path / "utf16.txt")] == "Officials said it was safe."
    assert arts.attrs["encodings"] == {str(tmp_path / "utf16.txt"): "utf-16"}

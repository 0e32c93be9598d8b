"""One article's failure never sinks a run: the others come out complete and the failure is listed."""
from __future__ import annotations

import pandas as pd
import pytest

import srcanalysis as sa
import srcanalysis.segment as segment
import srcanalysis.sources.attribution as attribution

TEXTS = {
    "a": "The mayor said the bridge would reopen. Crews worked through the night.",
    "b": "A senior official, who spoke on condition of anonymity, said talks had stalled. POISON here.",
    "c": "Residents said the water was brown for days. The utility declined to comment.",
}


@pytest.fixture()
def articles() -> pd.DataFrame:
    return sa.read_articles(pd.DataFrame({"article_id": list(TEXTS), "text": list(TEXTS.values()),
                                          "outlet": "Example Times"}))


def test_tagging_failure_in_one_article_leaves_the_others_tagged(articles, monkeypatch):
    real = attribution.tag_frame

    def fragile(frame):
        if frame["text"].str.contains("POISON").any():
            raise RuntimeError("tagger broke on this article")
        return real(frame)

    monkeypatch.setattr(attribution, "tag_frame", fragile)
    sents = sa.sentences(articles)
    assert sorted(sents["article_id"].unique()) == ["a", "c"]
    expected = sa.sentences(articles[articles["article_id"] != "b"])
    pd.testing.assert_frame_equal(sents, expected)
    errs = sa.errors(sents)
    assert errs[["article_id", "stage", "error"]].values.tolist() == [["b", "tagging", "RuntimeError"]]
    assert "tagger broke" in errs.loc[0, "message"]


def test_segmentation_failure_in_one_article_is_recorded(articles, monkeypatch):
    real = segment._paragraphs

    def fragile(text):
        if "Residents" in text:
            raise ValueError("unsplittable")
        return real(text)

    monkeypatch.setattr(segment, "_paragraphs", fragile)
    sents = sa.sentences(articles, tag=False)
    assert sents.groupby("article_id").size().to_dict() == {"a": 2, "b": 2}
    assert sa.errors(sents)[["article_id", "stage"]].values.tolist() == [["c", "sentences"]]


def test_no_failure_means_no_error_rows(articles):
    sents = sa.sentences(articles)
    assert sa.errors(sents).empty
    assert sents["article_id"].nunique() == 3

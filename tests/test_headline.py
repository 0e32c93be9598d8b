"""Headline figures say what they divide by, carry 95 % intervals, and never rank small outlets."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import srcanalysis as sa
from srcanalysis.sources.headline import anonymous_answer, anonymous_headline, anonymous_shares
from srcanalysis.stats import wilson_interval

TOPICS = ["the budget", "the bridge repairs", "the school merger", "the water contract", "the bus routes",
          "the stadium deal", "the police review", "the housing plan", "the tax rebate", "the park closure"]


def article(outlet: str, k: int, anonymous: int, named: int, narrative: int) -> dict[str, str]:
    """One invented city-hall story with the given numbers of anonymous, named and unsourced sentences."""
    topic = TOPICS[k % len(TOPICS)]
    lines = [f"A senior city official, who was not authorized to discuss {topic}, said the vote {i} would slip."
             for i in range(anonymous)]
    lines += [f"Council member Maria Lopez said {topic} item {i} was ready." for i in range(named)]
    lines += [f"The council meets again on Thursday number {i}." for i in range(narrative)]
    return {"article_id": f"{outlet[:3].lower()}-{k}", "outlet": outlet, "text": " ".join(lines)}


@pytest.fixture(scope="module")
def sents() -> pd.DataFrame:
    rows = [article("Capital Post", k, 4, 4, 2) for k in range(5)]        # 20 anonymous of 40 sourced
    rows += [article("River Gazette", k, 1 if k < 2 else 0, 8, 2) for k in range(5)]  # 2 of 42
    rows += [article("Hilltop Blog", 0, 3, 1, 1)]                           # 3 of 4: too few to rank
    out = sa.sentences(sa.read_articles(pd.DataFrame(rows)))
    anon = out[out["source_type"] == "anonymous"].groupby("outlet").size().to_dict()
    assert anon == {"Capital Post": 20, "River Gazette": 2, "Hilltop Blog": 3}, "tagger no longer reads the fixture"
    return out


def test_shares_divide_by_sourced_and_by_all_sentences_with_wilson_intervals(sents):
    table = anonymous_shares(sents, by="outlet").set_index("outlet")
    post = table.loc["Capital Post"]
    assert (post["anonymous"], post["sourced"], post["sentences"]) == (20, 40, 50)
    assert post["anonymous_of_sourced"] == 0.5 and post["anonymous_of_all"] == 0.4
    low, high = wilson_interval(20, 40)
    assert np.isclose(post["anonymous_of_sourced_low"], low) and np.isclose(post["anonymous_of_sourced_high"], high)
    assert table.loc["Hilltop Blog", "anonymous_of_sourced_small"]
    # ranked outlets first, by share; the small one last although its share is highest
    assert list(table.index) == ["Capital Post", "River Gazette", "Hilltop Blog"]


def test_answer_names_the_leader_says_how_sure_and_leaves_small_outlets_unranked(sents):
    text = anonymous_answer(sents)
    assert text.startswith("Of 2 outlets with at least 30 sourced sentences, Capital Post leans most on anonymous "
                           "sources: 50% of its sourced sentences (20 of 40; 95% interval 35%–65%).")
    assert "Next is River Gazette at 4.8% (1.3%–16%); the intervals do not overlap, so the lead is clear." in text
    assert "Too few sourced sentences to rank (under 30): Hilltop Blog 75% (3 of 4;" in text
    assert anonymous_headline(sents, scope="Across all outlets") in text


def test_overlapping_intervals_are_called_uncertain(sents):
    close = sents[sents["outlet"] != "Hilltop Blog"].copy()
    # turn River Gazette's named sources in two articles into anonymous ones: 18 of 42 against 20 of 40
    flip = (close["outlet"] == "River Gazette") & (close["source_type"] == "named_person") & \
        close["article_id"].isin(["riv-0", "riv-1"])
    close.loc[flip, "source_type"] = "anonymous"
    text = anonymous_answer(close)
    assert "the intervals overlap, so this ranking could change with more articles" in text


def test_headline_counts_unnamed_people_as_sourced_but_not_anonymous():
    frame = pd.DataFrame({"source_type": ["anonymous", "unnamed_person", "unnamed_group", "unattributed",
                                          "no_comment"]})
    assert anonymous_headline(frame) == ("All articles: anonymous sources make up 33% of sourced sentences (1 of 3; "
                                         "95% interval 6.1%–79%) and 20% of all sentences (1 of 5).")


def test_accessor_gives_the_same_answer_and_shares(sents):
    assert sents.src.answer() == anonymous_answer(sents)
    pd.testing.assert_frame_equal(sents.src.anonymous_shares(), anonymous_shares(sents, by="outlet"))
    assert sents.src.errors.empty


def test_sentences_without_an_outlet_are_named_as_unknown_not_left_blank():
    sents = pd.DataFrame({"outlet": [""] * 40 + ["Wire"] * 40,
                          "source_type": ["anonymous"] * 4 + ["named_person"] * 36 + ["named_org"] * 40})
    table = anonymous_shares(sents, by="outlet")
    assert table["outlet"].tolist() == ["(unknown outlet)", "Wire"]
    assert "(unknown outlet) leans most on anonymous sources" in anonymous_answer(sents)


def test_shares_chart_names_a_leader_only_when_the_intervals_say_so(sents):
    """Capital Post (20 of 40) clears River Gazette (2 of 42); two outlets whose intervals overlap
    get no leader in the title (a title must not rank what the margin of error cannot)."""
    import matplotlib.pyplot as plt

    from srcanalysis.sources.headline import plot_anonymous_shares

    ax = plot_anonymous_shares(sents)
    assert ax.get_title(loc="left").startswith("Capital Post leans most on anonymous sources")
    plt.close(ax.figure)
    close = pd.DataFrame({"outlet": ["A"] * 40 + ["B"] * 40,
                          "source_type": (["anonymous"] * 10 + ["named_person"] * 30
                                          + ["anonymous"] * 8 + ["named_person"] * 32)})
    ax = plot_anonymous_shares(close)
    title = ax.get_title(loc="left")
    plt.close(ax.figure)
    assert "leans most" not in title and "within the margin of error of B" in title

"""source_profile and the source charts on the seeds and the sample."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import srcanalysis as sa
from srcanalysis.sources.profile import add_position


def test_profile_reports_daily_beast_anonymous_sources(seed_sentences):
    prof = sa.source_profile(seed_sentences).set_index("outlet")
    beast = prof.loc["The Daily Beast"]
    assert beast["anonymous"] >= 6
    assert beast["anonymous"] == beast["anonymous_with_reason"] + beast["anonymous_without_reason"]
    assert beast["sentences"] == (seed_sentences["outlet"] == "The Daily Beast").sum()
    assert 0 < beast["anonymous_of_all"] < beast["anonymous_of_sourced"] <= 1
    assert beast["anonymous_per_1000_words"] == pytest.approx(1000 * beast["anonymous"] / beast["words"], abs=0.01)


def test_profile_by_outlet_sums_articles(sample_articles):
    sents = sa.sentences(sample_articles)
    per_article = sa.source_profile(sents)
    per_outlet = sa.source_profile(sents, by="outlet").set_index("outlet")
    assert per_outlet["sentences"].sum() == len(sents)
    wiki = per_article[per_article["outlet"] == "Wikinews"]
    assert per_outlet.loc["Wikinews", "anonymous"] == wiki["anonymous"].sum()
    assert per_article["anonymous_of_sourced"].dropna().is_monotonic_decreasing  # sorted by the headline share


def test_profile_counts_stated_reasons():
    sents = sa.sentences(sa.read_articles(pd.DataFrame({"outlet": ["Wire"], "text": [
        "The talks stalled, according to two officials who spoke on condition of anonymity because they "
        "were not authorized to speak publicly. A senior diplomat, speaking on condition of anonymity, said the "
        "deal was dead. A neighbor said it rained."]})))
    row = sa.source_profile(sents, by="outlet").iloc[0]
    # "speaking on condition of anonymity" alone states no reason (codebook section 4)
    assert (row["anonymous"], row["anonymous_with_reason"], row["anonymous_without_reason"]) == (2, 1, 1)
    assert row["unnamed_person"] == 1


def test_profile_rejects_untagged_frames():
    with pytest.raises(ValueError, match="missing columns"):
        sa.source_profile(pd.DataFrame({"text": ["a"]}))


def test_positions_split_articles_in_thirds(seed_sentences):
    pos = add_position(seed_sentences)
    beast = pos[pos["outlet"] == "The Daily Beast"]
    counts = beast["position"].value_counts()
    assert counts.max() - counts.min() <= 1
    assert beast.sort_values("sentence")["position"].iloc[0] == "first third"


@pytest.mark.parametrize("chart", ["strip", "mix", "position"])
def test_charts_return_axes_with_a_finding(seed_sentences, chart):
    if chart == "strip":
        ax = sa.plot_source_strip(seed_sentences)
        assert "anonymous" in ax.get_title(loc="left").lower()
    elif chart == "mix":
        ax = sa.plot_source_mix(seed_sentences, by="outlet")
        # neither seed outlet has 30 sourced sentences: the title says so instead of ranking them
        assert ax.get_title(loc="left") == "Too few sourced sentences to rank these outlets on anonymous sources"
        assert ax.get_xlabel().startswith("share of sourced sentences")
    else:
        ax = sa.plot_anonymous_by_position(seed_sentences, by="outlet")
        assert ax.get_ylabel().startswith("share of sentences")
    assert isinstance(ax, plt.Axes) and ax.get_title(loc="left")
    plt.close(ax.figure)


def test_sentences_without_an_outlet_are_counted_under_a_name_not_dropped():
    """pandas drops NaN group keys: a profile by outlet once lost every article with no outlet."""
    import srcanalysis as sa

    sents = sa.tag_sentences(["A senior official said the plan was dead.", "The mayor said the road was open.",
                              "Residents said the water was brown."])
    sents = sents.assign(article_id=["a1", "a1", "a2"], outlet=["City Desk", "City Desk", None])
    profile = sa.source_profile(sents, by="outlet").set_index("outlet")
    assert profile["sentences"].to_dict() == {"City Desk": 2, "(unknown outlet)": 1}
    per_article = sa.source_profile(sents)
    assert per_article["sentences"].sum() == 3

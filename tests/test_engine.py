"""Per-article stages at archive scale: --jobs N gives the rows of --jobs 1; failures are still recorded."""
from __future__ import annotations

import pandas as pd
import pytest

import srcanalysis as sa
from srcanalysis.cli import main
from srcanalysis.engine import by_article, conform, map_articles

from conftest import DATA, SEEDS


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return sa.read_articles(DATA)


def fragile_sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """A stage that breaks on one article (module level, so worker processes can run it)."""
    if articles["text"].str.contains("Mugabe").any():
        raise RuntimeError("this article breaks the stage")
    return sa.sentences(articles, tag=False)


@pytest.mark.parametrize("stage", ["sentences", "timeline", "dates"])
def test_two_jobs_give_the_rows_of_one(sample, stage):
    one = map_articles(stage, sample, jobs=1)
    two = map_articles(stage, sample, jobs=2)
    assert len(one) > 300
    pd.testing.assert_frame_equal(one, two)
    assert sa.errors(two).empty


def test_a_failing_article_is_recorded_and_the_others_kept_across_processes(sample):
    out = map_articles(fragile_sentences, sample, jobs=2)
    failed = sa.errors(out)
    bad = sample.loc[sample["text"].str.contains("Mugabe"), "article_id"].tolist()
    assert len(bad) == 1
    assert failed[["article_id", "stage", "error"]].values.tolist() == [[bad[0], "fragile_sentences", "RuntimeError"]]
    expected = sa.sentences(sample[sample["article_id"] != bad[0]], tag=False)
    pd.testing.assert_frame_equal(out, expected)


def test_by_article_runs_a_sentence_stage_article_by_article_when_one_breaks(sample):
    sents = sa.sentences(sample.head(6))
    victim = sents["article_id"].iloc[-1]

    def stage(frame):
        if (frame["article_id"] == victim).any():
            raise KeyError("no such date")
        return sa.timeline(frame)

    out = by_article(stage, sents, "timeline")
    assert victim not in set(out["article_id"])
    assert set(out["article_id"]) == set(sa.timeline(sents[sents["article_id"] != victim])["article_id"])
    assert sa.errors(out)["article_id"].tolist() == [victim]


def test_cli_jobs_matches_one_job(tmp_path):
    for jobs in ("1", "2"):
        assert main(["timeline", str(DATA), "-q", "--jobs", jobs, "-o", str(tmp_path / f"t{jobs}.csv")]) == 0
        assert main(["sentences", str(SEEDS), "-q", "--jobs", jobs, "-o", str(tmp_path / f"s{jobs}.csv")]) == 0
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "t1.csv"), pd.read_csv(tmp_path / "t2.csv"))
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "s1.csv"), pd.read_csv(tmp_path / "s2.csv"))


def test_conform_turns_time_spans_into_days_and_keeps_nulls():
    frame = pd.DataFrame({"lag": pd.to_timedelta(["2D", None]), "n": pd.array([3, None], dtype="Int64"),
                          "t": pd.Categorical(["anonymous", "media"])})
    out = conform(frame, {"lag": "double", "n": "long", "t": "string"})
    assert out["lag"].tolist()[0] == 2.0 and pd.isna(out["lag"].iloc[1])
    assert out["n"].tolist() == [3, pd.NA] and out["t"].tolist() == ["anonymous", "media"]


def test_a_sentence_frame_is_cut_between_articles_only(sample):
    from srcanalysis.engine import _chunks
    sents = sa.sentences(sample.head(9), tag=False)
    chunks = _chunks(sents, 4)
    assert len(chunks) == 4 and sum(map(len, chunks)) == len(sents)
    seen = [set(c["article_id"]) for c in chunks]
    assert all(not (a & b) for i, a in enumerate(seen) for b in seen[i + 1:])
    pd.testing.assert_frame_equal(map_articles(sa.timeline, sents, jobs=2), sa.timeline(sents))


def test_failures_a_stage_records_itself_are_kept(monkeypatch):
    import srcanalysis.sources.attribution as attribution
    real = attribution.tag_frame

    def fragile(frame, **kwargs):
        if frame["text"].str.contains("POISON").any():
            raise RuntimeError("tagger broke on this article")
        return real(frame, **kwargs)

    monkeypatch.setattr(attribution, "tag_frame", fragile)
    arts = sa.read_articles(pd.DataFrame({"article_id": ["a", "b"], "text": ["The mayor said no.", "POISON here."]}))
    out = map_articles("sentences", arts, jobs=1)
    assert sa.errors(out)[["article_id", "stage"]].values.tolist() == [["b", "tagging"]]
    assert by_article(sa.sentences, arts, "sentences").attrs["errors"] == out.attrs["errors"]

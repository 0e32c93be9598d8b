"""The srcanalysis command line on the shipped sample."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from srcanalysis.cli import build_parser, main

from conftest import DATA, SEEDS


def test_help_lists_every_subcommand():
    text = build_parser().format_help()
    for name in ("sentences", "sources", "timeline", "reuse", "report"):
        assert name in text


def test_sentences_csv_and_parquet(tmp_path, capsys):
    assert main(["sentences", str(SEEDS), "-o", str(tmp_path / "s.csv")]) == 0
    csv = pd.read_csv(tmp_path / "s.csv")
    assert set(csv["outlet"]) == {"The Daily Beast", "The Trump Timeline"}
    assert main(["sentences", str(SEEDS), "-o", str(tmp_path / "s.parquet"), "--no-tag"]) == 0
    parquet = pd.read_parquet(tmp_path / "s.parquet")
    assert len(parquet) == len(csv)
    err = capsys.readouterr().err
    assert "loaded 2 articles; skipped 0 inputs" in err


def test_skips_are_summarised(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Officials said so.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    main(["sentences", str(tmp_path), "-o", str(tmp_path / "out.csv")])
    err = capsys.readouterr().err
    assert "skipped 1 inputs" in err and "empty file" in err


def test_warnings_are_summarised(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Officials said the road will reopen on Monday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Les responsables ont dit que la route sera rouverte lundi, et le maire a déclaré que les travaux "
        "du pont seront terminés avant la fin du mois, selon un communiqué de la ville publié dans la soirée.\n",
        encoding="utf-8")
    main(["sentences", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "out.csv"), "--no-tag"])
    err = capsys.readouterr().err
    assert "1 loaded inputs have warnings" in err
    assert f"warning {tmp_path / 'b.txt'}: not English" in err


def test_missing_path_is_a_clean_error(tmp_path):
    with pytest.raises(SystemExit, match="no such file"):
        main(["sentences", str(tmp_path / "missing")])


def test_console_script_runs():
    out = subprocess.run([sys.executable, "-m", "srcanalysis.cli", "sentences", str(SEEDS), "-o", "-", "-q"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.startswith("article_id,outlet,published")


def test_timeline_with_gaps_and_default_date(tmp_path):
    out, gaps = tmp_path / "t.csv", tmp_path / "g.csv"
    assert main(["timeline", str(SEEDS), "--published", "2017-04-01", "-o", str(out), "--gaps", str(gaps)]) == 0
    events = pd.read_csv(out)
    assert "Feb. 14" in set(events["expression"])
    assert set(events["article_id"]) == {"000_7802ac3fc612a4d0", "001_1ed060d2126be1d2"}
    assert gaps.exists()


def test_reuse_finds_the_pasted_paragraphs(tmp_path):
    out, summary = tmp_path / "p.csv", tmp_path / "summary.csv"
    assert main(["reuse", str(SEEDS), "-o", str(out), "--summary", str(summary)]) == 0
    passages = pd.read_csv(out)
    assert len(passages) >= 2 and passages["credited"].all()
    assert (tmp_path / "summary_matrix.csv").exists()


def test_reuse_spark_native_jsonl(tmp_path):
    pytest.importorskip("pyspark")
    import shutil
    if shutil.which("java") is None:
        pytest.skip("no Java for Spark")
    import srcanalysis as sa
    arts = sa.read_articles(SEEDS)
    arts[["article_id", "outlet", "text"]].to_json(tmp_path / "a.jsonl", orient="records", lines=True)
    assert main(["reuse", str(tmp_path / "a.jsonl"), "--engine", "spark", "-o", str(tmp_path / "p.csv")]) == 0
    spark_rows = pd.read_csv(tmp_path / "p.csv").sort_values("a_start")
    local = sa.find_reuse(arts[["article_id", "outlet", "published", "text"]]).sort_values("a_start")
    assert spark_rows[["a_start", "a_end", "b_start", "b_end"]].values.tolist() == \
        local[["a_start", "a_end", "b_start", "b_end"]].values.tolist()


def test_sources_profile_by_outlet(tmp_path):
    out, sents = tmp_path / "profile.csv", tmp_path / "sents.parquet"
    assert main(["sources", str(SEEDS), "--by", "outlet", "-o", str(out), "--sentences", str(sents)]) == 0
    profile = pd.read_csv(out).set_index("outlet")
    assert profile.loc["The Daily Beast", "anonymous"] >= 6
    assert len(pd.read_parquet(sents)) == profile["sentences"].sum()


def test_report_with_two_jobs_writes_the_same_tables_and_a_database(tmp_path):
    import sqlite3
    assert main(["report", str(SEEDS), "-q", "-o", str(tmp_path / "one")]) == 0
    assert main(["report", str(SEEDS), "-q", "--jobs", "2", "-o", str(tmp_path / "two")]) == 0
    for name in ("sentences.csv", "timeline.csv", "passages.csv"):
        pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "one" / name), pd.read_csv(tmp_path / "two" / name))
    con = sqlite3.connect(tmp_path / "two" / "srcanalysis.db")
    try:
        n = con.execute("select count(*) from sentences").fetchone()[0]
        outlets = {r[0] for r in con.execute("select distinct outlet from profile_outlets")}
    finally:
        con.close()
    assert n == len(pd.read_csv(tmp_path / "one" / "sentences.csv"))
    assert outlets == {"The Daily Beast", "The Trump Timeline"}


def test_parquet_article_table_is_read_in_process(tmp_path):
    import srcanalysis as sa
    sa.read_articles(SEEDS).to_parquet(tmp_path / "a.parquet")
    assert main(["sentences", str(tmp_path / "a.parquet"), "-q", "-o", str(tmp_path / "s.csv")]) == 0
    assert main(["sentences", str(SEEDS), "-q", "-o", str(tmp_path / "t.csv")]) == 0
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "s.csv"), pd.read_csv(tmp_path / "t.csv"))


def test_an_output_type_we_cannot_write_is_refused_before_loading(tmp_path, capsys):
    with pytest.raises(SystemExit, match=r"cannot write .*profile\.xlsx.*use \.csv, \.parquet or \.jsonl"):
        main(["sources", str(tmp_path / "does-not-exist"), "-o", str(tmp_path / "profile.xlsx")])
    assert "loaded" not in capsys.readouterr().err  # refused before any article was read


def test_quiet_prints_no_summaries(tmp_path, capsys):
    art = tmp_path / "a.txt"
    art.write_text("title: Storm\noutlet: Gazette\n\nThe mayor said the bridge would reopen.\n", encoding="utf-8")
    main(["sentences", str(art), "-o", str(tmp_path / "s.csv"), "-q"])
    assert capsys.readouterr().err == ""
    assert (tmp_path / "s.csv").exists()


def test_reuse_help_shows_the_finders_own_defaults(capsys):
    """The help once said 'default 0.3' for min_containment after the finder moved to 0.2."""
    import pytest as _pytest

    from srcanalysis.reuse.options import DEFAULTS

    with _pytest.raises(SystemExit):
        main(["reuse", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert f"(default {DEFAULTS['min_containment']};" in text
    assert f"(default {DEFAULTS['min_similarity']})" in text and f"(default {DEFAULTS['max_df']})" in text


@pytest.mark.parametrize("extra, message", [
    (["--gaps", "g.csv", "--min-gap", "bogus"], "is not a length"),
    (["--min-gap", "2W"], "add --gaps FILE"),
])
def test_a_bad_or_idle_min_gap_is_refused_before_loading(tmp_path, extra, message):
    """A wrong --min-gap once failed with a pandas traceback after every article was processed, and
    without --gaps it was silently ignored."""
    with pytest.raises(SystemExit) as stop:
        main(["timeline", str(tmp_path / "no-such-folder"), "-o", str(tmp_path / "t.csv"), *extra])
    assert message in str(stop.value)


def test_a_run_that_loads_no_article_fails_with_the_reason(tmp_path):
    """Only an empty file and a binary file: the command once exited 0 with a header-only CSV."""
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(SystemExit) as stop:
        main(["sentences", str(tmp_path), "-o", str(tmp_path / "s.csv")])
    assert "no article could be loaded" in str(stop.value) and "every input was skipped" in str(stop.value)
    assert not (tmp_path / "s.csv").exists()

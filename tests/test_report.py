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

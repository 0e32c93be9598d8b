"""find_reuse / reuse_summary / reuse charts on the seeds, the Wikinews sample and short real texts."""
from __future__ import annotations

import re
import unicodedata
import subprocess
import sys

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import srcanalysis as sa
from srcanalysis.reuse.plot import plot_reuse_matrix, plot_reused_share, reuse_html
from srcanalysis.reuse import PASSAGE_COLUMNS, align_texts, candidate_pairs, find_reuse, reuse_summary, token_hash

from conftest import DATA, SEEDS

# Two short real-world paragraphs (AP style weather/court copy) used to build edited copies.
COURT = ("A federal judge on Thursday blocked the state from enforcing its new voting law, ruling that "
         "the requirement for photo identification placed an undue burden on elderly and disabled voters. "
         "The judge said the state had failed to show that in-person voter fraud was a real problem. "
         "Lawyers for the state said they would appeal the decision to the circuit court within days.")
STORM = ("The storm knocked out power to more than 200,000 homes across the region overnight, and utility "
         "crews warned that some customers could remain in the dark until the weekend. Schools in three "
         "counties were closed on Friday as fallen trees blocked roads.")


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("“", '"').replace("”", '"').replace("’", "'")).strip()


@pytest.fixture(scope="module")
def seeds():
    return sa.read_articles(SEEDS)


@pytest.fixture(scope="module")
def seed_passages(seeds):
    return find_reuse(seeds)


def test_every_pasted_seed_paragraph_found_and_credited(seeds, seed_passages):
    timeline = seeds.loc[seeds["outlet"] == "The Trump Timeline"].iloc[0]
    beast = seeds.loc[seeds["outlet"] == "The Daily Beast"].iloc[0]
    # Paragraphs of the timeline entry that appear word for word in the Daily Beast story.
    pasted = []
    for m in re.finditer(r"[^\n]+", timeline["text"]):
        para = m.group().strip()
        if len(para.split()) >= 10 and norm(para) in norm(beast["text"]):
            pasted.append((m.start(), m.end()))
    assert len(pasted) >= 5
    p = seed_passages
    assert set(p["same_outlet"]) == {False}
    t_is_a = p["article_a"] == timeline["article_id"]
    t_start = p["a_start"].where(t_is_a, p["b_start"])
    t_end = p["a_end"].where(t_is_a, p["b_end"])
    for start, end in pasted:
        hit = p[(t_start <= start + 1) & (t_end >= end - 1)]
        assert len(hit) == 1, timeline["text"][start:end]
        row = hit.iloc[0]
        assert row["credit"] == "credited" and row["earlier"] == "unknown" and row["kind"] == "verbatim"
        assert row["credit_text"] == "The Daily Beast" and row["taker"] in ("a", "b")
    # The consecutive pasted paragraphs come out as one passage, the lone sentence as another.
    assert len(p) == 2
    # The paraphrased (not pasted) lines of the timeline entry are not reported.
    for line in ("The Pentagon and Russia have a narrow communications channel",
                 "Flynn and Jared Kushner tried setting up"):
        pos = timeline["text"].index(line)
        assert not ((t_start <= pos) & (t_end > pos)).any()


def test_offsets_point_into_original_text(seeds, seed_passages):
    texts = dict(zip(seeds["article_id"], seeds["text"]))
    for r in seed_passages.itertuples():
        assert texts[r.article_a][r.a_start:r.a_end] == r.text_a
        assert texts[r.article_b][r.b_start:r.b_end] == r.text_b
        assert norm(r.text_a) == norm(r.text_b)
        assert r.text_a.endswith(".")


def test_unrelated_articles_yield_no_passages():
    arts = sa.read_articles(DATA)
    p = find_reuse(arts)
    wiki = set(arts.loc[arts["outlet"] == "Wikinews", "article_id"])
    assert len(wiki) >= 40
    assert not (p["article_a"].isin(wiki) | p["article_b"].isin(wiki)).any()
    assert len(p) == 2   # only the two seed passages


def test_lightly_edited_copy_aligns_as_one_passage():
    edited = (COURT.replace("Thursday", "Thursday afternoon").replace("undue", "unfair")
              .replace(" The judge said the state had failed to show that in-person voter fraud was a real problem.", "")
              .replace("appeal the decision", "appeal")
              .replace(". Lawyers", ", and lawyers"))
    edited = "In a setback for the governor, “" + edited.replace("would", "’d") + "”"
    arts = pd.DataFrame({"article_id": ["wire", "paper"], "outlet": ["Wire Service", "Local Paper"],
                         "published": pd.to_datetime(["2022-03-03 10:00", "2022-03-03 18:00"]),
                         "text": ["Opening paragraph about the weather. " + COURT, STORM + "\n\n" + edited]})
    p = find_reuse(arts)
    assert len(p) == 1
    r = p.iloc[0]
    assert r["kind"] == "edited" and r["earlier"] == "a" and not r["credited"]
    assert 0.75 <= r["similarity"] < 1
    assert r["text_a"].startswith("A federal judge") and r["text_a"].endswith("within days.")
    assert r["text_b"].lstrip("“").startswith("A federal judge") and "circuit court within days" in r["text_b"]


SOURCE = ("PageRank is a link analysis algorithm used by the Google Internet search engine that assigns a "
          "numerical weighting to each element of a hyperlinked set of documents, such as the World Wide Web, "
          "with the purpose of measuring its relative importance within the set. The numerical weight that it "
          "assigns to any given element E is also called the PageRank of E and denoted by PR(E). The name "
          "PageRank is a trademark of Google, and the PageRank process has been patented. However, the patent "
          "is assigned to Stanford University and not to Google. Google has exclusive license rights on the "
          "patent from Stanford University. A link to a page counts as a vote of support.")
REWRITE = ("PageRank is a link analysis method used by Google that gives each element of a hyperlinked set of "
           "documents, for example the web, a numerical weight, in order to measure how important it is within "
           "the set. This weight is called the PageRank of the element. PageRank is a trademark of Google and the "
           "process is patented, though the patent is assigned to Stanford University, which gave Google exclusive "
           "license rights on it. Any link to a page counts as a vote of support for that page.")
OWN_WORDS = ("PageRank is the method Google uses to rank web pages in its search results. A page is important if "
             "many other important pages link to it. The score of a page is calculated from the scores of the "
             "pages linking to it, divided by the number of outgoing links on those pages, and the calculation "
             "is repeated until the values converge. Google has exclusive license rights on the patent.")


def test_heavier_rewrite_is_derived_but_own_words_on_same_topic_are_not():
    arts = pd.DataFrame({"article_id": ["src", "rewrite", "own"], "outlet": ["Wiki", "Student A", "Student B"],
                         "published": pd.NaT, "text": [SOURCE, REWRITE, OWN_WORDS]})
    p = find_reuse(arts)
    assert set(zip(p["article_a"], p["article_b"])) == {("src", "rewrite")}
    assert (p["kind"] == "edited").all()
    off = find_reuse(arts, min_containment=None)
    assert set(zip(off["article_a"], off["article_b"])) <= {("src", "rewrite")}


HEAVY = ("PageRank is an algorithm developed by Google to measure how important a page is among a set of "
         "hyperlinked documents such as the web. It gives each element a numerical weight, which is called the "
         "PageRank of that element. Google holds the trademark on the name, but the patent belongs to Stanford "
         "University, and Google has exclusive license rights on the patent. Basically a link to a page counts "
         "as a vote of support from another page on the web.")


def test_containment_fallback_catches_a_reordered_heavy_rewrite():
    arts = pd.DataFrame({"article_id": ["src", "heavy", "own"], "outlet": ["Wiki", "Student C", "Student B"],
                         "published": pd.NaT, "text": [SOURCE, HEAVY, OWN_WORDS]})
    p = find_reuse(arts)
    assert set(zip(p["article_a"], p["article_b"])) == {("src", "heavy")}
    off = find_reuse(arts, min_containment=None)
    assert len(off) == 0     # no close-copy stretch: only the fallback sees the rewrite


def test_credit_is_found_next_to_the_later_copy():
    arts = pd.DataFrame({"article_id": [1, 2, 3], "outlet": ["Wire Service", "Local Paper", "Other Daily"],
                         "published": pd.to_datetime(["2022-03-03", "2022-03-04", "2022-03-05"]),
                         "text": [COURT, STORM + "\n\n" + COURT + "\n\n(Wire Service)", "Briefly. " + COURT]})
    p = find_reuse(arts).set_index(["article_a", "article_b"])
    assert p.loc[(1, 2), "credit"] == "credited" and p.loc[(1, 3), "credit"] == "not_credited"
    assert p.loc[(1, 2), "credit_text"] == "Wire Service" and p.loc[(1, 3), "credit_text"] == ""
    assert (p["earlier"] == "a").all()


def test_boilerplate_shared_by_many_articles_is_not_reuse():
    arts = sa.read_articles(DATA / "wikinews")
    tagline = ("This story is published under a Creative Commons license; republish it freely with credit "
               "to the original reporters and a link back to the source page of the story.")
    many = pd.concat([arts, arts.assign(article_id=arts["article_id"] + "-b", text="Short note. " + arts["title"])])
    many = many.assign(text=many["text"] + "\n\n" + tagline)
    assert len(many) > 60
    p = find_reuse(many)
    assert not p["text_a"].str.contains("Creative Commons").any()


def test_same_outlet_pairs_are_kept_and_marked():
    arts = pd.DataFrame({"article_id": ["v1", "v2"], "outlet": ["Wire Service"] * 2, "published": pd.NaT,
                         "text": [COURT, COURT + " Updates with reaction."]})
    p = find_reuse(arts)
    # An outlet rerunning its own text is no question of credit: neither credited nor uncredited.
    assert len(p) == 1 and bool(p["same_outlet"].iloc[0]) and p["credit"].iloc[0] == "unknown"
    assert pd.isna(p["credited"].iloc[0])


def test_empty_results_keep_columns():
    none = find_reuse(pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "published": pd.NaT,
                                    "text": [COURT, STORM]}))
    assert list(none.columns) == PASSAGE_COLUMNS and len(none) == 0
    empty = find_reuse(pd.DataFrame({"article_id": [], "outlet": [], "published": [], "text": []}))
    assert list(empty.columns) == PASSAGE_COLUMNS and len(empty) == 0
    with pytest.raises(TypeError, match="unknown find_reuse options"):
        find_reuse(pd.DataFrame({"article_id": [], "text": []}), ngrams=4)
    with pytest.raises(ValueError, match="engine"):
        find_reuse(pd.DataFrame({"article_id": [], "text": []}), engine="dask")


def test_candidate_index_skips_pairs_with_too_few_shared_ngrams():
    other = "The council approved the budget on Monday after a long debate about library funding."
    pairs = candidate_pairs([COURT, STORM, "Briefly: " + COURT, other + " The storm knocked out power to homes."])
    assert pairs[["a", "b"]].values.tolist() == [[0, 2]]


def test_hash_is_deterministic_across_processes():
    code = "from srcanalysis.reuse import token_hash; print(token_hash('pentagon'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert int(out) == token_hash("pentagon")


def test_align_texts_ignores_quote_style_and_case():
    a = "He said: \"We will not back down,\" and left the room without taking questions from reporters."
    b = "HE SAID: “WE WILL NOT BACK DOWN,” AND LEFT THE ROOM WITHOUT TAKING QUESTIONS FROM REPORTERS."
    (p,) = align_texts(a, b)
    assert p[0] == 0 and p[1] == len(a) and p[6] is True


def test_reuse_summary_on_seeds(seeds, seed_passages):
    s = reuse_summary(seeds, seed_passages)
    arts, links, matrix = s["articles"], s.outlets, s.matrix
    assert list(s) == ["articles", "outlets", "matrix", "clusters"]
    row = arts.set_index("outlet").loc["The Trump Timeline"]
    beast = arts.set_index("outlet").loc["The Daily Beast"]
    # The timeline pasted about half its words from the Daily Beast, and credited it.
    assert 0.4 < row["reused_share"] <= row["credited_share"] + 1e-9 < 0.9
    assert row["sources"] == "The Daily Beast"
    assert beast["reused_words"] == 0
    assert matrix.loc["The Trump Timeline", "The Daily Beast"] == row["reused_words"]
    assert matrix.loc["The Daily Beast", "The Trump Timeline"] == 0
    assert set(links["direction"]) == {"credit"}


def test_reuse_summary_dated_and_undirected():
    arts = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"],
                         "published": pd.to_datetime(["2022-01-01", "2022-01-02", None]),
                         "text": [COURT, "Briefly. " + COURT, STORM + " " + COURT]})
    s = reuse_summary(arts, find_reuse(arts))
    per = s.articles.set_index("article_id")
    assert per.loc["b", "reused_words"] == len(re.findall(r"\w+", COURT)) and per.loc["a", "reused_words"] == 0
    assert per.loc["c", "reused_words"] == 0 and per.loc["c", "shared_words"] > 0
    assert s.matrix.loc["Y", "X"] > 0 and s.matrix.loc["X", "Y"] == 0


def test_charts_and_html_view(seeds, seed_passages):
    s = reuse_summary(seeds, seed_passages)
    ax = plot_reuse_matrix(s)
    assert ax.get_title(loc="left").startswith("The Trump Timeline took the most words from The Daily Beast")
    ax2 = plot_reused_share(s)
    assert re.match(r"The Trump Timeline took \d+% of its words", ax2.get_title(loc="left"))
    plt.close("all")
    ids = seeds["article_id"].tolist()
    view = reuse_html(seeds, seed_passages, ids[0], ids[1])
    html = str(view)
    assert view._repr_html_() == html
    assert html.count("<mark") == 4 and "2 shared passages" in html
    assert "Everyone knew where it was coming from" in html


def test_spark_engine_names_extra_when_pyspark_missing(monkeypatch):
    import srcanalysis.reuse.spark as rs
    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(ImportError, match=r"srcanalysis\[spark\]"):
        rs._pyspark()


# --------------------------------------------------------------------------- credit, origin, quotes, Unicode
WIRE = ("The Senate voted 52 to 48 on Thursday to confirm the nominee to lead the Environmental Protection "
        "Agency, ending a months-long fight over her record on coal plant emissions. Two Republicans joined "
        "every Democrat in opposing her. The agency's new chief said she would review the rules on power "
        "plants within her first hundred days in the job.")


def pair(later_text: str, **later: object) -> pd.DataFrame:
    """An earlier Herald story and a later Courier article built from ``later_text``."""
    rows = {"article_id": ["h", "c"], "outlet": ["Herald", "Courier"],
            "published": pd.to_datetime(["2023-04-06 09:00", "2023-04-06 15:00"]),
            "text": ["Herald staff report. " + WIRE, later_text], "author": ["", ""], "credit": ["", ""]}
    for key, value in later.items():
        rows[key] = ["", value]
    return pd.DataFrame(rows)


@pytest.mark.parametrize("text, fields, words", [
    (WIRE + "\n\nAP", {}, "AP"),                                                  # closing line, short form
    ("WASHINGTON (AP) — " + WIRE, {}, "WASHINGTON (AP) —"),                       # dateline
    (WIRE, {"credit": "AP"}, "AP"),                                                # byline credit column
    (WIRE, {"author": "By Jane Doe, Associated Press"}, "Associated Press"),      # author field
    (WIRE + "\nThe Associated Press contributed to this report.", {}, "The Associated Press contributed"),
    ("LONDON, April 6 (Reuters) - " + WIRE, {}, "LONDON, April 6 (Reuters) -"),
    (WIRE + "\n\n(with AFP)", {}, "(with AFP)"),
])
def test_wire_credit_by_short_form_dateline_byline_and_closing_line(text, fields, words):
    p = find_reuse(pair(text, **fields))
    assert len(p) == 1
    row = p.iloc[0]
    # The Courier's credit makes the text a wire story: the uncredited Herald copy took it from the
    # agency too (both are takers, whatever their dates), and only the Courier credits it.
    assert row["taker"] == "both" and row["credit"] == "not_credited" and row["credit_text"] == f"b: {words}; a: no credit"
    assert row["origin"] != "unknown" and row["origin"] in {"Associated Press", "Reuters", "Agence France-Presse"}
    per = reuse_summary(pair(text, **fields), p).articles.set_index("article_id")
    assert per.loc["c", "credited_words"] == per.loc["c", "reused_words"] > 0
    assert per.loc["h", "uncredited_words"] == per.loc["h", "reused_words"] > 0


@pytest.mark.parametrize("text", [
    WIRE + "\n\nStudents sat their AP exams on Friday across the district this week.",   # a bare "AP" is no credit
    WIRE + "\n\nap",
    "Reporting from our own desk. " + WIRE,
])
def test_no_credit_without_a_credit_formula(text):
    row = find_reuse(pair(text)).iloc[0]
    assert row["credit"] == "not_credited" and row["credit_text"] == "" and bool(row["credited"]) is False
    assert row["origin"] == "Herald"


def test_credit_is_unknown_when_the_earlier_outlet_is_unknown():
    arts = pair(WIRE)
    arts.loc[0, "outlet"] = ""
    p = find_reuse(arts)
    row = p.iloc[0]
    assert row["credit"] == "unknown" and pd.isna(row["credited"]) and row["origin"] == "unknown"
    # The taken words are neither credited nor uncredited in the summary: their credit is unknown.
    per = reuse_summary(arts, p).articles.set_index("article_id")
    assert per.loc["c", "reused_words"] == per.loc["c", "unknown_credit_words"] == len(re.findall(r"\w+", WIRE))
    assert per.loc["c", "uncredited_words"] == per.loc["c", "credited_words"] == 0


def test_three_outlet_wire_story_is_one_cluster_counted_once_with_its_origin():
    arts = pd.DataFrame({
        "article_id": ["x", "y", "z"], "outlet": ["Herald", "Courier", "Gazette"],
        "published": pd.to_datetime(["2023-04-06 09:00", "2023-04-06 10:00", "2023-04-06 11:00"]),
        "text": ["WASHINGTON (AP) — " + WIRE, WIRE + "\n\nAP", "By our correspondent.\n\n" + WIRE]})
    p = find_reuse(arts)
    assert len(p) == 3 and p["cluster"].nunique() == 1 and set(p["origin"]) == {"Associated Press"}
    got = {(r.article_a, r.article_b): r.credit for r in p.itertuples()}
    assert got == {("x", "y"): "credited", ("x", "z"): "not_credited", ("y", "z"): "not_credited"}
    s = reuse_summary(arts, p)
    per = s.articles.set_index("article_id")
    wire_words = len(re.findall(r"\w+", WIRE))
    # The Gazette matches two copies of the same words: they count once, and come from the agency.
    assert per.loc["z", "reused_words"] == per.loc["z", "uncredited_words"] == wire_words
    assert per.loc["z", "credited_words"] == per.loc["z", "unknown_credit_words"] == 0
    assert per.loc["z", "sources"] == "Associated Press"
    # The two crediting copies took the same words from AP and said so.
    assert per.loc["y", "reused_words"] == per.loc["y", "credited_words"] == wire_words
    assert per.loc["x", "credited_words"] == wire_words and per.loc["x", "sources"] == "Associated Press"
    assert s.matrix.loc["Gazette", "Associated Press"] == wire_words
    assert (s.matrix.loc[:, ["Herald", "Courier", "Gazette"]] == 0).all().all()
    (c,) = s.clusters.itertuples()
    assert (c.origin, c.articles, c.passages, c.credited, c.not_credited) == ("Associated Press", 3, 3, 1, 2)


def test_earliest_dated_article_is_the_origin_without_a_wire_credit():
    arts = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["Herald", "Courier", "Gazette"],
                         "published": pd.to_datetime(["2023-01-02", "2023-01-01", None]),
                         "text": [WIRE, "Briefly: " + WIRE, WIRE + " More soon."]})
    p = find_reuse(arts)
    assert set(p["origin"]) == {"Courier"}


QUOTE = ("We will rebuild every school the flood destroyed, and we will do it before the first day of the next "
         "school year, whatever it costs the state")


def test_shared_quotation_of_the_same_third_source_is_listed_not_taken():
    a = f"Flood damage across the valley was worse than first thought. Gov. Maria Lopez said on Monday: “{QUOTE}.” Her office did not give a figure."
    b = f"The legislature meets next week to debate the emergency budget. \"{QUOTE},\" Lopez told reporters in the capital."
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Herald", "Courier"],
                         "published": pd.to_datetime(["2022-01-01", "2022-01-02"]), "text": [a, b]})
    p = find_reuse(arts)
    (row,) = p.itertuples()
    assert row.kind == "shared_quote" and row.quote_source == "Maria Lopez" and row.credit == "unknown"
    assert row.origin == "Maria Lopez" and row.taker == "unknown"
    per = reuse_summary(arts, p).articles.set_index("article_id")
    assert per.loc["b", "reused_words"] == 0 and per.loc["b", "quoted_words"] >= 25
    # The same words attributed to two different people are not a shared quotation.
    other = arts.assign(text=[a, b.replace("Lopez told", "Senator Tom Reed told")])
    assert find_reuse(other)["kind"].iloc[0] != "shared_quote"


def test_copied_paragraph_around_a_quotation_is_not_a_shared_quotation():
    body = ("Flood damage across the valley was worse than first thought, officials from three counties said "
            "on Monday after a day of aerial surveys over the farms and towns along the river. ")
    a = body + f"Gov. Maria Lopez said: “{QUOTE}.”"
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Herald", "Courier"],
                         "published": pd.to_datetime(["2022-01-01", "2022-01-02"]), "text": [a, "Update. " + a]})
    row = find_reuse(arts).iloc[0]
    assert row["kind"] == "verbatim" and row["credit"] == "not_credited"


def test_wire_story_built_around_a_quotation_is_a_copy_not_a_shared_quotation():
    # Mostly quoted, but the narration around the quotation matches too: one outlet ran the other's story.
    story = (f"The governor pledged on Monday to rebuild quickly after the spring floods. \"{QUOTE}. "
             f"{QUOTE.replace('school', 'road')},\" Gov. Maria Lopez told a crowd of volunteers in the valley town.")
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Herald", "Courier"],
                         "published": pd.to_datetime(["2022-01-01", "2022-01-02"]), "text": [story, story]})
    row = find_reuse(arts).iloc[0]
    assert row["kind"] == "verbatim" and row["credit"] == "not_credited"


def test_decomposed_accents_curly_quotes_and_nbsp_match_with_offsets_into_the_original():
    a = ("José Martínez, the café owner, said the “rent increase” would force him to close\u2014after "
         "twenty years on Rue de la Paix\u00a0\u2014 unless the city council reconsiders its decision.")
    b = "Reprinted: " + unicodedata.normalize("NFD", a).replace("“", '"').replace("”", '"').replace("\u2014", "--").replace("\u00a0", " ")
    arts = pd.DataFrame({"article_id": [1, 2], "outlet": ["A", "B"], "published": pd.NaT, "text": [a, b]})
    (row,) = find_reuse(arts).itertuples()
    assert row.kind == "verbatim" and row.a_start == 0 and row.a_end == len(a)
    assert row.text_b == b[row.b_start:row.b_end] and row.text_b.startswith("Jose\u0301 Marti\u0301nez")
    assert row.b_end == len(b)


def test_short_text_copied_into_twenty_documents_pairs_every_copy_with_its_source():
    import numpy as np
    rng = np.random.default_rng(3)
    src = ("The city council approved a plan on Wednesday to turn the old rail yard north of the river into "
           "a park with playing fields, a community garden and a covered market, after three years of "
           "public meetings. The plan, which will cost about 40 million dollars, is to be paid for with a "
           "bond issue and a grant from the state. Construction is expected to start next spring and take "
           "two years. Residents who had pushed for housing on the site said they would keep campaigning.")
    words = src.split()
    docs = []
    for k in range(20):
        w = list(words)
        for i in rng.choice(len(w), 4, replace=False):     # light edits: four words changed
            w[i] = ["new", "local", "large", "small", "recent"][int(rng.integers(5))]
        docs.append(f"Student essay {k} on urban planning in the region. " + " ".join(w) + f" My view number {k} follows.")
    arts = pd.DataFrame({"article_id": ["src"] + [f"d{k}" for k in range(20)],
                         "outlet": ["Source"] + [f"Writer {k}" for k in range(20)],
                         "published": pd.NaT, "text": [src] + docs})
    p = find_reuse(arts)
    with_src = set(p.loc[p["article_a"] == "src", "article_b"])
    assert with_src == {f"d{k}" for k in range(20)}
    assert p["cluster"].nunique() == 1


def test_one_article_failing_to_tokenise_is_recorded_and_the_rest_go_on(monkeypatch):
    import srcanalysis.reuse.index as index
    real = index.tokens
    monkeypatch.setattr(index, "tokens", lambda t: (_ for _ in ()).throw(ValueError("bad bytes")) if "POISON" in t else real(t))
    arts = pd.DataFrame({"article_id": ["a", "b", "bad"], "outlet": ["X", "Y", "Z"], "published": pd.NaT,
                         "text": [COURT, "Briefly. " + COURT, "POISON " + COURT]})
    p = find_reuse(arts)
    assert len(p) == 1 and set(p[["article_a", "article_b"]].iloc[0]) == {"a", "b"}
    errs = sa.errors(p)
    assert errs[["article_id", "stage", "error"]].values.tolist() == [["bad", "reuse", "ValueError"]]


PARK = ("The city council approved a plan on Wednesday to turn the old rail yard north of the river into "
        "a park with playing fields, a community garden and a covered market, after three years of "
        "public meetings. The plan, which will cost about 40 million dollars, is to be paid for with a "
        "bond issue and a grant from the state. Construction is expected to start next spring and take "
        "two years. Residents who had pushed for housing on the site said they would keep campaigning. "
        "The mayor called the vote a turning point for the neighbourhood, which lost most of its jobs "
        "when the rail company closed its repair shops two decades ago.")


def heavy_revision(seed: int, rate: float = 0.4) -> str:
    """Sentences reordered, runs of 1-4 words replaced or dropped: about half the words changed."""
    import numpy as np
    fill = "new local several city officials public project board members plans area spending river town".split()
    rng = np.random.default_rng(seed)
    sents = re.split(r"(?<=\.)\s+", PARK)
    words = " ".join(sents[k] for k in rng.permutation(len(sents))).split()
    out, k = [], 0
    while k < len(words):
        if rng.random() < rate:
            run = int(rng.integers(1, 5))
            if rng.random() < 0.7:
                out.extend(fill[int(rng.integers(len(fill)))] for _ in range(run))
            k += run
        else:
            out.append(words[k])
            k += 1
    return " ".join(out)


def test_heavy_revision_of_a_short_text_pairs_with_its_source_at_the_measured_containment():
    revised = heavy_revision(3)
    kept = len(set(revised.lower().split()) & set(PARK.lower().split())) / len(set(PARK.lower().split()))
    assert kept < 0.5                                    # more than half of the source's words are gone
    other = ("Council members on Tuesday debated a proposal for new housing on the former factory site east "
             "of downtown, where developers want to build 300 apartments and shops. The mayor said a vote "
             "could come next month, after more public meetings with residents of the neighbourhood.")
    arts = pd.DataFrame({"article_id": ["src", "rev", "other"], "outlet": ["A", "B", "C"], "published": pd.NaT,
                         "text": [PARK, revised, other]})
    pairs = lambda p: {tuple(x) for x in p[["article_a", "article_b"]].values.tolist()}  # noqa: E731
    assert pairs(find_reuse(arts)) == {("src", "rev")}
    assert pairs(find_reuse(arts, min_containment=0.3)) == set()   # why the default is 0.2


def test_an_outlet_named_like_common_words_is_credited_only_as_a_name():
    arts = pair("Crews walked up the hill at dawn. " + WIRE).assign(outlet=["The Hill", "Courier"])
    assert find_reuse(arts).iloc[0]["credit"] == "not_credited"
    arts = pair(WIRE + " The Hill first reported the vote.").assign(outlet=["The Hill", "Courier"])
    row = find_reuse(arts).iloc[0]
    assert row["credit"] == "credited" and row["credit_text"] == "The Hill"


def test_a_sentences_frame_without_source_columns_is_recorded_not_fatal():
    a = f"Gov. Maria Lopez said on Monday: “{QUOTE}.”"
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Herald", "Courier"], "published": pd.NaT,
                         "text": [a, f"“{QUOTE},” Lopez said."]})
    bad = pd.DataFrame({"article_id": ["a", "b"], "start": [0, 0], "end": [len(a), 20]})
    p = find_reuse(arts, sentences=bad)
    assert len(p) == 1 and p["kind"].iloc[0] != "shared_quote"
    assert sa.errors(p)["stage"].tolist() == ["reuse:shared_quotes"]


def test_two_copies_of_a_wire_story_say_which_one_credits_the_agency():
    body = ("Ohio will reopen its state parks next week under new rules that limit campsites to half their usual "
            "numbers, state officials said Thursday. Visitors must book online and keep six feet apart at beaches, "
            "trails and picnic shelters, according to the order, which takes effect at dawn on Monday across all 74 "
            "parks in the state.")
    arts = pd.DataFrame({"article_id": ["dayton", "lake"], "outlet": ["Dayton Daily News", "Lakeshore Ledger"],
                         "published": pd.to_datetime(["2020-05-14", "2020-05-14"]),
                         "text": ["COLUMBUS, Ohio (AP) — " + body, body + " The Lakeshore Ledger will update this story."]})
    (row,) = find_reuse(arts).itertuples()
    assert (row.taker, row.credit, row.origin) == ("both", "not_credited", "Associated Press")
    assert row.credit_text == "a: COLUMBUS, Ohio (AP) —; b: no credit"  # the Dayton copy credits AP, the other not


# --------------------------------------------------------------------------- credit lines vs photo credits and promos
def wire_pair(agency: str, later_text: str) -> pd.DataFrame:
    """The agency's own story and a later Courier copy built from ``later_text``."""
    return pd.DataFrame({"article_id": ["w", "c"], "outlet": [agency, "Courier"],
                         "published": pd.to_datetime(["2024-04-06 09:00", "2024-04-06 15:00"]),
                         "text": [WIRE, later_text]})


@pytest.mark.parametrize("agency, text, words", [
    ("Reuters", WIRE + "\n\nReuters", "Reuters"),                 # a closing agency line after the story
    ("Associated Press", WIRE + " — AP", "— AP"),
    ("Associated Press", WIRE + "\n\n(c) 2024 The Associated Press. All rights reserved.",
     "(c) 2024 The Associated Press"),
    ("Reuters", WIRE + "\n\nAdditional reporting by Reuters; editing by Ann Roe", "reporting by Reuters"),
    ("Reuters", WIRE + "\n\nThis story was originally published by Reuters.", "originally published by Reuters"),
    ("Associated Press", WIRE + "\n\nRepublished with permission of The Associated Press.",
     "Republished with permission of The Associated Press"),
    ("Reuters", WIRE + "\n\nSource: Reuters", "Source: Reuters"),
    ("Reuters", WIRE + "\n\nhttps://www.reuters.com/world/us/senate-confirms-epa-chief-2024-04-06/",
     "https://www.reuters.com"),                                   # a link-only credit
    ("Associated Press", WIRE + "\n\n- With wires", "With wires"),  # unnamed wire credit, wire origin
    ("Reuters", WIRE + "\n\nWire services contributed to this report.", "Wire services contributed"),
    ("Reuters", WIRE + "\n\nReuters\n\nMore from Reuters\n\nStocks slide as oil climbs", "Reuters"),
])
def test_closing_credit_lines_of_newsroom_practice_credit_the_agency(agency, text, words):
    row = find_reuse(wire_pair(agency, text)).iloc[0]
    assert (row["credit"], row["credit_text"], row["origin"]) == ("credited", words, agency)


@pytest.mark.parametrize("agency, text", [
    ("Reuters", "Photo: Reuters\n\n" + WIRE),
    ("Reuters", "Senators leave the chamber after the vote on Thursday. REUTERS/Jane Doe\n\n" + WIRE),
    ("Reuters", WIRE + "\n\nPhoto: REUTERS"),
    ("Associated Press", WIRE + "\n\n(AP Photo/John Smith)"),
    ("Agence France-Presse", WIRE + "\n\nGetty Images/AFP"),
    ("Agence France-Presse", WIRE + "\n\nThe Capitol on Thursday. AFP via Getty Images"),
    ("Reuters", WIRE + "\n\nMore from Reuters\n\nStocks slide as oil climbs"),
    ("Reuters", WIRE + "\n\nFollow Reuters on X for the latest news"),
])
def test_photo_credits_and_promos_naming_the_agency_are_no_credit_for_the_text(agency, text):
    row = find_reuse(wire_pair(agency, text)).iloc[0]
    assert (row["credit"], row["credit_text"]) == ("not_credited", "")


def test_unnamed_wire_credit_does_not_credit_an_outlet_that_is_no_agency():
    arts = wire_pair("Herald", WIRE + "\n\n- With wires")
    row = find_reuse(arts).iloc[0]
    assert (row["origin"], row["credit"]) == ("Herald", "not_credited")


# --------------------------------------------------------------------------- hub stories (more copies than max_df)
FLOOD = [
    "Flood waters rose across three river towns on Sunday after two days of heavy rain, forcing hundreds of "
    "families from their homes and closing the main highway between the valley and the coast.",
    "The regional emergency agency said more than 1,200 people had spent the night in schools and sports halls "
    "turned into shelters, and that rescue crews in boats had reached several farms cut off by the water.",
    "Officials said the river at the old stone bridge had climbed almost four metres above its usual level by "
    "midday, the highest reading since records began at the station more than sixty years ago.",
    "Power was cut to about 18,000 homes as a precaution, the utility said, and engineers would not restore it "
    "until the water had fallen back and the substations had been checked for damage.",
    "Forecasters expect the rain to ease on Monday evening, but warned that water flowing down from the hills "
    "could keep the river high for most of the week and that more roads might have to close.",
]


def hub_corpus(copies: int, agency_row: bool = True) -> pd.DataFrame:
    """A Reuters story and ``copies`` lightly edited copies in as many outlets, a third crediting it."""
    story = "\n\n".join(FLOOD)
    rows = [("wire", "Reuters", pd.Timestamp("2024-05-05 08:00"), story)] if agency_row else []
    for k in range(copies):
        words = story.split(" ")
        words[(7 * k) % len(words)] = f"edit{k}"           # each copy edited in its own place
        ending = ["\n\nReuters", "", "\n\nPhoto: REUTERS/Ann Lee"][k % 3]
        rows.append((f"c{k}", f"Paper {k}", pd.Timestamp("2024-05-05 09:00") + pd.Timedelta(minutes=k),
                     f"Edition {k} of the valley news.\n\n" + " ".join(words) + ending))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "published", "text"])


@pytest.mark.parametrize("agency_row", [True, False])
def test_a_wire_story_copied_more_often_than_max_df_finds_every_copy_through_its_anchor(agency_row):
    import time
    arts = hub_corpus(80, agency_row)
    t0 = time.perf_counter()
    p = find_reuse(arts)
    assert time.perf_counter() - t0 < 20
    copies = {f"c{k}" for k in range(80)}
    assert copies <= set(p["article_a"]) | set(p["article_b"])
    assert set(p["origin"]) == {"Reuters"} and p["cluster"].nunique() == 1
    assert len(p) < 80 * 79 // 4             # copy-anchor pairs (and copies sharing an ending), not all 3,160 pairs
    per = reuse_summary(arts, p).articles.set_index("article_id")
    story_words = len(re.findall(r"\w+", "\n\n".join(FLOOD)))
    for k in range(80):
        row = per.loc[f"c{k}"]
        assert row["reused_words"] >= story_words - 2
        assert (row["credited_words"] > 0) == (k % 3 == 0)   # a photo credit is no credit for the text
    assert sa.errors(p).empty


def test_hub_copies_pair_with_the_anchor_only_when_they_share_two_sentences():
    tagline = ("Our newsroom is supported by readers like you; become a member today and help keep local "
               "reporting free for everyone.")
    texts = [f"Story number {k} about topic {k}. " + tagline for k in range(60)]
    pairs = candidate_pairs(texts, outlets=list(range(60)))
    assert pairs.empty                                      # a one-sentence cross-outlet tagline pairs nothing


def test_text_left_out_as_one_outlets_boilerplate_is_recorded_when_other_outlets_share_it():
    story = "\n\n".join(FLOOD)
    rows = [(f"r{k}", "Reuters", pd.Timestamp("2024-05-05 08:00") + pd.Timedelta(minutes=k),
             f"Update {k}: " + story) for k in range(60)]
    rows += [(f"p{k}", f"Paper {k}", pd.Timestamp("2024-05-06"), f"Briefly, edition {k}. " + story) for k in range(3)]
    arts = pd.DataFrame(rows, columns=["article_id", "outlet", "published", "text"])
    p = find_reuse(arts)
    err = sa.errors(p)
    row = err[err["stage"] == "reuse:not_searched"]
    assert len(row) == 1 and row["message"].iloc[0].startswith("3 article(s) share text with more than max_df=50")


# --------------------------------------------------------------------------- inputs that break text-reuse tools
LEDGER_FOOTER = ("Sign up for the Morning Ledger newsletter to get the day's top stories in your inbox every "
                 "weekday. The Valley Ledger is an independent nonprofit newsroom supported by readers, "
                 "foundations and local businesses.")
LEDGER_BODIES = [
    "The council approved a new budget for road repairs on Tuesday after a long debate about potholes on Main Street.",
    "Two teenagers were rescued from the river near the old mill late on Saturday night, the fire chief said.",
    "The high school football team won its first regional title in twelve years with a late field goal.",
    "A fire destroyed a barn on Route 9 overnight, but firefighters saved the farmhouse next to it and the horses.",
    "The library will extend its opening hours during the exam season, the director told the board on Monday.",
    "Police are asking for help finding a dog that went missing from the park on Elm Street last weekend.",
]


def ledger(extra: list[tuple] = ()) -> pd.DataFrame:
    rows = [(f"l{k}", "Valley Ledger", pd.Timestamp("2024-01-01") + pd.Timedelta(days=k), b + "\n\n" + LEDGER_FOOTER)
            for k, b in enumerate(LEDGER_BODIES)]
    return pd.DataFrame(rows + list(extra), columns=["article_id", "outlet", "published", "text"])


def test_a_footer_every_article_of_an_outlet_ends_with_is_not_reuse_between_them():
    assert find_reuse(ledger()).empty


def test_an_outlets_footer_is_no_reuse_from_each_of_its_articles_but_a_whole_copied_article_is():
    whole = ("x", "Other Paper", pd.Timestamp("2024-02-01"), "From our partners.\n\n" + COURT + "\n\n" + LEDGER_FOOTER)
    arts = ledger([whole, ("l9", "Valley Ledger", pd.Timestamp("2024-01-20"), COURT + "\n\n" + LEDGER_FOOTER)])
    p = find_reuse(arts)
    assert p[["article_a", "article_b"]].values.tolist() == [["x", "l9"]]
    assert "Morning Ledger" in p["text_a"].iloc[0]          # story and footer together are no boilerplate


def test_the_same_article_given_twice_is_kept_once():
    arts = pd.DataFrame({"article_id": ["a", "a", "b"], "outlet": ["Herald", "Herald", "Courier"],
                         "published": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-02"]),
                         "text": [COURT, COURT, "Briefly. " + COURT]})
    p = find_reuse(arts)
    assert p[["article_a", "article_b", "credit"]].values.tolist() == [["a", "b", "not_credited"]]
    assert sa.errors(p)["stage"].tolist() == ["reuse:duplicates"]
    assert reuse_summary(arts, p).articles["article_id"].tolist() == ["a", "b"]
    with pytest.raises(ValueError, match="one text per article_id"):
        find_reuse(arts.assign(text=[COURT, STORM, COURT]))


def test_identical_timestamps_leave_the_direction_to_the_credit():
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Herald", "Courier"],
                         "published": pd.to_datetime(["2024-01-01 10:00"] * 2), "text": [COURT, COURT + "\n\nHerald"]})
    row = find_reuse(arts).iloc[0]
    assert (row["earlier"], row["taker"], row["credit"], row["credit_text"]) == ("unknown", "b", "credited", "Herald")


ZH = ("国务院新闻办公室周二举行发布会，介绍今年前三季度经济运行情况。国家统计局发言人表示，前三季度国内生产总值"
      "同比增长百分之五，消费对经济增长的贡献率明显提高。")


def test_chinese_text_without_spaces_is_matched_by_character_and_credited():
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Xinhua", "Paper"],
                         "published": pd.to_datetime(["2024-01-01", "2024-01-02"]),
                         "text": [ZH, "本报讯 " + ZH + "（新华社）"]})
    p = find_reuse(arts)
    assert len(p) == 1 and p["text_b"].iloc[0].startswith("国务院") and p["words"].iloc[0] == len(re.findall(r"\w", ZH))
    assert (p["credit"].iloc[0], p["credit_text"].iloc[0]) == ("credited", "（新华社）")


def test_a_chinese_stock_phrase_of_a_few_words_is_not_reuse():
    a = "中华人民共和国外交部发言人周二在例行记者会上表示，中方对有关报道表示关切，将继续密切关注事态发展。"
    b = "中华人民共和国外交部发言人周四回答记者提问时说，两国贸易合作稳步推进，双方将在下月举行新一轮磋商。"
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "published": pd.NaT, "text": [a, b]})
    assert find_reuse(arts).empty


@pytest.mark.parametrize("agency, text, author, words", [
    ("Reuters", "WASHINGTON/LONDON (Reuters) - " + WIRE, "", "WASHINGTON/LONDON (Reuters) -"),  # two-city dateline
    ("Reuters", WIRE, "Jane Doe/Reuters", "Reuters"),                    # a slash in a byline names the author
    ("Associated Press", WIRE, "Guardian staff and agencies", "and agencies"),
    ("Reuters", WIRE + "\n\nThe Reuters/Ipsos poll was taken last week.", "", ""),   # a poll's name is no credit
])
def test_bylines_datelines_and_poll_names(agency, text, author, words):
    arts = wire_pair(agency, text).assign(author=["", author])
    row = find_reuse(arts).iloc[0]
    assert (row["credit"], row["credit_text"]) == ("credited" if words else "not_credited", words)


def test_on_a_tie_the_agency_whose_own_article_is_in_the_cluster_is_the_origin():
    arts = wire_pair("Reuters", WIRE + "\n\nAP")     # the copy credits the wrong agency
    row = find_reuse(arts).iloc[0]
    assert (row["origin"], row["credit"]) == ("Reuters", "not_credited")


@pytest.mark.parametrize("text, words", [
    (WIRE + " (With inputs from agencies)\n\nIn other news, the mayor opened a bridge on Friday.\n\nIt has two lanes."
     "\n\nTolls start in May.", "(With inputs from agencies)"),
    ("Funding from agencies such as the state rail fund was cut last year. " + WIRE
     + "\n\nIn other news, the mayor opened a bridge on Friday.", ""),     # story words, no credit
])
def test_an_unnamed_wire_credit_near_the_passage_must_be_bracketed(text, words):
    row = find_reuse(wire_pair("Reuters", text)).iloc[0]
    assert (row["credit"], row["credit_text"]) == ("credited" if words else "not_credited", words)


def test_a_link_to_the_source_articles_site_credits_an_outlet_outside_the_table():
    later = "Briefly.\n\n" + WIRE + "\n\nhttps://www.valleyherald.example/news/2024/04/06/senate-vote"
    arts = pair(later).assign(url=["https://www.valleyherald.example/news/2024/04/06/senate-vote", ""])
    row = find_reuse(arts).iloc[0]
    assert (row["credit"], row["credit_text"]) == ("credited", "valleyherald.example")
    per = reuse_summary(arts, find_reuse(arts)).articles.set_index("article_id")
    assert per.loc["c", "credited_words"] == len(re.findall(r"\w+", WIRE))
    row = find_reuse(pair(later)).iloc[0]             # without the source's url: no credit
    assert row["credit"] == "not_credited"


def test_text_most_of_whose_articles_come_from_one_outlet_is_its_template_not_a_hub():
    story = " ".join(FLOOD)
    texts = [f"Brief {k}. " + story for k in range(60)]
    spread = candidate_pairs(texts, outlets=list(range(60)))               # 60 outlets: a hub, pairs to the anchor
    assert len(spread) == 59 and set(spread["a"]) == {0}
    mostly_one = candidate_pairs(texts, outlets=[0] * 40 + list(range(1, 21)))   # 40 of 60 from one outlet
    assert mostly_one.empty


AR = ("قال وزير المالية يوم الثلاثاء إن الحكومة ستخفض الضرائب على الشركات الصغيرة اعتبارا من العام المقبل "
      "وإن العجز في الميزانية سيتراجع إلى ثلاثة في المئة من الناتج المحلي بحلول نهاية العقد")
HI = ("वित्त मंत्री ने मंगलवार को कहा कि सरकार अगले साल से छोटे कारोबारों पर कर घटाएगी और बजट घाटा दशक के अंत तक "
      "सकल घरेलू उत्पाद के तीन प्रतिशत तक आ जाएगा")


def test_arabic_vowel_signs_and_hindi_vowel_signs_never_split_a_word():
    vocalised = AR.replace("قال", "قَالَ").replace("الحكومة", "الحُكُومَة")
    arts = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "outlet": ["W", "X", "Y", "Z"], "published": pd.NaT,
                         "text": [AR, "عاجل: " + vocalised, HI, "नई दिल्ली: " + HI]})
    p = find_reuse(arts).set_index(["article_a", "article_b"])
    assert set(p.index) == {("a", "b"), ("c", "d")}
    assert p.loc[("a", "b"), "words"] == len(AR.split()) and p.loc[("c", "d"), "words"] == len(HI.split())


def test_hub_copies_without_dates_or_credits_stay_undirected():
    arts = hub_corpus(80, agency_row=False).assign(published=pd.NaT)
    arts["text"] = arts["text"].str.replace("\n\nReuters", "", regex=False)
    p = find_reuse(arts)
    assert set(p["origin"]) == {"unknown"} and set(p["credit"]) == {"unknown"} and set(p["taker"]) == {"unknown"}
    per = reuse_summary(arts, p).articles
    assert (per["shared_words"] > 0).all() and (per["reused_words"] == 0).all()


def test_a_published_column_mixing_utc_offsets_and_blanks_does_not_crash_the_finder():
    """A corpus passed straight to find_reuse may mix offsets ('-04:00', 'Z') and blanks: pandas
    refuses to mix time zones, so each value keeps its outlet's wall time (the package convention)."""
    text = ("The central bank raised its main interest rate by half a point on Tuesday, the largest increase in "
            "two decades, as policymakers moved to cool prices that have climbed faster than wages for a year.")
    frame = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["Ledger", "Star", "Post"],
                          "published": ["2024-05-01T23:30:00-04:00", "2024-05-02T09:00:00Z", ""],
                          "text": [text] * 3})
    passages = sa.find_reuse(frame).set_index(["article_a", "article_b"])
    assert passages.loc[("a", "b"), "earlier"] == "a" and passages.loc[("a", "b"), "taker"] == "b"
    assert passages.loc[("a", "c"), "earlier"] == "unknown"


# --------------------------------------------------------------------------- credit from the taker's own words, dates, labels
BUDGET = ("City councils across the state will lose a fifth of their road money next year, according to a draft "
          "budget obtained by The Associated Press. The cuts fall hardest on rural counties, which rely on the "
          "state fund for most of their repairs, and come after two years of flat spending on bridges and culverts.")


@pytest.mark.parametrize("tail, credit, words", [
    ("\n\nThe mayor's office did not answer calls on Friday.", "not_credited", ""),  # the agency is named only in the copied words
    ("\n\nThe Associated Press contributed to this report.", "credited", "The Associated Press contributed"),
    ("\n\n(AP)", "credited", "(AP)"),
])
def test_an_agency_named_inside_the_copied_words_is_no_credit_but_the_takers_credit_line_is(tail, credit, words):
    arts = pd.DataFrame({"article_id": ["ap", "c"], "outlet": ["Associated Press", "Courier"],
                         "published": pd.to_datetime(["2024-03-01 09:00", "2024-03-01 15:00"]),
                         "text": ["DENVER (AP) — " + BUDGET, BUDGET + tail]})
    (row,) = find_reuse(arts).itertuples()
    assert (row.taker, row.credit, row.credit_text, row.origin) == ("b", credit, words, "Associated Press")
    per = reuse_summary(arts, find_reuse(arts)).articles.set_index("article_id")
    assert per.loc["c", "credited_words"] == (per.loc["c", "reused_words"] if credit == "credited" else 0)


def test_a_one_sentence_quotation_two_outlets_attribute_to_the_same_person_is_listed_not_taken():
    quote = ('"We cannot keep paying for roads that nobody ever repairs," said Transportation Secretary Ana Ruiz '
             'at a briefing in Tulsa.')
    a = ("TULSA — Road crews here spent the week patching the worst of the winter's potholes. " + quote +
         " The city council will vote on a repair bond in May.")
    b = ("Oklahoma farmers say rural bridges are closing faster than the state can fix them. " + quote +
         " Grain haulers now drive an extra hour to reach the elevator in Enid.")
    arts = pd.DataFrame({"article_id": ["m", "s"], "outlet": ["Metro Ledger", "Sentinel"],
                         "published": [pd.Timestamp("2024-07-19"), pd.Timestamp("2024-07-19 08:15")],
                         "text": [a, b], "author": ["Sam Ortiz", "By Jane Roe, Associated Press"]})
    p = find_reuse(arts)
    (row,) = p.itertuples()
    assert (row.kind, row.quote_source, row.taker, row.credit) == ("shared_quote", "Ana Ruiz", "unknown", "unknown")
    s = reuse_summary(arts, p)
    per = s.articles.set_index("article_id")
    assert (per["reused_words"] == 0).all() and (per["uncredited_words"] == 0).all() and (per["sources"] == "").all()
    assert (per["quoted_words"] == len(re.findall(r"\w+", quote))).all()
    assert int(s.matrix.to_numpy().sum()) == 0
    # Narration copied around the quotation (two sentences of it) is taking, not a shared quotation.
    two = a.replace("TULSA — ", "")
    copy = arts.assign(text=[a, "Roads. " + two.split(" The city")[0]])
    assert find_reuse(copy)["kind"].iloc[0] == "verbatim"


def test_the_summary_charges_only_the_passages_taker():
    arts = pd.DataFrame({"article_id": ["x", "y"], "outlet": ["Herald", "Courier"],
                         "published": pd.to_datetime(["2023-04-06 09:00", "2023-04-06 10:00"]),
                         "text": ["WASHINGTON (AP) — " + WIRE, "From our desk. " + WIRE]})
    p = find_reuse(arts)
    assert (p["taker"].iloc[0], p["origin"].iloc[0]) == ("both", "Associated Press")
    per = reuse_summary(arts, p.assign(taker="b")).articles.set_index("article_id")
    assert per.loc["x", "reused_words"] == 0 and per.loc["x", "sources"] == ""
    assert per.loc["y", "reused_words"] == per.loc["y", "uncredited_words"] == len(re.findall(r"\w+", WIRE))


@pytest.mark.parametrize("dates, earlier", [
    (["2024-07-19", "2024-07-19 08:15"], "unknown"),      # a date without a time of day: same day, order unknown
    (["2024-07-19 08:15", "2024-07-19"], "unknown"),
    (["2024-07-18", "2024-07-19 08:15"], "a"),            # the day before is earlier
    (["2024-07-19 07:00", "2024-07-19 08:15"], "a"),      # two times of one day keep their order
])
def test_a_date_only_publication_is_not_earlier_than_a_time_of_the_same_day(dates, earlier):
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Herald", "Courier"],
                         "published": [pd.Timestamp(d) for d in dates], "text": [COURT, COURT + "\n\nHerald"]})
    row = find_reuse(arts).iloc[0]
    assert (row["earlier"], row["taker"], row["credit"]) == (earlier, "b", "credited")
    # Without a credit, the same-day date-only pair names no origin nor taker.
    p = find_reuse(arts.assign(text=[COURT, "Court news. " + COURT]))
    assert p["origin"].iloc[0] == ("unknown" if earlier == "unknown" else "Herald")
    assert p["taker"].iloc[0] == ("unknown" if earlier == "unknown" else "b")


def test_two_copies_of_a_wire_story_are_both_takers_from_the_agency_whatever_their_dates():
    arts = pd.DataFrame({"article_id": ["ap", "h", "l"], "outlet": ["Associated Press", "Daily Herald", "Lakeside Courier"],
                         "published": pd.to_datetime(["2024-11-07", "2024-11-07", "2024-11-08"]),
                         "text": ["WASHINGTON (AP) — " + WIRE, WIRE + " Local officials welcomed the vote.",
                                  WIRE + " Residents said they were skeptical."]})
    p = find_reuse(arts).set_index(["article_a", "article_b"])
    assert p.loc[("h", "l"), "earlier"] == "a"   # dates differ, yet neither copy took from the other
    assert (p.loc[("h", "l"), "taker"], p.loc[("h", "l"), "credit"]) == ("both", "not_credited")
    assert (p.loc[("ap", "l"), "taker"], p.loc[("ap", "h"), "taker"]) == ("b", "b")
    s = reuse_summary(arts, p.reset_index())
    per = s.articles.set_index("article_id")
    n = len(re.findall(r"\w+", WIRE))
    for copy in ("h", "l"):   # each copy took the wire words once, from the agency
        assert per.loc[copy, "reused_words"] == per.loc[copy, "uncredited_words"] == n
        assert per.loc[copy, "sources"] == "Associated Press"
    assert s.matrix.loc["Lakeside Courier", "Daily Herald"] == s.matrix.loc["Daily Herald", "Lakeside Courier"] == 0
    assert s.matrix.loc["Lakeside Courier", "Associated Press"] == n
    assert set(s.outlets["source"]) == {"Associated Press"} and set(s.outlets["passages"]) == {2}


def test_a_blank_outlet_is_named_unknown_outlet_in_the_matrix_the_outlets_table_and_the_chart():
    arts = pd.DataFrame({"article_id": ["h", "x", "y"], "outlet": ["Herald", "", None],
                         "published": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"]),
                         "text": [COURT, "Court news. " + COURT, STORM]})
    s = reuse_summary(arts, find_reuse(arts))
    assert s.matrix.index.tolist() == ["(unknown outlet)", "Herald"]
    assert s.matrix.columns.tolist() == ["(unknown outlet)", "Herald"]
    assert s.matrix.loc["(unknown outlet)", "Herald"] == len(re.findall(r"\w+", COURT))
    assert s.outlets[["taker", "source"]].values.tolist() == [["(unknown outlet)", "Herald"]]
    ax = plot_reused_share(s)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "(unknown outlet)" in labels and "" not in labels
    plt.close("all")

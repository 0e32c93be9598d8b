"""Build the tutorial notebooks from the cell lists below and execute them, so outputs are committed.

Run from the repository root: ``python tools/build_notebooks.py`` (all) or with notebook names.
Cells are ("md", text) or ("code", source); a code cell whose source starts with
``# parameters`` is tagged ``parameters`` (papermill), and cells starting with
``# NBVAL_CHECK_OUTPUT`` print small, rounded, deterministic tables that nbval compares.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NB_DIR = ROOT / "notebooks"

SETUP = """import warnings
import matplotlib
matplotlib.use("module://matplotlib_inline.backend_inline")
import matplotlib.pyplot as plt
import pandas as pd
import srcanalysis as sa
from srcanalysis.style import save_chart

warnings.filterwarnings("ignore", category=FutureWarning)
pd.set_option("display.width", 120)
pd.set_option("display.max_columns", 20)
pd.set_option("display.max_colwidth", 60)
%config InlineBackend.figure_format = "png"
"""

PARAMS = """# parameters
DATA_DIR = "../data"
OUTPUT_DIR = "../output/figures"
"""

NOTEBOOKS: dict[str, list[tuple[str, str]]] = {}

NOTEBOOKS["00_quickstart"] = [
    ("md", """# 00 · Quickstart: which outlets lean most on anonymous sources, and how sure are we?

The answer comes first, computed from the sample that ships with srcanalysis (two articles the kit was
designed around, a Daily Beast story and a timeline site's entry that pastes its paragraphs, plus 50
Wikinews articles). Every share says what it divides by: *sourced* sentences rest on some source (a
named person or organisation, media, a document, an anonymous source); the second figure divides by
all sentences. The range after each share is its 95 % (Wilson) interval; an outlet with fewer than 30
sourced sentences is shown but not ranked. Point `DATA_DIR` at your own folder and the paragraph is
rewritten from your articles."""),
    ("code", PARAMS),
    ("code", SETUP),
    ("code", """from srcanalysis.sources.headline import anonymous_answer, anonymous_shares, plot_anonymous_shares

articles = sa.read_articles(DATA_DIR)
sents = sa.sentences(articles)
# NBVAL_CHECK_OUTPUT
print(anonymous_answer(sents))"""),
    ("code", """from pathlib import Path
Path(OUTPUT_DIR).mkdir(parents=True, exist_ok=True)
shares = anonymous_shares(sents, by="outlet")
ax = plot_anonymous_shares(sents)
save_chart(ax, f"{OUTPUT_DIR}/00_anonymous_shares.png", shares)
plt.show()"""),
    ("code", """# NBVAL_CHECK_OUTPUT
cols = ["outlet", "anonymous", "sourced", "sentences", "anonymous_of_sourced", "anonymous_of_sourced_low",
        "anonymous_of_sourced_high", "anonymous_of_sourced_small", "anonymous_of_all"]
print(shares[cols].round(3).to_string(index=False))"""),
    ("md", """The rest of this notebook shows where those figures come from: the article table, the sentence
table every analysis starts from, and one chart for each question the kit answers: *who* the
sentences rest on, *when* the events happened, and *who copied whom*."""),
    ("md", """## Load the articles

`read_articles` takes a file, a folder, a list of paths or a DataFrame. Every input that is not
loaded is listed with the reason: here the folder's `NOTICE.md` (a licence note, not an article)."""),
    ("code", """print(len(articles), "articles")
sa.skipped(articles)"""),
    ("code", """articles[["article_id", "outlet", "title", "published"]].head()"""),
    ("md", """## One row per sentence

`sentences` splits each article and tags every sentence with the kind of source it rests on.
The `rule` column says which rule fired, so you can check any sentence yourself."""),
    ("code", """beast = sents[sents["outlet"] == "The Daily Beast"]
beast[["sentence", "text", "source_type", "source", "rule"]].head(8)"""),
    ("code", """# NBVAL_CHECK_OUTPUT
print(sents.groupby("outlet")["source_type"].value_counts().unstack(fill_value=0).to_string())"""),
    ("md", """## Who: the mix of sources per outlet

Each bar is an outlet, split by the share of its *sourced* sentences resting on each kind of source
(the reporter's own narrative is left out, so the anonymous segment is the headline share); outlets
with fewer than 30 sourced sentences are marked and not ranked. Read it as a lower bound: the rules see attribution with a cue (a reporting
verb, "according to", a quotation) and statements that plainly continue one (the next sentences of a
quotation); sourcing only implied by context is missed."""),
    ("code", """ax = sa.plot_source_mix(sents, by="outlet")
save_chart(ax, f"{OUTPUT_DIR}/00_source_mix.png", sa.source_profile(sents, by="outlet"))
plt.show()"""),
    ("md", """## When: the Flynn story's timeline

The seed files carry no publication date. The Daily Beast story speaks of Flynn's firing "On Feb. 14"
in the past and of the new channel opened "in recent weeks", so it appeared in spring 2017; we *assume*
1 April 2017 to resolve relative dates. Change `ASSUMED_PUBLISHED` and every relative date moves with it."""),
    ("code", """ASSUMED_PUBLISHED = "2017-04-01"
seeds = sa.read_articles(f"{DATA_DIR}/seeds", published=ASSUMED_PUBLISHED)
events = sa.timeline(sa.sentences(seeds))
ax = sa.plot_timeline(events[events["outlet"] == "The Daily Beast"])
save_chart(ax, f"{OUTPUT_DIR}/00_timeline.png", events)
plt.show()"""),
    ("md", """## Who copied whom

`find_reuse` aligns passages that appear in more than one article, verbatim or lightly edited."""),
    ("code", """passages = sa.find_reuse(articles)
# NBVAL_CHECK_OUTPUT
print(passages[["article_a", "article_b", "words", "kind", "earlier", "credit", "credit_text"]].to_string())"""),
    ("code", """summary = sa.reuse_summary(articles, passages)
ax = sa.plot_reused_share(summary)
save_chart(ax, f"{OUTPUT_DIR}/00_reused_share.png", summary["articles"])
plt.show()"""),
    ("md", """Next: `01_anonymous_sources`, `02_timeline_gaps`, `03_cross_outlet_reuse`, and
`04_your_own_articles` to run all of this on your own files."""),
]

NOTEBOOKS["01_anonymous_sources"] = [
    ("md", """# 01 · How much of each article rests on anonymous sources?

Anonymous sources ("a senior defense official said", "according to two people familiar with the
matter") let reporters tell readers what officials will not say on the record, but readers cannot
judge them. This notebook measures how much of each article and outlet rests on them, where in the
article they sit, and whether the article says *why* the source is unnamed.

**What counts.** srcanalysis follows a sourcing codebook written the way journalism-ethics research
codes sourcing. A sentence is *sourced* when the reporter could not have written it without a source
(a quote, a paraphrase, a claim or figure someone supplied). Each sourced sentence gets one type:

| type | who | example |
|---|---|---|
| `named_person` | a person the article names (also "he", "the senator" later) | "Mayor Ana Ruiz said" |
| `named_org` | an organisation, including its *unnamed* spokesperson or officials | "a Delta spokesperson said" |
| `media` | another news outlet; "reportedly" with no other source | "Reuters reported" |
| `document` | a report, filing, ruling, poll or data set used directly | "the 40-page report states" |
| `anonymous` | someone whose identity is **deliberately withheld** | "a senior official said", "people familiar with the talks" |
| `unnamed_person` | one unnamed person with no withholding language | "a police officer told him" |
| `unnamed_group` | a group speaking as a group | "residents said", "analysts expect" |
| `no_comment` | a disclosure that someone did not comment (not sourced) | "did not respond to a request for comment" |

The anonymous share counts only `anonymous`: "scientists say" or "residents said" are unnamed, not
anonymous. Beliefs and intentions narrated without a statement ("Lopez wants to expand the program")
are not sources; `sa.sentences(articles, scope="polnear")` (or `sa.tag_sentences(..., scope="polnear")`) gives the
broader PolNeAR reading for those who want it. `source_name` holds whom the source resolves to (the
person behind "he", the organisation behind "a spokesperson", a poll's pollster)."""),
    ("code", PARAMS),
    ("code", SETUP),
    ("code", """articles = sa.read_articles(DATA_DIR)
sents = sa.sentences(articles)
print(len(sents), "sentences in", len(articles), "articles")
# NBVAL_CHECK_OUTPUT
print(sa.anonymous_headline(sents))"""),
    ("md", """The headline figure states both denominators: the share of *sourced* sentences (how much of the
sourcing is anonymous) and of *all* sentences (how much of the story), with a 95 % interval for the
first."""),
    ("md", """## The Daily Beast story, sentence by sentence

Every anonymous attribution the tagger found, with the span it took as the source and how many
people it counts ("two knowledgeable former senior defense officials" counts 2)."""),
    ("code", """beast = sents[(sents["outlet"] == "The Daily Beast") & (sents["source_type"] == "anonymous")]
beast[["sentence", "source", "cue", "source_count", "rule"]]"""),
    ("md", """## Anonymous, unnamed, or an organisation's voice?

The same noun can land in three types, depending on what the sentence says about it."""),
    ("code", """examples = sa.tag_sentences([
    "A senior defense official said the plan was dead.",
    "A Pentagon spokeswoman said the plan was under review.",
    "A police officer said the road was closed.",
    "Residents said the water was still brown.",
    "Officials, who spoke on condition of anonymity, said the talks had failed.",
])
examples[["text", "source_type", "source", "source_name"]]"""),
    ("md", """## Profile per outlet

`anonymous_of_sourced` is the share of *sourced* sentences resting on an anonymous source,
`anonymous_of_all` the share of all sentences; each has `_low`/`_high` 95 % Wilson bounds and a
`_small` flag when its denominator is under 30 (sourced sentences for `anonymous_of_sourced`, all
sentences for `anonymous_of_all`): such shares say little. `unnamed_person` and
`unnamed_group` are counted apart and never in the anonymous share."""),
    ("code", """profile = sa.source_profile(sents, by="outlet")
# NBVAL_CHECK_OUTPUT
print(profile[["outlet", "sentences", "sourced", "anonymous", "unnamed_person", "unnamed_group",
               "anonymous_of_sourced", "anonymous_of_sourced_low", "anonymous_of_sourced_high",
               "anonymous_of_sourced_small", "anonymous_with_reason"]].to_string(index=False))"""),
    ("md", """**How this can mislead.** Two outlets here are one article each; shares from one article say
little about an outlet, which is why small groups are flagged and the charts mark rather than rank them.
An outlet with no anonymous sentence (Wikinews here: its reporters cite named people, organisations and
other outlets) still carries an interval: none in several hundred sourced sentences rules out a large
share, not a small one."""),
    ("code", """none = profile[profile["anonymous"] == 0]
# NBVAL_CHECK_OUTPUT
for row in none.itertuples():
    print(f"{row.outlet}: 0 anonymous of {row.sourced} sourced sentences; "
          f"95 % interval {row.anonymous_of_sourced_low:.1%} to {row.anonymous_of_sourced_high:.1%}")"""),
    ("code", """ax = sa.plot_source_mix(sents, by="outlet")
save_chart(ax, f"{OUTPUT_DIR}/01_source_mix.png", profile)
plt.show()"""),
    ("md", """## Which rules found them?

Every tagged sentence names the rule that fired. `speech:subject` is a reporting verb with its speaker
("a senior defense official said"), `according-to` the phrase, `+withheld` a source the sentence marks
as withheld ("who spoke on condition of anonymity"), and `inherit:...` a sentence that continues a
statement attributed just before it (the second sentence of a quotation). To count attributions rather
than sentences resting on them, drop the inherited rows."""),
    ("code", """anonymous = sents[sents["source_type"] == "anonymous"]
# NBVAL_CHECK_OUTPUT
print(anonymous["rule"].str.split("+").str[0].value_counts().to_string())
strict = anonymous[~anonymous["rule"].str.startswith("inherit")]
print(len(anonymous), "anonymous sentences,", len(strict), "with their own attribution")"""),
    ("md", """## Where in the article?

Anonymous sourcing often carries the top of an investigative story. The chart splits each article into
thirds by sentence count and gives, per third, the headline share (anonymous over *sourced* sentences)
with its 95 % interval. With anonymous sources in only a couple of articles, the chart says so instead
of naming a third."""),
    ("code", """by_pos = sa.position_shares(sents)
# NBVAL_CHECK_OUTPUT
print(by_pos[["position", "anonymous", "sourced", "anonymous_of_sourced", "anonymous_of_sourced_low",
              "anonymous_of_sourced_high"]].to_string(index=False))"""),
    ("code", """from pathlib import Path
Path(OUTPUT_DIR).mkdir(parents=True, exist_ok=True)
ax = sa.plot_anonymous_by_position(sents)
save_chart(ax, f"{OUTPUT_DIR}/01_anonymous_by_position.png", by_pos)
plt.show()"""),
    ("md", """## The source strip

One row per article, one cell per sentence, coloured by source type; ticks mark paragraph starts.
The articles with the most anonymous sentences come first."""),
    ("code", """ax = sa.plot_source_strip(sents, max_articles=10, titles=articles.set_index("article_id")["title"])
save_chart(ax, f"{OUTPUT_DIR}/01_source_strip.png", sa.source_profile(sents).head(10))
plt.show()"""),
    ("md", """## Stated reasons

Style guides ask reporters to say why a source is granted anonymity. `anonymity_reason` holds the
reason the article states ("because they were not authorized to discuss the negotiations");
"speaking on condition of anonymity" alone states none."""),
    ("code", """reasons = sa.tag_sentences([
    "The talks have stalled, according to two officials who spoke on condition of anonymity because they "
    "were not authorized to discuss the negotiations.",
    "A senior aide, speaking on condition of anonymity, said the deal was dead.",
])
reasons[["source_type", "source", "source_count", "anonymity_reason"]]"""),
]

NOTEBOOKS["02_timeline_gaps"] = [
    ("md", """# 02 · When did it happen, when was it reported, and what is missing?

Articles date events loosely: "Sometime in late January", "On Feb. 14", "the following month".
srcanalysis finds these expressions, resolves them to calendar intervals against the publication date,
and dates every sentence by the event it reports. From those sentence dates it charts the stretches no
sentence covers (gaps) and how long after the event each one was published (reporting lag)."""),
    ("code", PARAMS + 'ASSUMED_PUBLISHED = "2017-04-01"  # the seed files carry no date; see below\n'),
    ("code", SETUP),
    ("md", """## Time expressions in the Daily Beast story

The file has no publication date. Without one, "last month" or "Tuesday night" cannot be placed, and
srcanalysis does not guess: they keep `XXXX` values. Flynn's firing "On Feb. 14" is told in the past and
a channel opened "in recent weeks", so the story is from spring 2017; we state our assumption, 1 April 2017,
and pass it explicitly. `infer_published` gives the earliest date the *absolute* dates allow, a floor, not
an estimate, and it is never used to resolve anything."""),
    ("code", """seeds = sa.read_articles(f"{DATA_DIR}/seeds")
beast_text = seeds.set_index("outlet").loc["The Daily Beast", "text"]
print("earliest date consistent with the text:", sa.infer_published(beast_text).date())
print("without a publication date:", sa.find_timexes("Last month, on Feb. 14, Trump fired him.")["value"].tolist())
tx = sa.find_timexes(beast_text, published=ASSUMED_PUBLISHED)
# NBVAL_CHECK_OUTPUT
print(tx[["text", "type", "value", "mod", "begin", "end_date", "anchor"]].to_string(index=False))"""),
    ("md", """"early December" is `2016-12` with mod `START` (its first ten days); "The following month" is resolved from the
expression before it ("early December"), not from the publication date."""),
    ("md", """## One date per sentence

`date_sentences` gives each sentence the date of what it reports. `event_basis` says where the date
comes from: `own` (an expression in the sentence; a background clause such as "who joined in 2009" or a
quotation loses to the main clause), `carried` (a past-tense sentence with no date keeps the day the
narrative stands at; quotes and background clauses do not move that day), `published` (a present-tense
statement speaks at publication time) or `none`."""),
    ("code", """sents = sa.sentences(sa.read_articles(f"{DATA_DIR}/seeds", published=ASSUMED_PUBLISHED))
dated = sa.date_sentences(sents)
story = dated[dated["outlet"] == "The Daily Beast"]
# NBVAL_CHECK_OUTPUT
print(story["event_basis"].value_counts().to_string())
dated_only = story[story["event_basis"].isin(["own", "carried"])]
print(dated_only[["sentence", "event_basis", "event_expression", "event_begin", "event_end"]].to_string(index=False))"""),
    ("md", """## Gaps: stretches of the story no sentence dates

A gap is a stretch between the story's first and last dated sentence that no sentence's date covers.
Only dates at most a quarter wide count, so a year-long "in 2016" does not hide every gap inside it."""),
    ("code", """gaps = sa.timeline_gaps(story, min_gap="30D")
# NBVAL_CHECK_OUTPUT
print(gaps[["start", "end", "days", "before", "after"]].to_string(index=False))"""),
    ("code", """from pathlib import Path
Path(OUTPUT_DIR).mkdir(parents=True, exist_ok=True)
ax = sa.plot_timeline(story, gaps)
save_chart(ax, f"{OUTPUT_DIR}/02_timeline.png", story[["sentence", "event_basis", "event_expression", "event_begin", "event_end"]])
plt.show()"""),
    ("md", """**How this can mislead.** A fuzzy date is drawn as its whole interval: "last fall" covers three
months, so the chart can suggest a long event where the text only gives an imprecise date. A gap means
no *dated* sentence, not that nothing happened. A carried date is an inference from narrative order: on
the SemEval-2015 trial timelines it is right for about four in five sentences, not all."""),
    ("md", """## Reporting lag across the Wikinews sample

Lag is the publication date minus the end of the date of what each sentence reports, one value per
dated sentence (own or carried; sentences dated only by publication are left out). Wikinews reports
quickly, so most sentences are days old. Dates more than a year before publication (a birth year in an
obituary, "in 1941") are background, not reporting delay, and carry no lag."""),
    ("code", """wiki = sa.read_articles(f"{DATA_DIR}/wikinews")
wiki_dated = sa.date_sentences(sa.sentences(wiki))
lags = sa.lag_summary(wiki_dated)
# NBVAL_CHECK_OUTPUT
print(wiki_dated["event_basis"].value_counts().to_string())
print(lags.round(1).to_string(index=False))
print(len(sa.errors(wiki_dated)), "articles failed")"""),
    ("code", """ax = sa.plot_reporting_lag(wiki_dated, max_days=60)
save_chart(ax, f"{OUTPUT_DIR}/02_reporting_lag.png",
           wiki_dated[["article_id", "sentence", "event_basis", "event_expression", "event_lag"]])
plt.show()"""),
]

NOTEBOOKS["03_cross_outlet_reuse"] = [
    ("md", """# 03 · Who copied whom, how much, and did they say so?

The Trump Timeline entry in the sample pastes paragraphs from the Daily Beast story and puts the line
"The Daily Beast" after them. `find_reuse` finds such passages, verbatim or lightly edited, in any
number of articles without comparing every pair: it indexes rare word 5-grams and aligns only the
pairs that share several. For every passage it says who took it (`taker`), whether that article
credits its source (`credit`: credited, not_credited or unknown, with the words that gave it in
`credit_text`), which story it belongs to (`cluster`) and where that story started (`origin`)."""),
    ("code", PARAMS),
    ("code", SETUP),
    ("code", """articles = sa.read_articles(DATA_DIR)
passages = sa.find_reuse(articles)
# NBVAL_CHECK_OUTPUT
print(passages[["article_a", "a_start", "a_end", "article_b", "b_start", "b_end", "words", "similarity", "kind",
                "earlier", "taker", "credit", "credit_text", "cluster", "origin"]].round(3).to_string(index=False))"""),
    ("md", """`earlier` is `unknown` because the seed files carry no dates; the timeline entry is still the
taker because it names the Daily Beast right after the pasted passage (`credit_text`). The 50
Wikinews articles share no passage with each other or with the seeds."""),
    ("code", """print(passages.iloc[0]["text_a"][:400], "…")"""),
    ("md", """## Side by side

The two articles with the shared passages highlighted in the same colour on both sides."""),
    ("code", """first = passages.iloc[0]
sa.reuse_html(articles, passages, first["article_a"], first["article_b"])"""),
    ("md", """## A wire story in three outlets, and a shared quotation

Three small invented articles run the same Associated Press story: one with the "(AP) —" dateline,
one with a closing "AP" line, one with no credit at all. A fourth quotes the same governor as the
first. The three copies form one cluster whose origin is the agency; the quotation is listed as
`shared_quote`, not as one outlet taking from another."""),
    ("code", """import pandas as pd
wire = ("The Senate voted 52 to 48 on Thursday to confirm the nominee to lead the Environmental Protection "
        "Agency, ending a months-long fight over her record on coal plant emissions. Two Republicans joined "
        "every Democrat in opposing her.")
quote = ("We will rebuild every school the flood destroyed, and we will do it before the first day of the "
         "next school year, whatever it costs the state")
demo = pd.DataFrame({
    "article_id": ["x", "y", "z", "q"], "outlet": ["Herald", "Courier", "Gazette", "Tribune"],
    "published": pd.to_datetime(["2023-04-06 09:00", "2023-04-06 10:00", "2023-04-06 11:00", "2023-04-07 08:00"]),
    "text": ["WASHINGTON (AP) — " + wire + f" Separately, Gov. Maria Lopez said: “{quote}.”",
             wire + "\\n\\nAP", "By our correspondent.\\n\\n" + wire,
             f"The legislature meets next week. “{quote},” Lopez told reporters."]})
demo_passages = sa.find_reuse(demo)
# NBVAL_CHECK_OUTPUT
print(demo_passages[["article_a", "article_b", "words", "kind", "taker", "credit", "credit_text", "cluster",
                     "origin", "quote_source"]].to_string(index=False))
demo_summary = sa.reuse_summary(demo, demo_passages)
# NBVAL_CHECK_OUTPUT
print(demo_summary["articles"][["article_id", "outlet", "words", "reused_words", "credited_words", "quoted_words",
                                "sources"]].to_string(index=False))"""),
    ("md", """The Gazette matches two copies of the wire story, but its words are counted once and traced to
the Associated Press, not to the two outlets that ran it first. It is `not_credited` because nothing
in the text we have names AP: if the byline was lost when the page was saved, check the page."""),
    ("md", """## How much of each article is reused?"""),
    ("code", """summary = sa.reuse_summary(articles, passages)
# NBVAL_CHECK_OUTPUT
print(summary["articles"].round(3).head(5).to_string(index=False))"""),
    ("code", """from pathlib import Path
Path(OUTPUT_DIR).mkdir(parents=True, exist_ok=True)
ax = sa.plot_reused_share(summary)
save_chart(ax, f"{OUTPUT_DIR}/03_reused_share.png", summary["articles"])
plt.show()"""),
    ("code", """ax = sa.plot_reuse_matrix(summary)
save_chart(ax, f"{OUTPUT_DIR}/03_reuse_matrix.png", summary["matrix"])
plt.show()"""),
    ("md", """**How this can mislead.** Reuse is measured in words of aligned passages; a rewrite that keeps
the facts but changes every sentence is not reuse here. Without dates the direction is a guess from
credit lines, and `credit` is then `unknown` unless one side names the other. `not_credited` means no
byline, dateline, closing line or nearby words in the loaded text name the source; a byline lost in
extraction looks the same. Wire services legitimately syndicate copy: check `origin`, `same_outlet`
and the outlets' agreements before calling anything plagiarism."""),
]

NOTEBOOKS["04_your_own_articles"] = [
    ("md", """# 04 · Your own articles: folders, a database export, and URLs

This walkthrough builds three small inputs of the kinds students bring, loads them, and runs all three
analyses. Replace the paths with your own."""),
    ("code", PARAMS + "FETCH_URLS = False  # set True on a machine with internet access\nURLS = [\"https://en.wikinews.org/wiki/Main_Page\"]\n"),
    ("code", SETUP),
    ("md", """## 1. A folder of .txt and .html files

Plain text may start with a `key: value` header; HTML goes through trafilatura, which keeps the article
and drops menus and footers."""),
    ("code", """import shutil
from pathlib import Path

work = Path(OUTPUT_DIR).parent / "04_inputs"  # a scratch folder beside the figures (output/ is not committed)
shutil.rmtree(work, ignore_errors=True)
folder = work / "my_articles"
folder.mkdir(parents=True)
(folder / "bridge.txt").write_text(
    "title: Bridge to reopen after repairs\\noutlet: River Gazette\\npublished: 2021-03-04\\n\\n"
    "The Main Street bridge will reopen on Monday, city officials said.\\n\\n"
    "Engineers found cracks in two girders last fall, according to inspection records.\\n\\n"
    "The mayor did not respond to a request for comment.\\n", encoding="utf-8")
(folder / "dam.html").write_text(\"\"\"<html><head><title>Dam inspection delayed | Valley News</title>
<meta property="og:site_name" content="Valley News"><meta property="article:published_time" content="2021-03-05">
</head><body><nav>Home | Sports | Subscribe</nav><article><h1>Dam inspection delayed</h1>
<p>The state postponed the dam inspection for a second time on Thursday, two people familiar with the plan said,
citing a shortage of engineers after the bridge repairs in River City.</p>
<p>The Main Street bridge will reopen on Monday, city officials said. Engineers found cracks in two girders last
fall, according to inspection records.</p></article><footer>Copyright Valley News</footer></body></html>\"\"\",
    encoding="utf-8")
folder_articles = sa.read_articles(folder)
folder_articles[["outlet", "title", "published", "published_from", "encoding"]]"""),
    ("md", """`published_from` says where each date came from: the file's header (`input`), a catalog beside the files (`catalog`), the page's metadata,
its URL, a byline line at the top of the text, or `none`. A date is never taken from a copyright footer.

### Saved web pages: what the loader checks for you

A saved page can be a section front rather than an article, name a login button as its author, carry a wire
agency's byline, or print a date like 04/07/2017 that means April or July depending on the country. The page
below is a syndicated AP story on a British site; the folder also holds the site's section front."""),
    ("code", """pages = folder.parent / "saved_pages"
pages.mkdir()
(pages / "story.html").write_text(\"\"\"<html lang="en-GB"><head><title>Flood barrier fails | Echo</title>
<meta property="og:site_name" content="Echo"><meta name="author" content="Sign In"></head><body>
<article><h1>Flood barrier fails</h1><p>By JANE ROE, Associated Press</p><p>Published 04/07/2017</p>
<p>SHARES</p><p>LONDON (AP) — The new flood barrier failed on its first test on Monday, the agency that built it
said, sending water into two streets beside the river.</p>
<p>The barrier's east gate on Monday. (Photo by John Smith)</p>
<p>Engineers will inspect the gates this week, a spokesman said.</p></article>
<footer>© 2024 Echo Media</footer></body></html>\"\"\", encoding="utf-8")
cards = "".join(f'<div><h3><a href="/news/{i}">Story {i} about the river floods</a></h3><p>Short blurb {i}.</p></div>'
                for i in range(6))
(pages / "news-front.html").write_text(f'<html><head><title>News | Echo</title></head><body>{cards}</body></html>',
                                       encoding="utf-8")
saved = sa.read_articles(pages)
print(saved[["outlet", "author", "credit", "published", "published_from"]].to_string(index=False))
print(saved["text"][0], end="\\n\\n")
for reason in sa.skipped(saved)["reason"]:
    print("skipped:", reason)"""),
    ("md", """The author is Jane Roe, not the "Sign In" button; the wire agency is kept in `credit`, so reuse checks can
tell syndicated copy from copying. The share counter, the byline, the timestamp and the photo credit are gone
from the text; the reporting is all there. 04/07/2017 is read as 4 July because the page declares British
English (`lang="en-GB"`); without such a clue it would stay empty and be listed in `saved.attrs["warnings"]`.
The section front is listed as skipped; `read_articles(..., keep_non_articles=True)` keeps it with
`page_type == "listing"`."""),
    ("md", """## 2. A CSV export from a news database

Exports name their columns differently. `read_articles` maps common names (`headline`, `body`,
`publisher`, `date`...) and tells you which column is missing if it cannot find the text. Broken rows are
listed as skipped, not dropped silently."""),
    ("code", """export = folder.parent / "export.csv"
pd.DataFrame({
    "headline": ["Council delays vote", "Council approves budget"],
    "body": ["The council delayed its budget vote on Tuesday, a spokeswoman said.",
             "The council approved the budget on Feb. 14, two weeks after the delay, the clerk said."],
    "publisher": ["Metro Daily", "Metro Daily"],
    "date": ["2021-02-02", "2021-02-15"],
}).to_csv(export, index=False)
csv_articles = sa.read_articles(export)
csv_articles[["outlet", "title", "published", "text"]]"""),
    ("md", """## 3. A list of URLs

`read_articles` downloads `http(s)://` addresses with trafilatura (10-second timeout). Offline, or when a
site blocks the request, the URL is listed in `sa.skipped(...)` with the reason and the rest still loads.
This notebook skips the download unless `FETCH_URLS` is true, so it runs anywhere."""),
    ("code", """if FETCH_URLS:
    web_articles = sa.read_articles(URLS)
    print(sa.skipped(web_articles))
else:
    web_articles = folder_articles.iloc[:0]
    print("FETCH_URLS is False: no download attempted.")"""),
    ("md", """## All three analyses on everything you loaded"""),
    ("code", """mine = pd.concat([folder_articles, csv_articles, web_articles], ignore_index=True)
sents = sa.sentences(mine)
# NBVAL_CHECK_OUTPUT
print(sents[["outlet", "text", "source_type", "source"]].to_string(index=False, max_colwidth=70))"""),
    ("code", """Path(OUTPUT_DIR).mkdir(parents=True, exist_ok=True)
profile = sa.source_profile(sents, by="outlet")
ax = sa.plot_source_mix(sents, by="outlet")
save_chart(ax, f"{OUTPUT_DIR}/04_source_mix.png", profile)
plt.show()"""),
    ("code", """events = sa.timeline(sents)
# NBVAL_CHECK_OUTPUT
print(events[["outlet", "expression", "value", "begin", "end", "lag"]].to_string(index=False))"""),
    ("code", """passages = sa.find_reuse(mine)
# NBVAL_CHECK_OUTPUT
print(passages[["article_a", "article_b", "words", "kind", "earlier", "credit"]].to_string(index=False))"""),
    ("md", """The Valley News page repeats two sentences of the River Gazette story a day later, without
naming it: `earlier` is `a` (the Gazette) and `credit` is `not_credited`. For a report without code, run
`srcanalysis report your_folder/ -o report/` in a terminal."""),
]


def build(name: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for kind, source in NOTEBOOKS[name]:
        if kind == "md":
            nb.cells.append(nbformat.v4.new_markdown_cell(source))
        else:
            cell = nbformat.v4.new_code_cell(source.rstrip("\n"))
            if source.startswith("# parameters"):
                cell.metadata["tags"] = ["parameters"]
            nb.cells.append(cell)
    for i, cell in enumerate(nb.cells):  # stable ids keep diffs small
        cell["id"] = f"{name[:2]}-{i:02d}"
    client = NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(NB_DIR)}})
    client.execute()
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
    path = NB_DIR / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


if __name__ == "__main__":
    names = sys.argv[1:] or list(NOTEBOOKS)
    for name in names:
        print("built", build(name).relative_to(ROOT))

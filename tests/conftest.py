"""Shared fixtures: paths to the shipped sample and to ../shared (absent on some machines)."""
from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEEDS = DATA / "seeds"
SHARED = Path(os.environ.get("SRCANALYSIS_SHARED", ROOT.parent / "shared"))
DEVDATA = SHARED / "devdata"

TIMELINE_SEED = SEEDS / "000_7802ac3fc612a4d0.txt"
BEAST_SEED = SEEDS / "001_1ed060d2126be1d2.txt"


@pytest.fixture(scope="session")
def seed_articles():
    import srcanalysis as sa
    return sa.read_articles(SEEDS)


@pytest.fixture(scope="session")
def sample_articles():
    import srcanalysis as sa
    return sa.read_articles(DATA)


@pytest.fixture(scope="session")
def seed_sentences(seed_articles):
    import srcanalysis as sa
    return sa.sentences(seed_articles)


def require_devdata(*parts: str) -> Path:
    """Path under ../shared/devdata, or skip the test when it is not there."""
    path = DEVDATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"development data not available: {path}")
    return path


@pytest.fixture(scope="module")
def spark():
    """A local[2] Spark session for one test module (skips without pyspark or Java)."""
    import shutil

    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java")
    from srcanalysis.reuse.spark import get_spark
    os.environ.setdefault("SRCANALYSIS_SPARK_PARTITIONS", "2")
    session = get_spark("local[2]")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()

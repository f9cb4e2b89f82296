"""What one document's extraction leaves behind once it is done: nothing of its own."""

import gc

from sgcn.loaders.document import Document
from sgcn.loaders.extract import extract
from sgcn.loaders.extract.aboutness import Reader


def test_no_reader_outlives_its_document():
    # a reader holds a document's analysis and parses: kept by a cache, a build
    # worker's memory grew with every document it extracted
    text = ("The Harbour Expo 2023 was held in Oslo on 4 May 2023. It drew 3,000 visitors, "
            "and the expo signed 12 deals.")
    extract(Document(source="a.txt", sha256="0" * 64, format="plaintext", date="2023-05-04", text=text))
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, Reader)]

"""``sgcn add``: pages fetched from a real HTTP server on loopback, files copied, the manifest kept.

The server is Python's own ``http.server`` started by the fixture on a free port of
127.0.0.1; it serves redirects, a 404, a slow answer, a trickling one, a GBK page, huge
bodies (announced and not) and content sgcn does not read. Nothing here reaches the
internet.
"""

from __future__ import annotations

import hashlib
import http.server
import threading
import time
from pathlib import Path

import pytest
import yaml

from sgcn.graph.cli import main
from sgcn.loaders import read_folder
from sgcn.loaders.corpus import add
from sgcn.loaders.errors import LoadError
from sgcn.loaders.fetch import FetchError

PAGE = (b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Chongqing and Singapore sign MoU</title></head>"
        b"<body><article><h1>Chongqing and Singapore sign MoU</h1>"
        b"<p>The Infocomm Media Development Authority and the Chongqing Municipal People's Government "
        b"signed a memorandum of understanding on digital trade in Chongqing on 5 March 2020.</p>"
        b"</article></body></html>")
GBK_PAGE = ("<html><head><title>重庆与新加坡签署数字贸易备忘录</title></head><body><article>"
            "<h1>重庆与新加坡签署数字贸易备忘录</h1><p>The Chongqing Municipal People's Government and "
            "Singapore signed an MoU on digital trade (重庆市人民政府) in Chongqing on 5 March 2020.</p>"
            "</article></body></html>").encode("gbk")
MARKDOWN = b"---\ntitle: Lion Forum\ndate: 2023-05-04\n---\nThe Lion Forum opened in Singapore on 4 May 2023.\n"
HUGE = 200_000


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def _send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", length: bool = True):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path
        if path == "/page.html":
            self._send(200, PAGE)
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/page.html")
            self.end_headers()
        elif path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(path)}")
            self.end_headers()
        elif path == "/gbk":
            self._send(200, GBK_PAGE, "text/html; charset=GBK")
        elif path == "/note.md":
            self._send(200, MARKDOWN, "text/markdown; charset=utf-8")
        elif path == "/slow":
            time.sleep(2.0)
            self._send(200, PAGE)
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(30):
                self.wfile.write(b"<p>more and more</p>\n")
                self.wfile.flush()
                time.sleep(0.1)
        elif path == "/huge-announced":
            self._send(200, b"<p>" + b"x" * HUGE + b"</p>")
        elif path == "/huge-streamed":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(HUGE // 1000 + 10):
                self.wfile.write(b"<p>" + b"y" * 1000 + b"</p>")
        elif path == "/report.pdf":
            self._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "application/pdf")
        elif path == "/empty.html":
            self._send(200, b"   \n", "text/html")
        else:
            self._send(404, b"<h1>Not Found</h1>")


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _manifest(folder: Path) -> dict:
    return yaml.safe_load((folder / "manifest.yaml").read_text(encoding="utf-8"))["documents"]


def test_a_page_is_stored_as_received_and_recorded(server, tmp_path):
    added = add(f"{server}/page.html", tmp_path)
    assert added.status == "added" and added.name.endswith(".html")
    assert (tmp_path / added.name).read_bytes() == PAGE
    entry = _manifest(tmp_path)[added.name]
    assert entry["url"] == f"{server}/page.html"
    assert entry["content_type"] == "text/html" and entry["charset"] == "utf-8"
    assert entry["sha256"] == hashlib.sha256(PAGE).hexdigest()
    assert entry["retrieved"].endswith("+00:00")
    document = read_folder(tmp_path).documents[0]
    assert "Chongqing Municipal People's Government" in document.text
    assert document.metadata["url"] == f"{server}/page.html"


def test_a_redirect_is_followed_and_both_addresses_kept(server, tmp_path):
    added = add(f"{server}/moved", tmp_path)
    entry = _manifest(tmp_path)[added.name]
    assert entry["url"] == f"{server}/page.html" and entry["requested_url"] == f"{server}/moved"


def test_the_same_content_twice_is_recognised(server, tmp_path):
    first = add(f"{server}/page.html", tmp_path)
    again = add(f"{server}/moved", tmp_path)  # other address, same bytes
    assert again.status == "duplicate" and again.name == first.name
    assert len(_manifest(tmp_path)) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.name, "manifest.yaml"])


def test_a_gbk_page_keeps_its_bytes_and_reads_in_its_declared_charset(server, tmp_path):
    added = add(f"{server}/gbk", tmp_path)
    assert (tmp_path / added.name).read_bytes() == GBK_PAGE
    assert _manifest(tmp_path)[added.name]["charset"] == "GBK"
    document = read_folder(tmp_path).documents[0]
    assert "重庆市人民政府" in document.text


def test_markdown_is_stored_as_markdown(server, tmp_path):
    added = add(f"{server}/note.md", tmp_path)
    assert added.name.endswith(".md") and added.fields["format"] == "markdown"


@pytest.mark.parametrize(
    ("path", "options", "message"),
    [
        ("/missing", {}, "HTTP 404 Not Found"),
        ("/loop", {}, "more than 5 redirects"),
        ("/slow", {"timeout": 0.5}, "no answer within 0.5 s"),
        ("/trickle", {"deadline": 1.0}, "took longer than 1 s"),
        ("/huge-announced", {"max_bytes": HUGE}, "is over the limit"),
        ("/huge-streamed", {"max_bytes": HUGE}, "passed the limit"),
        ("/report.pdf", {}, "application/pdf is not a page or document sgcn reads"),
    ],
)
def test_refusals_write_nothing(server, tmp_path, path, options, message):
    with pytest.raises(FetchError, match=message):
        add(f"{server}{path}", tmp_path, **options)
    assert not tmp_path.exists() or list(tmp_path.iterdir()) == []


def test_a_page_the_loaders_refuse_writes_nothing(server, tmp_path):
    with pytest.raises(LoadError, match="not a document sgcn reads: empty file"):
        add(f"{server}/empty.html", tmp_path)
    assert not tmp_path.exists() or list(tmp_path.iterdir()) == []


def test_files_are_copied_and_unknown_formats_refused(tmp_path):
    folder = tmp_path / "sources"
    release = tmp_path / "release.md"
    release.write_bytes(MARKDOWN)
    added = add(str(release), folder)
    assert (folder / added.name).read_bytes() == MARKDOWN
    assert _manifest(folder)[added.name]["added_from"] == "release.md"
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4")
    with pytest.raises(LoadError, match="unknown format '.pdf'"):
        add(str(scan), folder)
    assert len(list(folder.iterdir())) == 2


def test_the_manifest_keeps_its_comments_and_entries(server, tmp_path):
    (tmp_path / "manifest.yaml").write_text(
        "# origins, by hand\ndocuments:\n  old.txt:\n    publisher: MTI\n", encoding="utf-8")
    (tmp_path / "old.txt").write_text("TITLE\n\nSingapore and Chongqing met.\n", encoding="utf-8")
    added = add(f"{server}/page.html", tmp_path)
    text = (tmp_path / "manifest.yaml").read_text(encoding="utf-8")
    assert text.startswith("# origins, by hand\n")
    assert set(_manifest(tmp_path)) == {"old.txt", added.name}
    assert added.name.startswith("000_")  # old.txt has no number: numbering starts at 000


def test_cli_add_reports_each_item_and_exits_2_on_a_refusal(server, tmp_path, capsys):
    folder = tmp_path / "src"
    code = main(["add", f"{server}/page.html", f"{server}/missing", f"{server}/page.html", "--sources", str(folder)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "added as 000_" in out and "not added again" in out
    assert "HTTP 404" in err
    assert main(["add", f"{server}/note.md", "--sources", str(folder)]) == 0
    assert sorted(p.suffix for p in folder.iterdir()) == [".html", ".md", ".yaml"]

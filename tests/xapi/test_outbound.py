"""TRUST 23: the guarded outbound client refuses private destinations unless allowed."""

import socket
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from groundswell import outbound
from tests.xapi.lrs import LRSServer


@pytest.fixture(autouse=True)
def nothing_allowed(settings):
    settings.OUTBOUND_ALLOWED_HOSTS = []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.1.2.3:8080/x",
        "http://localhost/",
        "http://10.1.2.3/",
        "http://172.16.0.5/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://100.64.0.1/",
    ],
)
def test_private_loopback_link_local_and_multicast_are_refused(url):
    with pytest.raises(outbound.OutboundRefused):
        outbound.request("GET", url)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/", "gopher://x/", "http:///nohost"]
)
def test_only_http_and_https(url):
    with pytest.raises(outbound.OutboundRefused):
        outbound.request("GET", url)


def test_credentials_in_the_address_are_refused():
    with pytest.raises(outbound.OutboundRefused):
        outbound.request("GET", "http://user:pw@93.184.216.34/")


def test_a_name_resolving_to_a_private_address_is_refused(monkeypatch):
    def resolve(host, port, *args, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(outbound.OutboundRefused, match=r"10\.0\.0\.7"):
        outbound.request("GET", "http://lrs.example.org/")


def test_unresolvable_names_are_refused(monkeypatch):
    def fail(*args, **kwargs):
        raise socket.gaierror("no such name")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    with pytest.raises(outbound.OutboundRefused):
        outbound.request("GET", "http://nowhere.invalid/")


def test_an_allowed_host_is_reached(settings):
    settings.OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]
    with LRSServer() as server:
        response = outbound.request("GET", f"{server.endpoint}/statements")
    assert response.status == 401  # reached the LRS, which wants credentials
    assert response.headers["x-experience-api-version"] == "1.0.3"


def test_allowing_one_host_does_not_allow_another(settings):
    settings.OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]
    with pytest.raises(outbound.OutboundRefused):
        outbound.request("GET", "http://localhost/")
    with pytest.raises(outbound.OutboundRefused):
        outbound.request("GET", "http://10.0.0.1/")


def test_responses_over_the_size_cap_are_refused(settings):
    settings.OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]
    with LRSServer() as server, pytest.raises(outbound.OutboundError, match="larger"):
        outbound.request("GET", f"{server.endpoint}/statements", max_bytes=10)


def test_a_server_that_never_answers_times_out(settings):
    settings.OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    try:
        port = listener.getsockname()[1]
        with pytest.raises(outbound.OutboundError, match="timed out"):
            outbound.request("GET", f"http://127.0.0.1:{port}/", read_timeout=0.3)
    finally:
        listener.close()


def test_https_verifies_the_certificate(settings, tmp_path):
    """A self-signed LRS is refused: TLS goes to the checked address with the host's name."""
    settings.OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    command = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
    command += ["-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)]
    subprocess.run(command, check=True, capture_output=True)
    server = HTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    try:
        with pytest.raises(outbound.OutboundError, match="CERTIFICATE_VERIFY_FAILED"):
            outbound.request("GET", f"https://127.0.0.1:{server.server_address[1]}/")
    finally:
        thread.join(timeout=5)
        server.server_close()

"""A small OpenID Connect provider for the SSO tests, served over real HTTP from a thread.

It publishes its RSA public key as a JWKS, answers the token endpoint with an ID token it
signs, and the userinfo endpoint with claims. Tests tell it what to put in the next answers
(claims, a different signing key, an expiry in the past…), so every check of the ID token is
made by the real code path: mozilla-django-oidc fetching the JWKS and our backend verifying.
"""

import base64
import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, parse_qsl, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import SESSION_KEY

CLIENT_ID = "groundswell-test"
CLIENT_SECRET = "test-client-secret-from-the-environment"
KEY_ID = "provider-key-1"
SSO_BACKEND = "groundswell.people.sso.backend.SingleSignOnBackend"


def new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class FakeProvider:
    def __init__(self):
        self.key = new_key()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.reset()

    # -- what tests change -------------------------------------------------------------------
    def reset(self):
        self.codes: dict[str, dict] = {}
        self.tokens: dict[str, dict] = {}
        self.signing_key = self.key
        self.id_token_overrides: dict = {}
        self.userinfo_overrides: dict = {}
        self.algorithm = "RS256"

    def authorize(self, query: dict, *, email: str, sub: str = "subject-1", **claims) -> str:
        """What the provider's login page would do: remember who signed in for this request
        and hand back a code."""
        code = f"code-{len(self.codes) + 1}"
        self.codes[code] = {
            "nonce": query.get("nonce"),
            "challenge": query.get("code_challenge"),
            "claims": {"sub": sub, "email": email, **claims},
        }
        return code

    def settings(self) -> dict:
        return {
            "SSO_ENABLED": True,
            "SSO_PROVIDER_NAME": "Contoso ID",
            "OIDC_OP_ISSUER": self.issuer,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.issuer}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.issuer}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.issuer}/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.issuer}/jwks",
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_RP_SIGN_ALGO": "RS256",
        }

    # -- the protocol ------------------------------------------------------------------------
    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def jwks(self) -> dict:
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": KEY_ID, "alg": "RS256", "use": "sig"}]}

    def id_token(self, grant: dict) -> str:
        now = int(time.time())
        payload = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "sub": grant["claims"]["sub"],
            "iat": now,
            "exp": now + 300,
            "nonce": grant["nonce"],
            "email": grant["claims"]["email"],
            **self.id_token_overrides,
        }
        payload = {k: v for k, v in payload.items() if v is not None}
        key = CLIENT_SECRET if self.algorithm.startswith("HS") else self.signing_key
        return jwt.encode(payload, key, algorithm=self.algorithm, headers={"kid": KEY_ID})

    def token(self, form: dict) -> tuple[int, dict]:
        grant = self.codes.pop(form.get("code", ""), None)
        if grant is None or form.get("client_id") != CLIENT_ID:
            return 400, {"error": "invalid_grant"}
        if form.get("client_secret") != CLIENT_SECRET:
            return 401, {"error": "invalid_client"}
        verifier = form.get("code_verifier", "")
        digest = hashlib.sha256(verifier.encode()).digest()
        if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != grant["challenge"]:
            return 400, {"error": "invalid_grant", "error_description": "PKCE"}
        access = f"access-{grant['claims']['sub']}"
        self.tokens[access] = grant["claims"]
        return 200, {
            "access_token": access,
            "token_type": "Bearer",
            "id_token": self.id_token(grant),
        }

    def userinfo(self, authorization: str) -> tuple[int, dict]:
        claims = self.tokens.get(authorization.removeprefix("Bearer "))
        if claims is None:
            return 401, {"error": "invalid_token"}
        return 200, {**claims, **self.userinfo_overrides}

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, status: int, body: dict):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                if self.path == "/jwks":
                    return self._answer(200, provider.jwks())
                if self.path == "/userinfo":
                    return self._answer(*provider.userinfo(self.headers.get("Authorization", "")))
                return self._answer(404, {})

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if self.path == "/token":
                    return self._answer(*provider.token(form))
                return self._answer(404, {})

            def log_message(self, *args):
                pass

        return Handler


# -- steps shared by the SSO tests ----------------------------------------------------------


def start(client, next_url="/spaces/"):
    """Click "Sign in with…": our start page sends the browser to the provider."""
    response = client.get("/sso/start/", {"next": next_url})
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    query = dict(parse_qsl(location.query))
    assert query["response_type"] == "code"
    assert query["code_challenge_method"] == "S256"
    return query


def sign_in(client, provider, *, email, **claims):
    query = start(client)
    code = provider.authorize(query, email=email, **claims)
    return client.get("/sso/callback/", {"code": code, "state": query["state"]})


def signed_in_as(client):
    return client.session.get(SESSION_KEY)

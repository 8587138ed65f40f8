import pytest

from tests.xapi.lrs import PASSWORD, USERNAME, LRSServer


@pytest.fixture
def lrs(settings):
    """A running test LRS on 127.0.0.1, configured as Groundswell's LRS (and explicitly allowed
    through the outbound guard, which refuses loopback otherwise)."""
    with LRSServer() as server:
        settings.XAPI_LRS_ENDPOINT = server.endpoint
        settings.XAPI_LRS_USERNAME = USERNAME
        settings.XAPI_LRS_PASSWORD = PASSWORD
        settings.OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]
        yield server

"""The REST API under /api/v1: each app contributes its router; errors map in one place."""

from ninja import NinjaAPI

api = NinjaAPI(title="Groundswell API", version="1", urls_namespace="api")

"""No models: rate-limit counters live in Django's cache. This module exists so that Django sends
`post_migrate` for this app, which creates the cache table (see apps.py)."""

"""Groundswell: a social learning platform for organisations."""

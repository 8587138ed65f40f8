def csp_nonce(request):
    """The request's CSP nonce for the rare inline script block that needs it."""
    return {"csp_nonce": getattr(request, "csp_nonce", "")}

"""Photo checks: the type comes from the file's first bytes, never from its name or the
browser's claim, so an SVG or HTML file cannot pass as an image."""

from django.http import FileResponse

from groundswell.errors import InvalidInput, NotFound

MAX_PHOTO_BYTES = 5 * 1024 * 1024
# content type -> (extension, test on the first bytes)
_SIGNATURES = {
    "image/png": ("png", lambda head: head.startswith(b"\x89PNG\r\n\x1a\n")),
    "image/jpeg": ("jpg", lambda head: head.startswith(b"\xff\xd8\xff")),
    "image/webp": ("webp", lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP"),
}


def photo_type(upload) -> tuple[str, str]:
    """(content type, extension) of an uploaded photo, or InvalidInput."""
    if upload.size > MAX_PHOTO_BYTES:
        raise InvalidInput("The photo is larger than 5 MB.", field="photo")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for content_type, (extension, matches) in _SIGNATURES.items():
        if matches(head):
            return content_type, extension
    raise InvalidInput("The photo must be a PNG, JPEG or WebP image.", field="photo")


def photo_response(insight) -> FileResponse:
    """The photo of an insight the caller has already fetched through `visible_to` (pages and
    API alike). Sent as an attachment with its sniffed type and nosniff (TRUST 6): opened on
    its own it downloads, never renders as a document; an <img> still displays it."""
    if not insight.photo:
        raise NotFound("No photo.")
    extension = insight.photo.name.rsplit(".", 1)[-1] if "." in insight.photo.name else "bin"
    response = FileResponse(insight.photo.open("rb"), content_type=insight.photo_type)
    response["Content-Disposition"] = f'attachment; filename="insight-{insight.pk}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=300"
    return response

"""Markdown renders to HTML that is safe to put in a page as it is (TRUST 11, 12).

The checks parse the output with html.parser, as a browser would tokenise it, instead of
searching for substrings: an escaped `&lt;script&gt;` is harmless text, an `<a href>` whose
value decodes to `javascript:` is not.
"""

import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from groundswell.threads.markdown import ALLOWED_TAGS, render_markdown

FORBIDDEN_TAGS = {
    "script",
    "iframe",
    "svg",
    "object",
    "embed",
    "style",
    "math",
    "frame",
    "frameset",
    "form",
    "input",
    "button",
    "link",
    "meta",
    "base",
    "template",
}
FORBIDDEN_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "background", "poster"}
# Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")

DANGEROUS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)">',
    "<iframe src=https://evil.example></iframe>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
    "<object data=evil.swf></object>",
    "<embed src=evil.swf>",
    "<style>body{display:none}</style>",
    '<a href="javascript:alert(1)">x</a>',
    "<a href=JaVaScRiPt:alert(1)>x</a>",
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p onclick="alert(1)">x</p>',
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](%6Aavascript:alert(1))",
    "[click]( javascript:alert(1) )",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![img](javascript:alert(1))",
    '![img](x "onerror=alert(1)")',
    "<javascript:alert(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    "[ref][1]\n\n[1]: javascript:alert(1)\n",
    "[ref]\n\n[ref]: vbscript:msgbox(1)\n",
    '[x](https://ok.example "title" onmouseover="alert(1)")',
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```\n",
    "\n\n<script>\nalert(1)\n</script>\n\n",
    "<!-- <script>alert(1)</script> -->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "onerror=alert(1)",
    "| a | b |\n|---|---|\n| <script>x</script> | [y](javascript:z) |\n",
]


class Collector(HTMLParser):
    """Every tag and attribute of a document, attribute values decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))


def parse(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    collector.close()
    return collector


def problems(html: str) -> list[str]:
    """Everything in the HTML that could run script or load active content."""
    found = []
    if "<script" in html.lower():
        found.append("raw <script")
    for tag, attrs in parse(html).tags:
        if tag in FORBIDDEN_TAGS:
            found.append(f"forbidden tag <{tag}>")
        if tag not in ALLOWED_TAGS:
            found.append(f"unexpected tag <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                found.append(f"event handler {name}= on <{tag}>")
            if name == "style":
                found.append(f"style= on <{tag}>")
            if name in URL_ATTRIBUTES:
                scheme = IGNORED_IN_SCHEME.sub("", value or "").lower()
                if scheme.startswith(FORBIDDEN_SCHEMES):
                    found.append(f"{name}={value!r} on <{tag}>")
    return found


def test_the_checker_itself_catches_what_it_must():
    assert problems('<a href="java&#9;script:alert(1)">x</a>') == [
        "href='java\\tscript:alert(1)' on <a>"
    ]
    assert problems("<img src=x onerror=alert(1)>") == ["event handler onerror= on <img>"]
    assert "forbidden tag <svg>" in problems("<svg></svg>")
    assert problems("&lt;script&gt;") == []


@pytest.mark.parametrize("fragment", DANGEROUS)
def test_each_dangerous_fragment_renders_inert(fragment):
    assert problems(render_markdown(fragment)) == []


fragments = st.one_of(
    st.text(max_size=40),
    st.sampled_from(DANGEROUS),
    st.sampled_from(
        [
            "\n",
            "\n\n",
            "*",
            "**",
            "`",
            "[",
            "](",
            ")",
            "<",
            ">",
            '"',
            "'",
            "&",
            "&#",
            ";",
            "- ",
            "> ",
            "# ",
            "|",
            "!",
            ":",
            "\t",
            "\x00",
        ]
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(fragments, max_size=12).map("".join))
@example("[a](javascript:alert(1))<img src=x onerror=alert(1)>")
@example("<<script>script>alert(1)<</script>/script>")
@example("[x](<javascript:alert(1)>)")
def test_arbitrary_text_mixed_with_dangerous_fragments_renders_inert(source):
    assert problems(render_markdown(source)) == []


# --- ordinary Markdown still works --------------------------------------------------------


def test_emphasis_and_paragraphs():
    assert render_markdown("**bold** and *italic*") == (
        "<p><strong>bold</strong> and <em>italic</em></p>\n"
    )


def test_lists():
    html = render_markdown("- one\n- two\n\n3. three\n4. four\n")
    tags = [tag for tag, _ in parse(html).tags]
    assert tags == ["ul", "li", "li", "ol", "li", "li"]
    assert ("start", "3") in parse(html).tags[3][1]


def test_code_is_shown_as_text():
    html = render_markdown("Use `<b>` here\n\n```\nif a < b:\n    pass\n```\n")
    assert "<code>&lt;b&gt;</code>" in html
    assert "<pre><code>if a &lt; b:\n    pass\n</code></pre>" in html


def test_https_links_get_rel_noopener():
    ((tag, attrs),) = parse(render_markdown("[IATA](https://www.iata.org/dgr)")).tags[1:]
    assert tag == "a"
    attributes = dict(attrs)
    assert attributes["href"] == "https://www.iata.org/dgr"
    assert set(attributes["rel"].split()) == {"noopener", "noreferrer", "nofollow"}


def test_mailto_links_survive():
    ((tag, attrs),) = parse(render_markdown("[mail](mailto:ld@example.com)")).tags[1:]
    assert (tag, dict(attrs)["href"]) == ("a", "mailto:ld@example.com")


def test_images_only_from_our_own_site():
    html = render_markdown("![chart](/media/c.png) ![remote](https://tracker.example/p.gif)")
    images = [dict(attrs) for tag, attrs in parse(html).tags if tag == "img"]
    assert images[0] == {"src": "/media/c.png", "alt": "chart"}
    # A remote image would tell another server who reads what; it keeps only its text.
    assert images[1] == {"alt": "remote"}


def test_tables_headings_quotes_and_strikethrough():
    html = render_markdown("# Title\n\n> quoted\n\n~~old~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    tags = [tag for tag, _ in parse(html).tags]
    assert tags == [
        "h1",
        "blockquote",
        "p",
        "p",
        "s",
        "table",
        "thead",
        "tr",
        "th",
        "th",
        "tbody",
        "tr",
        "td",
        "td",
    ]


def test_dangerous_urls_lose_their_link_but_keep_their_text():
    assert render_markdown("[x](javascript:alert(1))") == "<p>[x](javascript:alert(1))</p>\n"
    assert render_markdown("![img](data:image/png;base64,AAA)") == '<p><img alt="img"></p>\n'


def test_raw_html_is_shown_as_text_not_markup():
    assert render_markdown("<b>hi</b>") == "<p>&lt;b&gt;hi&lt;/b&gt;</p>\n"


def test_empty_input():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""

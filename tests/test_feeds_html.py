"""Entry HTML to paragraphs and numbered links (libxml2's HTML parser; BeautifulSoup's
html.parser for what libxml2 cuts short)."""

from __future__ import annotations

import time

import pytest
from bs4 import BeautifulSoup

from reader.feeds.html_links import safe_link
from reader.feeds.html_target import is_ad
from reader.feeds.html_text import html_paragraphs, plain_paragraphs


def test_blocks_become_paragraphs_and_inline_text_stays_together() -> None:
    html = (
        "<h2>العنوان الفرعي</h2><p>نص <b>عريض</b> و<i>مائل</i>\n   في   سطر</p>"
        "<div>قسم<div>داخلي</div>بعده</div><blockquote>اقتباس</blockquote>"
        "<table><tr><td>خلية</td><td>أخرى</td></tr></table>نص حر"
    )
    paragraphs, links = html_paragraphs(html)
    assert paragraphs == [
        "العنوان الفرعي",
        "نص عريض ومائل في سطر",
        "قسم",
        "داخلي",
        "بعده",
        "اقتباس",
        "خلية",
        "أخرى",
        "نص حر",
    ]
    assert links == []


def test_scripts_styles_frames_forms_and_nav_are_removed() -> None:
    html = (
        "<p>قبل</p><script>var x = '<p>لا</p>';</script><style>p{}</style>"
        "<iframe src='http://x/'>إطار</iframe><noscript>بدون</noscript><form><input>نموذج</form>"
        "<nav><a href='/'>الرئيسية</a></nav><!-- تعليق --><p>بعد</p>"
    )
    assert html_paragraphs(html) == (["قبل", "بعد"], [])


@pytest.mark.parametrize(
    "attrs",
    [
        'class="ad"',
        'class="ad-slot"',
        'class="story ads"',
        'id="advert-top"',
        'class="adsbygoogle"',
        'class="sponsored-content"',
        'id="sponsorBox"',
        'class="promo_banner"',
        'class="AdContainer"',
    ],
)
def test_ads_are_removed(attrs: str) -> None:
    assert html_paragraphs(f"<p>خبر</p><div {attrs}><p>إعلان</p></div>") == (["خبر"], [])


@pytest.mark.parametrize(
    "attrs", ['class="header"', 'class="lead"', 'id="shadow"', 'class="readmore"', 'class="adjust"']
)
def test_words_containing_ad_are_not_ads(attrs: str) -> None:
    tag = BeautifulSoup(f"<div {attrs}>x</div>", "html.parser").div
    assert tag is not None and not is_ad(tag)


def test_links_are_numbered_in_order_and_repeats_keep_their_number() -> None:
    html = (
        '<p>زار <a href="/a">الأول</a> ثم <a href="https://b.example/">الثاني</a>'
        ' ثم <a href="/a">الأول مجددا</a> و<a href="javascript:alert(1)">خبيث</a>'
        ' و<a href="mailto:news@example.com">بريد</a> و<a>بلا عنوان</a></p>'
    )
    paragraphs, links = html_paragraphs(html, "http://site.example/news/1")
    assert paragraphs == [
        "زار الأول [1] ثم الثاني [2] ثم الأول مجددا [1] وخبيث وبريد [3] وبلا عنوان"
    ]
    assert links == ["http://site.example/a", "https://b.example/", "mailto:news@example.com"]


def test_safe_link_refuses_other_schemes() -> None:
    assert safe_link("file:///etc/passwd") is None
    assert safe_link("data:text/html,x") is None
    assert safe_link("/x", "https://s/") == "https://s/x"
    assert safe_link("http://[bad") is None


def test_text_inside_is_sanitised() -> None:
    paragraphs, _ = html_paragraphs("<p>\x1b[31mأحمر\u202e &amp; &lt;b&gt;\x07</p>")
    assert paragraphs == ["أحمر & <b>"]


def test_plain_text_lines_are_paragraphs() -> None:
    assert plain_paragraphs("سطر أول\r\n\r\n  سطر ثان \u2028ثالث") == ["سطر أول", "سطر ثان", "ثالث"]


def test_deeply_nested_html_does_not_recurse() -> None:
    started = time.perf_counter()
    assert html_paragraphs("<div>" * 50_000 + "عميق" + "</div>" * 50_000) == (["عميق"], [])
    assert time.perf_counter() - started < 10


def test_a_control_character_gives_the_text_it_would_give_without_it() -> None:
    """libxml2 hands text with a control character over as it is (the sanitiser drops the
    character later): the entry gives the text it would give without it."""
    markup = (
        "<p>أول{c} <a href='/x'>رابط</a> بعده</p><div class='ad-slot'><a href='/ad'>إعلان</a>"
        "</div><ul><li>بند{c}</li><li><a href='/y'>ثان</a><a href='/x'>مكرر</a></li></ul>"
    )
    plain = html_paragraphs(markup.format(c=""), "https://site.example/a/b")
    assert plain == (
        ["أول رابط [1] بعده", "بند", "ثان [2]مكرر [1]"],
        ["https://site.example/x", "https://site.example/y"],
    )
    assert html_paragraphs(markup.format(c="\x01"), "https://site.example/a/b") == plain
    assert html_paragraphs(markup.format(c="\x0c"), "https://site.example/a/b") == (
        ["أول رابط [1] بعده", "بند", "ثان [2]مكرر [1]"],  # form feed: HTML white space
        plain[1],
    )


def test_text_after_the_end_of_the_document_is_left_out() -> None:
    """What a fragment puts after its own </html> lies outside the document libxml2 builds
    (and no link there is numbered), as it always was."""
    assert html_paragraphs("<p>قبل</p></html>بعد <a href='/x'>رابط</a>", "https://s.example/") == (
        ["قبل"],
        [],
    )

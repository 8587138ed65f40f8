"""The demo's texts: enough of them, every slot fillable, every answer aimed at a real
question, and the fast pre-rendered HTML identical to what the Markdown renderer makes."""

import random
import re

import pytest

from groundswell.demo.corpus import (
    DOMAINS,
    REPLY_TEMPLATES,
    THREAD_TEMPLATES,
    TOPICS,
    Corpus,
)
from groundswell.demo.corpus.slots import SLOTS
from groundswell.demo.corpus.templates import Compiled, D, Q
from groundswell.demo.orgchart import ROLES
from groundswell.threads.markdown import render_markdown

CONTEXT = {"site": "Leeds depot", "region": "North", "asker": "Dana", "answerer": "Wanda"}
# Slots the generator fills from the author's or the thread's context, not from SLOTS.
CONTEXT_SLOTS = set(CONTEXT)


def test_there_are_enough_hand_written_templates():
    assert len(THREAD_TEMPLATES) >= 40
    assert len(REPLY_TEMPLATES) >= 60
    assert {t.kind for t in THREAD_TEMPLATES} == {Q, D}


def test_every_slot_has_values_and_no_lorem_ipsum():
    texts = [t.title for t in THREAD_TEMPLATES] + [t.body for t in THREAD_TEMPLATES]
    texts += [t.body for t in REPLY_TEMPLATES]
    for text in texts:
        assert "lorem" not in text.lower()
        for name in Compiled(text, markdown=False).slots:
            assert name in SLOTS or name in CONTEXT_SLOTS, f"{name!r} in {text[:40]!r}"


def test_thread_keys_are_unique_and_every_answer_targets_a_real_question():
    keys = [t.key for t in THREAD_TEMPLATES]
    assert all(keys) and len(keys) == len(set(keys))
    for reply in REPLY_TEMPLATES:
        assert set(reply.fits) <= set(keys), reply.body[:40]
        targets = [t for t in THREAD_TEMPLATES if t.key in reply.fits]
        assert all(t.domain == reply.domain for t in targets), reply.body[:40]


def test_every_question_has_at_least_one_answer_written_for_it():
    answered = {key for reply in REPLY_TEMPLATES for key in reply.fits}
    unanswered = [t.key for t in THREAD_TEMPLATES if t.kind == Q and t.key not in answered]
    assert unanswered == []


def test_topics_come_from_the_vocabulary_and_roles_have_known_skills():
    assert {topic for t in THREAD_TEMPLATES for topic in t.topics} <= set(TOPICS)
    assert {skill for _, _, skills in ROLES.values() for skill in skills} <= set(TOPICS)
    assert all(re.fullmatch(r"[a-z0-9-]+", name) for name in TOPICS)


def test_slot_values_are_plain_words():
    for name, values in SLOTS.items():
        for value in values:
            assert not re.search(r"[*_`\[\]<>&#\\]", value), f"{name}: {value!r}"


@pytest.mark.parametrize("seed", range(5))
def test_pre_rendered_html_equals_rendering_the_filled_markdown(seed):
    rng, corpus = random.Random(seed), Corpus()
    for _ in range(300):
        domain = rng.choice(DOMAINS)
        thread = corpus.thread(rng, domain, CONTEXT, rng.randint(1, 5), rng.choice(list(ROLES)))
        assert thread.html == render_markdown(thread.body)
        assert 0 < len(thread.title) <= 200
        used: set[int] = set()
        for _ in range(4):
            reply = corpus.reply(rng, thread, {**thread.values, **CONTEXT}, used, "driver")
            assert reply.html == render_markdown(reply.body)
        thanks = corpus.thanks_reply(rng, {**thread.values, **CONTEXT})
        assert thanks.html == render_markdown(thanks.body)


def test_replies_do_not_repeat_within_a_thread_and_respect_voices():
    rng, corpus = random.Random(1), Corpus()
    thread = corpus.thread(rng, "drivers", CONTEXT, 1, "driver")
    used: set[int] = set()
    bodies = [corpus.reply(rng, thread, {**thread.values, **CONTEXT}, used, "driver").body
              for _ in range(8)]  # fmt: skip
    assert len(set(bodies)) == len(bodies)
    assert not any(body.startswith("Warehouse lead here") for body in bodies)


def test_first_hand_questions_go_to_the_roles_that_would_ask_them():
    rng, corpus = random.Random(2), Corpus()
    for _ in range(200):
        thread = corpus.thread(rng, "customer", CONTEXT, 1, "driver")
        assert thread.key == "customer-ask"  # the only customer question a driver would ask
        thread = corpus.thread(rng, "customer", CONTEXT, 1, "cs-agent")
        assert thread.key != "customer-ask"

"""Scoring, pairing and knowledge gain against hand-computed values (domain.scoring, domain.anon_code)."""

from __future__ import annotations

import datetime as dt

import pytest

from ccema_desktop.domain import scoring
from ccema_desktop.domain.anon_code import code_distance, make_code, parse_code
from ccema_desktop.domain.scoring import (
    Attempt,
    gain_figures,
    order_pair,
    pair_anonymous,
    pair_named,
    pair_tests,
)
from ccema_desktop.errors import ValidationError

DAY1, DAY2 = dt.date(2026, 3, 2), dt.date(2026, 3, 3)


def named(person: str, variant: str, points: int, day: dt.date = DAY1, phase: str | None = None) -> Attempt:
    return Attempt(f"{person}-{variant}-{day}", person, False, variant, points, day, phase)


def anon(code: str, variant: str, points: int, day: dt.date = DAY1) -> Attempt:
    return Attempt(f"{code}-{variant}", code, True, variant, points, day)


def test_score_counts_correct_answers_only() -> None:
    key = {"q1": "a", "q2": "b", "q3": "c"}
    assert scoring.score({"q1": "a", "q2": "c", "q3": "c", "other": "a"}, key) == 2
    assert scoring.score({}, key) == 0  # unanswered scores 0


def test_normalised_gain_and_bands() -> None:
    assert scoring.normalised_gain(2, 4, 5) == pytest.approx(2 / 3)
    assert scoring.normalised_gain(5, 5, 5) is None  # perfect pre-test: undefined
    assert scoring.individual_gain(4, 3, 5) == pytest.approx(-1.0)
    assert [scoring.gain_band(g) for g in (None, 0.29, 0.3, 0.7, 0.71)] == [
        None,
        "low",
        "medium",
        "medium",
        "high",
    ]


def test_pass_mark_is_sixty_percent() -> None:
    assert scoring.PASS_MARK == 0.6
    assert scoring.passes(3, 5) and not scoring.passes(2, 5)
    assert scoring.passes(0.6, 1) and not scoring.passes(0.59, 1)


def test_class_figures_hand_computed_with_a_perfect_pre_test_and_unpaired_people() -> None:
    # (pre, post) of six participants who took both versions:
    # p1 1->3, p2 2->4, p3 5->5 (perfect pre-test), p4 3->2, p5 0->5, p6 4->5
    tests = []
    for person, pre, post in (
        ("p1", 1, 3),
        ("p2", 2, 4),
        ("p3", 5, 5),
        ("p4", 3, 2),
        ("p5", 0, 5),
        ("p6", 4, 5),
    ):
        tests += [named(person, "A", pre, DAY1), named(person, "B", post, DAY2)]
    # p7 only took the pre-test, p8 only the post-test: no pair, in no gain figure.
    tests += [named("p7", "A", 0, DAY1), named("p8", "B", 5, DAY2)]
    pairs = pair_tests(tests)
    assert sorted(p.pre.respondent for p in pairs) == ["p1", "p2", "p3", "p4", "p5", "p6"]
    fig = gain_figures(pairs, 5)
    assert fig.pairs == 6
    assert fig.pre_mean == pytest.approx(15 / 6)  # 2.5
    assert fig.post_mean == pytest.approx(24 / 6)  # 4.0
    assert fig.raw_gain == pytest.approx(1.5)
    assert fig.class_gain == pytest.approx(0.6)  # (4 - 2.5) / (5 - 2.5)
    assert fig.band == "medium"
    # individual g: 2/4, 2/3, (p3 undefined), -1/2, 5/5, 1/1 -> mean of five = (0.5 + 0.6667 - 0.5 + 1 + 1) / 5
    assert fig.perfect_pre == 1 and fig.individual_gains == 5
    assert fig.mean_individual_gain == pytest.approx((0.5 + 2 / 3 - 0.5 + 1 + 1) / 5)
    assert fig.share_improved == pytest.approx(4 / 6)  # p1, p2, p5, p6
    assert fig.share_passing == pytest.approx(5 / 6)  # post >= 3 of 5: all but p4
    assert not fig.suppressed


def test_everyone_perfect_before_leaves_class_gain_undefined() -> None:
    pairs = pair_named([t for p in "abcde" for t in (named(p, "A", 5), named(p, "B", 4, DAY2))])
    fig = gain_figures(pairs, 5)
    assert fig.class_gain is None and fig.band is None
    assert fig.mean_individual_gain is None and fig.perfect_pre == 5
    assert fig.share_improved == 0 and fig.share_passing == 1


def test_no_pairs_no_figures() -> None:
    fig = gain_figures(pair_tests([named("p1", "A", 3), anon("MA-07-K-3", "B", 4)]), 5)
    assert fig == scoring.GainFigures(pairs=0)


def test_pre_and_post_by_phase_then_date_then_version() -> None:
    a_day2, b_day1 = named("p", "A", 1, DAY2), named("p", "B", 2, DAY1)
    assert order_pair(a_day2, b_day1).pre is b_day1  # half the group took B first: the earlier is pre
    same_day = order_pair(named("p", "B", 2), named("p", "A", 1))
    assert same_day.pre.variant == "A"  # same day, no phase: A is pre
    explicit = order_pair(named("p", "A", 1, DAY1, "post"), named("p", "B", 2, DAY1, "pre"))
    assert explicit.pre.variant == "B"  # the recorded phase wins
    one_phase = order_pair(named("p", "A", 1, DAY1), named("p", "B", 2, DAY1, "pre"))
    assert one_phase.pre.variant == "B"


def test_named_retake_counts_the_first_test() -> None:
    pairs = pair_named([named("p", "A", 1, DAY1), named("p", "A", 4, DAY2), named("p", "B", 3, DAY2)])
    assert len(pairs) == 1 and pairs[0].pre.points == 1 and pairs[0].post.points == 3


def test_anonymous_pairing_tolerates_one_differing_element_when_unambiguous() -> None:
    tests = [
        anon("MA-07-K-3", "A", 1),
        anon("MA-07-K-3", "B", 4),  # exact
        anon("OL-02-A-1", "A", 2),
        anon("OL-02-A-7", "B", 3),  # one element differs, only candidate: paired
        anon("SV-11-M-5", "A", 2),
        anon("SV-11-N-6", "B", 5),  # two elements differ: not paired
        anon("TA-05-B-2", "A", 0),
        anon("TA-05-B-8", "B", 1),  # ambiguous: two post codes are one element away
        anon("TA-05-C-2", "B", 2),
    ]
    pairs = pair_anonymous(tests)
    assert sorted((p.pre.respondent, p.post.respondent) for p in pairs) == [
        ("MA-07-K-3", "MA-07-K-3"),
        ("OL-02-A-1", "OL-02-A-7"),
    ]
    assert pair_anonymous(tests, tolerance=0) == [pairs[0]]


def test_a_code_used_twice_for_one_version_is_never_paired() -> None:
    tests = [anon("MA-07-K-3", "A", 1), anon("MA-07-K-3", "A", 2), anon("MA-07-K-3", "B", 4)]
    assert pair_anonymous(tests) == []
    # ... and it blocks near matches that might be its own.
    tests += [anon("MA-07-K-4", "A", 3)]
    assert pair_anonymous(tests) == []


def test_small_anonymous_groups_are_suppressed_named_ones_are_not() -> None:
    anonymous = pair_anonymous(
        [
            t
            for c in ("AA", "BB", "CC", "DD")
            for t in (anon(f"{c}-01-K-1", "A", 1), anon(f"{c}-01-K-1", "B", 3))
        ]
    )
    fig = gain_figures(anonymous, 5)
    assert fig.pairs == 4 and fig.suppressed
    assert fig.pre_mean is None and fig.class_gain is None and fig.share_passing is None
    five = pair_anonymous(
        [
            t
            for c in ("AA", "BB", "CC", "DD", "EE")
            for t in (anon(f"{c}-01-K-1", "A", 1), anon(f"{c}-01-K-1", "B", 3))
        ]
    )
    assert gain_figures(five, 5).class_gain == pytest.approx(0.5)  # (3 - 1) / (5 - 1)
    small_named = pair_named([t for p in "abc" for t in (named(p, "A", 1), named(p, "B", 3, DAY2))])
    assert not gain_figures(small_named, 5).suppressed


def test_scale_figures_hand_computed() -> None:
    fig = scoring.scale_figures([5, 4, 4, 2, 1])
    assert fig.distribution == {"1": 1, "2": 1, "3": 0, "4": 2, "5": 1}
    assert fig.mean == pytest.approx(3.2)
    assert fig.share_agreeing == pytest.approx(0.6)
    assert scoring.scale_figures([3, 5], agreement=False).share_agreeing is None
    assert scoring.scale_figures([]).mean is None


def test_codes_are_normalised_in_both_scripts() -> None:
    assert make_code(" ma ", "7", "k", "3") == "MA-07-K-3"
    assert make_code("Élodie", "12", "évry", "0") == "EL-12-E-0"
    assert make_code("ёлка", "01", "й", "9") == "ЕЛ-01-И-9"  # Cyrillic kept, diacritics folded
    assert parse_code(" ma 7 k 3 ") == "MA-07-K-3"
    assert parse_code("ma-07-k") is None and parse_code("MA-13-K-3") is None
    for bad in (("", "7", "k", "3"), ("ma", "0", "k", "3"), ("ma", "7", "1", "3"), ("ma", "7", "k", "33")):
        with pytest.raises(ValidationError):
            make_code(*bad)


def test_code_distance_counts_differing_elements() -> None:
    assert code_distance("MA-07-K-3", "MA-07-K-3") == 0
    assert code_distance("MA-07-K-3", "MO-07-K-3") == 1
    assert code_distance("MA-07-K-3", "MO-08-K-3") == 2
    assert code_distance("MA-07-K-3", "garbage") == 4

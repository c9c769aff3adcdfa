"""Scoring and knowledge gain: pure rules, no database.

Definitions (also in the README, section "Evaluations"):

- **Score** of a knowledge test: one point per correct answer (an unanswered question scores 0); the
  maximum is the number of scored questions (5 for every shipped test).
- **Pre and post.** A participant's two tests of a module are one version A and one version B (parallel
  forms; half the group may take B first). Which one is the pre-test is decided, in this order, by the
  phase recorded with the response ("pre" or "post", when the kiosk or the paper import knew it); else by
  the submission date (the earlier one is pre); else, on the same day, version A is pre.
- **Pairs.** Named tests pair by participant id (a retake of the same version is ignored: the first one
  counts). Anonymous tests pair by self-generated code: exact codes first, then codes differing in one
  element (`code_distance` <= 1) when each is the other's only candidate; a code used twice for the same
  version is ambiguous and never paired. Unpaired tests (drop-outs, mistyped codes) count in `pre_count` /
  `post_count` but in no gain figure, and `pairs` says how many were matched.
- **Gain figures** are over matched pairs: mean pre and post score, raw gain (post - pre), class normalised
  gain <g> = (mean post - mean pre) / (max - mean pre) (undefined when the mean pre-test is perfect), its band
  (< 0.3 low, 0.3-0.7 medium, > 0.7 high), the share who improved (post > pre), the share passing (post
  score at least `PASS_MARK` of the maximum) and the mean individual gain g = (post - pre) / (max - pre),
  which is undefined for a perfect pre-test: those participants are left out of it (`perfect_pre` counts
  them) but stay in every other figure.
- **Small groups.** Figures drawn from anonymous answers are never shown for fewer than `MIN_GROUP`
  respondents (`suppressed`), so nobody's answers can be read off a small group.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ccema_desktop.domain.anon_code import code_distance

#: Share of the maximum score a post-test must reach to pass (60 %).
PASS_MARK = 0.6
#: Anonymous results are shown only for groups of at least this many respondents.
MIN_GROUP = 5
#: Likert answers counted as agreeing (agree, strongly agree).
AGREEING = (4, 5)
SCALE = (1, 2, 3, 4, 5)
_SCALE_KEYS = tuple(str(p) for p in SCALE)
LOW_BAND = 0.3
HIGH_BAND = 0.7


def score(answers: Mapping[str, object], key: Mapping[str, str]) -> int:
    """Correct answers: one point per question whose answer is the key's option."""
    return sum(1 for qid, correct in key.items() if answers.get(qid) == correct)


def passes(points: float, max_score: int) -> bool:
    return max_score > 0 and round(points / max_score, 9) >= PASS_MARK


def normalised_gain(pre_mean: float, post_mean: float, max_score: float) -> float | None:
    """<g> = (post - pre) / (max - pre); None when the pre-test mean is already the maximum."""
    if max_score - pre_mean <= 0:
        return None
    return (post_mean - pre_mean) / (max_score - pre_mean)


def individual_gain(pre: float, post: float, max_score: float) -> float | None:
    """A participant's g; undefined (None) for a perfect pre-test."""
    return normalised_gain(pre, post, max_score)


def gain_band(g: float | None) -> str | None:
    """ "low" (< 0.3), "medium" (0.3-0.7) or "high" (> 0.7)."""
    if g is None:
        return None
    if g < LOW_BAND:
        return "low"
    return "high" if g > HIGH_BAND else "medium"


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class ScaleFigures:
    """Answers to one 1-5 question: counts per point ("1".."5"), mean, and share agreeing (likert only)."""

    answered: int
    distribution: dict[str, int]
    mean: float | None
    share_agreeing: float | None


def scale_counts(counts: Mapping[int, int], agreement: bool = True) -> ScaleFigures:
    """Figures of a 1-5 question from the number of answers per point."""
    distribution: dict[str, int] = {}
    n = total = agreeing = 0
    for point, key in zip(SCALE, _SCALE_KEYS, strict=True):
        count = counts.get(point, 0)
        distribution[key] = count
        n += count
        total += point * count
        if point in AGREEING:
            agreeing += count
    return ScaleFigures(
        n, distribution, total / n if n else None, (agreeing / n if n else None) if agreement else None
    )


def scale_figures(values: Sequence[int], agreement: bool = True) -> ScaleFigures:
    counts: dict[int, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return scale_counts(counts, agreement)


# --- pairing ----------------------------------------------------------------------------------------------
class Attempt(NamedTuple):
    """One knowledge test taken: who (participant id or anonymous code), which version, its score.

    A named tuple (immutable like a frozen dataclass): a summary makes one per test taken, thousands at
    headquarters, and a frozen dataclass costs several times more to build."""

    response_id: str
    respondent: str
    anonymous: bool
    variant: str
    points: int
    submitted: dt.date
    phase: str | None = None


@dataclass(frozen=True)
class Pair:
    pre: Attempt
    post: Attempt

    @property
    def anonymous(self) -> bool:
        return self.pre.anonymous or self.post.anonymous


def order_pair(x: Attempt, y: Attempt) -> Pair:
    """Pre and post of two tests: recorded phase, else the earlier date, else version A first."""
    if x.phase != y.phase and {x.phase, y.phase} - {None} <= {"pre", "post"}:
        if x.phase == "pre" or y.phase == "post":
            return Pair(x, y)
        return Pair(y, x)
    if x.submitted != y.submitted:
        return Pair(x, y) if x.submitted < y.submitted else Pair(y, x)
    return Pair(x, y) if x.variant <= y.variant else Pair(y, x)


def _first(tests: Sequence[Attempt]) -> Attempt:
    return tests[0] if len(tests) == 1 else min(tests, key=lambda t: (t.submitted, t.response_id))


def pair_named(tests: Iterable[Attempt]) -> list[Pair]:
    """Pairs of one participant's version A and version B (the first of each when retaken)."""
    by_person: dict[str, dict[str, list[Attempt]]] = defaultdict(lambda: defaultdict(list))
    for t in tests:
        if not t.anonymous:
            by_person[t.respondent][t.variant].append(t)
    pairs = []
    for person in sorted(by_person):
        versions = by_person[person]
        if "A" in versions and "B" in versions:
            pairs.append(order_pair(_first(versions["A"]), _first(versions["B"])))
    return pairs


def pair_anonymous(tests: Iterable[Attempt], tolerance: int = 1) -> list[Pair]:
    """Pairs of version A and version B tests by anonymous code.

    Exact codes first; then codes within `tolerance` differing elements, only when the two are each other's
    only remaining candidate (an unambiguous best match). A code that appears twice for one version (two
    people who happen to share it, or one person twice) is ambiguous and left out.
    """
    sides: dict[str, dict[str, list[Attempt]]] = {"A": defaultdict(list), "B": defaultdict(list)}
    for t in tests:
        if t.anonymous and t.variant in sides:
            sides[t.variant][t.respondent].append(t)
    a_side = {code: ts[0] for code, ts in sides["A"].items() if len(ts) == 1}
    b_side = {code: ts[0] for code, ts in sides["B"].items() if len(ts) == 1}
    pairs: list[Pair] = []
    for code in sorted(set(a_side) & set(b_side)):
        pairs.append(order_pair(a_side[code], b_side[code]))
    paired = {p.pre.respondent for p in pairs}
    # Ambiguous codes stay in the candidate sets: a near match that might be theirs is not unambiguous.
    a_open = sorted(set(sides["A"]) - paired)
    b_open = sorted(set(sides["B"]) - paired)
    if tolerance > 0 and a_open and b_open:
        near_a = {a: [b for b in b_open if code_distance(a, b) <= tolerance] for a in a_open}
        near_b: dict[str, list[str]] = defaultdict(list)
        for a, candidates in near_a.items():
            for b in candidates:
                near_b[b].append(a)
        for a in a_open:
            candidates = near_a[a]
            if len(candidates) == 1 and near_b[candidates[0]] == [a]:
                b = candidates[0]
                if a in a_side and b in b_side:
                    pairs.append(order_pair(a_side[a], b_side[b]))
    return pairs


def pair_tests(tests: Sequence[Attempt], tolerance: int = 1) -> list[Pair]:
    return [*pair_named(tests), *pair_anonymous(tests, tolerance)]


# --- module figures ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GainFigures:
    pairs: int
    pre_mean: float | None = None
    post_mean: float | None = None
    raw_gain: float | None = None
    class_gain: float | None = None
    band: str | None = None
    mean_individual_gain: float | None = None
    individual_gains: int = 0
    perfect_pre: int = 0
    share_improved: float | None = None
    share_passing: float | None = None
    suppressed: bool = False


def suppress(respondents: int, anonymous: bool, min_group: int = MIN_GROUP) -> bool:
    """Whether figures from this group must be hidden: anonymous answers from fewer than `min_group`."""
    return anonymous and 0 < respondents < min_group


def gain_figures(pairs: Sequence[Pair], max_score: int, min_group: int = MIN_GROUP) -> GainFigures:
    """Every gain figure over matched pairs (see the module docstring); suppressed for small anonymous groups."""
    n = len(pairs)
    if n == 0:
        return GainFigures(pairs=0)
    if suppress(n, any(p.anonymous for p in pairs), min_group):
        return GainFigures(pairs=n, suppressed=True)
    pre = [p.pre.points for p in pairs]
    post = [p.post.points for p in pairs]
    pre_mean, post_mean = sum(pre) / n, sum(post) / n
    g = normalised_gain(pre_mean, post_mean, max_score)
    individual = [
        gi for a, b in zip(pre, post, strict=True) if (gi := individual_gain(a, b, max_score)) is not None
    ]
    return GainFigures(
        pairs=n,
        pre_mean=pre_mean,
        post_mean=post_mean,
        raw_gain=post_mean - pre_mean,
        class_gain=g,
        band=gain_band(g),
        mean_individual_gain=mean(individual),
        individual_gains=len(individual),
        perfect_pre=n - len(individual),
        share_improved=sum(1 for a, b in zip(pre, post, strict=True) if b > a) / n,
        share_passing=sum(1 for b in post if passes(b, max_score)) / n,
    )

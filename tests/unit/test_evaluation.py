"""好差评 rules: grades, 差评, indicator checks, default rule and follow-up steps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.evaluation import (
    GRADES_HIGH_TO_LOW,
    DefaultRule,
    EvaluationRefused,
    Grade,
    Indicator,
    ReviewStatus,
    after_appeal,
    check_bad_review_days,
    check_rating,
    check_step,
    is_bad,
)


def test_five_grades_high_to_low_and_only_last_two_are_bad() -> None:
    assert [int(g) for g in GRADES_HIGH_TO_LOW] == [5, 4, 3, 2, 1]
    assert [is_bad(g) for g in GRADES_HIGH_TO_LOW] == [False, False, False, True, True]


def test_rating_checks_level_and_indicators() -> None:
    grade, codes = check_rating(1, [Indicator.SLOW, Indicator.SLOW, Indicator.ATTITUDE])
    assert grade is Grade.VERY_DISSATISFIED and codes == ("501", "503")
    with pytest.raises(EvaluationRefused) as exc:
        check_rating(6, [])
    assert exc.value.code == "level"
    with pytest.raises(EvaluationRefused) as exc:
        check_rating(2, ["999"])
    assert exc.value.code == "indicator"
    with pytest.raises(EvaluationRefused) as exc:
        check_rating(4, [Indicator.SLOW])
    assert exc.value.code == "indicator_not_bad"


def test_bad_review_days_choices() -> None:
    assert [check_bad_review_days(d) for d in (5, 7, 15)] == [5, 7, 15]
    with pytest.raises(EvaluationRefused):
        check_bad_review_days(6)


def test_default_rule_off_by_default_and_after_n_days_when_on() -> None:
    asked = datetime(2026, 11, 1, 2, tzinfo=UTC)
    assert not DefaultRule().due(asked, asked + timedelta(days=30))
    rule = DefaultRule(enabled=True, days=7)
    assert not rule.due(asked, asked + timedelta(days=7, seconds=-1))
    assert rule.due(asked, asked + timedelta(days=7))


def test_steps_follow_the_status() -> None:
    check_step("assign", ReviewStatus.OPEN)
    check_step("appeal_outcome", ReviewStatus.APPEALING)
    with pytest.raises(EvaluationRefused):
        check_step("rectify", ReviewStatus.CLOSED)
    with pytest.raises(EvaluationRefused):
        check_step("appeal_outcome", ReviewStatus.ASSIGNED)
    assert after_appeal(True)[1] is ReviewStatus.CLOSED
    assert after_appeal(False)[1] is ReviewStatus.ASSIGNED

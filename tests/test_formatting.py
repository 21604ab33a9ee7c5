"""capf's own number, percent and date formatting agrees with Babel (CLDR) for da and en.

Babel was capf's formatter; it is now only a test dependency, the reference these small
patterns are held to: the same text for every value hypothesis tries.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capf.text.formatting import day, number, percent, tonnes

babel_numbers = pytest.importorskip("babel.numbers")
babel_dates = pytest.importorskip("babel.dates")
LOCALES = {"da": "da_DK", "en": "en_GB"}
DATE_FORMAT = {"da": "d. MMMM y", "en": "d MMMM y"}
LANGS = st.sampled_from(["da", "en"])
VALUES = st.one_of(st.integers(-10**12, 10**12),
                   st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False),
                   st.decimals(-10**6, 10**6, places=3).map(float))


@given(VALUES, LANGS, st.integers(0, 3))
def test_numbers_match_babel(value: float, lang: str, digits: int) -> None:
    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "")
    expected = babel_numbers.format_decimal(value, format=pattern, locale=LOCALES[lang])
    assert number(value, lang, digits) == expected


@given(st.floats(-100, 100, allow_nan=False), LANGS)
def test_percents_match_babel(fraction: float, lang: str) -> None:
    assert percent(fraction, lang) == babel_numbers.format_percent(fraction,
                                                                   locale=LOCALES[lang])


@given(st.dates(date(1, 1, 1), date(9999, 12, 31)), LANGS)
def test_dates_match_babel(value: date, lang: str) -> None:
    expected = babel_dates.format_date(value, format=DATE_FORMAT[lang], locale=LOCALES[lang])
    assert day(value, lang) == expected
    assert day(value.isoformat(), lang) == expected


def test_the_examples_the_reports_show() -> None:
    assert tonnes(1234567, "da") == "1.234.567 t CO2e"
    assert tonnes(1234567, "en") == "1,234,567 t CO2e"
    assert number(1234567.5, "da", 1) == "1.234.567,5"
    assert percent(0.75, "da") == "75\u00a0%" and percent(0.75, "en") == "75%"
    assert day("2030-06-01", "da") == "1. juni 2030" and day("2030-06-01", "en") == "1 June 2030"
    assert day("snart", "da") == "snart"

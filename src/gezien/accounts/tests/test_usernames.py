import pytest

from gezien.accounts import usernames


def test_names_are_normalised() -> None:
    assert usernames.normalise("  Ｍｅｒｅｌ ") == "Merel"  # full-width letters (NFKC)
    assert usernames.normalise("Zoë") == "Zoë"
    assert usernames.normalise("Zoe\u0308") == "Zoë"  # combining diaeresis composed


@pytest.mark.parametrize(
    "raw,reason",
    [
        ("ab", "too_short"),
        ("", "too_short"),
        ("x" * 41, "too_long"),
        ("me rel", "characters"),
        ("mer<el>", "characters"),
        ("merel\u202e", "characters"),
        ("mеrel", "mixed_scripts"),
    ],
)
def test_bad_names_are_refused_with_a_reason(raw: str, reason: str) -> None:
    with pytest.raises(usernames.UsernameError, match=reason):
        usernames.normalise(raw)


@pytest.mark.parametrize(
    "original,lookalike",
    [
        ("merel", "MEREL"),
        ("merel", "mere1"),
        ("modem", "rnodern"),
        ("anna", "аппа"),
        ("zoe", "zoë"),
        ("ole", "0le"),
        ("m.b", "m_b"),
    ],
)
def test_lookalikes_share_a_skeleton(original: str, lookalike: str) -> None:
    assert usernames.skeleton(usernames.normalise(original)) == usernames.skeleton(
        usernames.normalise(lookalike)
    )


def test_different_names_keep_different_skeletons() -> None:
    assert usernames.skeleton("merel") != usernames.skeleton("meral")

import pytest

from gezien.vault import codes, crypto

AAD = crypto.record_aad("account-1", "journal-entry", "record-1")


def test_sealed_content_opens_with_the_same_key_and_context() -> None:
    key = crypto.new_key()
    sealed = crypto.seal(key, b"mijn dagboek", AAD)
    assert b"mijn dagboek" not in sealed
    assert sealed[:1] == crypto.VERSION
    assert crypto.open_sealed(key, sealed, AAD) == b"mijn dagboek"


def test_every_seal_uses_a_fresh_nonce() -> None:
    key = crypto.new_key()
    assert crypto.seal(key, b"x", AAD) != crypto.seal(key, b"x", AAD)


@pytest.mark.parametrize(
    "other_aad",
    [
        crypto.record_aad("account-2", "journal-entry", "record-1"),  # another account
        crypto.record_aad("account-1", "journal-entry", "record-2"),  # another row
        crypto.record_aad("account-1", "story", "record-1"),  # another kind of record
    ],
)
def test_a_ciphertext_moved_elsewhere_does_not_open(other_aad: bytes) -> None:
    key = crypto.new_key()
    sealed = crypto.seal(key, b"x", AAD)
    with pytest.raises(crypto.VaultError):
        crypto.open_sealed(key, sealed, other_aad)


def test_a_wrong_key_or_a_changed_byte_does_not_open() -> None:
    key = crypto.new_key()
    sealed = crypto.seal(key, b"geheim", AAD)
    with pytest.raises(crypto.VaultError):
        crypto.open_sealed(crypto.new_key(), sealed, AAD)
    flipped = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(crypto.VaultError):
        crypto.open_sealed(key, flipped, AAD)
    with pytest.raises(crypto.VaultError):
        crypto.open_sealed(key, b"\x02" + sealed[1:], AAD)
    with pytest.raises(crypto.VaultError):
        crypto.open_sealed(key, b"", AAD)


def test_key_derivation_depends_on_secret_salt_and_parameters() -> None:
    params = crypto.KdfParams(time_cost=1, memory_kib=8192)
    salt = crypto.new_salt()
    key = crypto.derive_key("lamp rivier", salt, params)
    assert len(key) == 32
    assert crypto.derive_key("lamp rivier", salt, params) == key
    assert crypto.derive_key("lamp rivieR", salt, params) != key
    assert crypto.derive_key("lamp rivier", crypto.new_salt(), params) != key
    assert (
        crypto.derive_key("lamp rivier", salt, crypto.KdfParams(time_cost=2, memory_kib=8192))
        != key
    )
    assert crypto.KdfParams.from_dict(params.as_dict()) == params


def test_codes_are_long_readable_and_forgiving_when_typed() -> None:
    code = codes.new_code(7)
    assert len(code) == 34 and code.count("-") == 6
    assert set(code.replace("-", "")) <= set(codes.ALPHABET)
    typed = code.lower().replace("-", " ").replace("0", "o")
    assert codes.canonical(typed) == code.replace("-", "")
    assert codes.code_hash(typed) == codes.code_hash(code)

from __future__ import annotations

import uuid

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models


class AccountManager(BaseUserManager["Account"]):
    def get_by_natural_key(self, username: str | None) -> Account:
        return self.get(username=username)


class Account(AbstractBaseUser):
    """A username and a passphrase, nothing more. The data key is stored only wrapped."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    username = models.CharField(max_length=40, unique=True)
    username_key = models.CharField(max_length=80, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    credentials_changed_at = models.DateTimeField(null=True, blank=True)
    # The data key, wrapped by a key derived from the passphrase and from the recovery code.
    passphrase_salt = models.BinaryField()
    passphrase_kdf = models.JSONField()
    key_by_passphrase = models.BinaryField()
    recovery_salt = models.BinaryField()
    recovery_kdf = models.JSONField()
    key_by_recovery = models.BinaryField()

    USERNAME_FIELD = "username"
    objects = AccountManager()

    def __str__(self) -> str:
        return self.username


class SessionRecord(models.Model):
    """One logged-in browser, so the person can see and end their sessions."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="sessions")
    session_key = models.CharField(max_length=40, unique=True)
    browser = models.CharField(max_length=80)
    started_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField()

    class Meta:
        ordering = ["-last_seen_at"]


class Throttle(models.Model):
    """Failed attempts per account name or per client. The key is an HMAC, so the table
    holds no usernames or IP addresses."""

    key = models.CharField(max_length=64, unique=True)
    failures = models.PositiveIntegerField(default=0)
    first_failure_at = models.DateTimeField()
    blocked_until = models.DateTimeField(null=True, blank=True)


class TotpDevice(models.Model):
    """An authenticator app as optional second step. The secret is sealed in the vault."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    account = models.OneToOneField(Account, on_delete=models.CASCADE, related_name="totp")
    sealed_secret = models.BinaryField()
    last_step = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)


class BackupCode(models.Model):
    """Single-use codes for when the authenticator app is lost. Each carries 120 random
    bits, so a SHA-256 hash is enough (ASVS asks for a password hash below 112 bits)."""

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="backup_codes")
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

"""The vault: per-account encryption of everything personal.

Every app that stores personal content uses this package and nothing else for crypto:
`records.SealedRecord` for its models, `person.of(request)` for the person's data key
and their records."""

"""Sync bundles: a workshop travels from a venue laptop to headquarters as one signed, encrypted file.

keys.py      device signing key, headquarters key pair, enrolment of a laptop to a headquarters
envelope.py  canonical JSON, sealing (sign + encrypt) and opening (limits, verify, decrypt, validate)
registry.py  which tables travel and how each is scoped to a workshop (one line per table)
export.py    a complete snapshot of one workshop as a bundle
merge.py     idempotent merge of a bundle into the headquarters database, conflict log
importer.py  files and folders in, per-file results out, quarantine for rejected files
"""

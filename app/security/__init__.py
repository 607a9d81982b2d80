"""Passwords, roles, credentials, PII encryption and masking, audit chain."""

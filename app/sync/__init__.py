"""Sync with the district platform: outbox, client, bundles, protocol."""

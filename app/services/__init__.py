"""Use cases: one session per user action; frozen DTOs out."""

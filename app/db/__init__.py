"""Database: SQLAlchemy models, sessions, repositories and alembic migrations."""

"""Documents: templates as data rendered to PDF bytes. No Qt."""

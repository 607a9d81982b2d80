"""Everything Qt: windows, pages, models, dialogs."""

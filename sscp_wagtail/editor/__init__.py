"""Editor guidance: checks on what editors write, shown in the admin before an approver sees it."""

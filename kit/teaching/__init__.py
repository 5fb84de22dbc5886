"""The workbooks' helpers: self-checks (selfcheck) and a reader's keep/drop verdicts (judgements)."""

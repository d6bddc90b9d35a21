-- Who presides over the meeting, and the date the minutes carry.

-- +goose Up

-- The member the secretary recorded as presiding (the chair by default; a
-- vice-chair or another member present when the chair is absent); NULL
-- when none was recorded and the chair, or a vice-chair, presides.
ALTER TABLE meeting ADD COLUMN presiding INTEGER REFERENCES members (id);

-- The date the secretary confirmed for the minutes and the other
-- documents, "2023-12-15", when the day the meeting sat differs from the
-- plan's; NULL when none was confirmed and the documents carry the day the
-- meeting sat.
ALTER TABLE meeting ADD COLUMN minutes_date TEXT
    CHECK (minutes_date IS NULL OR date(minutes_date) IS minutes_date);

-- +goose Down
ALTER TABLE meeting DROP COLUMN minutes_date;
ALTER TABLE meeting DROP COLUMN presiding;

-- The hash-chained event log, corrections after the meeting closes, and
-- the rule that a closed meeting's record cannot change.

-- +goose Up

-- Each event's hash is hex SHA-256 over the previous event's hash and the
-- event's own seq, at, kind and detail (see store/chain.go). NULL only for
-- events written before this migration, until the program hashes them.
ALTER TABLE events ADD COLUMN hash TEXT;

-- Events stay append-only; the one update allowed fills in the missing hash
-- of an event written before the chain existed.
DROP TRIGGER events_no_update;

-- +goose StatementBegin
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN NOT (OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.seq = OLD.seq
          AND NEW.at = OLD.at AND NEW.kind = OLD.kind AND NEW.detail = OLD.detail)
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
-- +goose StatementEnd

-- Corrections made after the meeting closed: new entries, never edits.
CREATE TABLE corrections (
    seq  INTEGER PRIMARY KEY,
    at   TEXT    NOT NULL,
    text TEXT    NOT NULL CHECK (text <> '')
);

-- +goose StatementBegin
CREATE TRIGGER corrections_only_after_close BEFORE INSERT ON corrections
WHEN (SELECT status FROM meeting) IS NOT 'closed'
BEGIN
    SELECT RAISE(ABORT, 'corrections are for a closed meeting');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections
BEGIN
    SELECT RAISE(ABORT, 'corrections are append-only');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
BEGIN
    SELECT RAISE(ABORT, 'corrections are append-only');
END;
-- +goose StatementEnd

-- Closed means closed: once the meeting's status is 'closed' the database
-- itself refuses any change to the record, whoever asks. Only events and
-- corrections can still be appended. A table added later must get the same
-- three triggers in its own migration.

-- +goose StatementBegin
CREATE TRIGGER meeting_closed_update BEFORE UPDATE ON meeting
WHEN OLD.status = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER meeting_closed_delete BEFORE DELETE ON meeting
WHEN OLD.status = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER members_closed_insert BEFORE INSERT ON members
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER members_closed_update BEFORE UPDATE ON members
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER members_closed_delete BEFORE DELETE ON members
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER nominees_closed_insert BEFORE INSERT ON nominees
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER nominees_closed_update BEFORE UPDATE ON nominees
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER nominees_closed_delete BEFORE DELETE ON nominees
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER candidacies_closed_insert BEFORE INSERT ON candidacies
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER candidacies_closed_update BEFORE UPDATE ON candidacies
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER candidacies_closed_delete BEFORE DELETE ON candidacies
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER marks_closed_insert BEFORE INSERT ON marks
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER marks_closed_update BEFORE UPDATE ON marks
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER marks_closed_delete BEFORE DELETE ON marks
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER checks_closed_insert BEFORE INSERT ON checks
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER checks_closed_update BEFORE UPDATE ON checks
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER checks_closed_delete BEFORE DELETE ON checks
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER rounds_closed_insert BEFORE INSERT ON rounds
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER rounds_closed_update BEFORE UPDATE ON rounds
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER rounds_closed_delete BEFORE DELETE ON rounds
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER round_nominees_closed_insert BEFORE INSERT ON round_nominees
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER round_nominees_closed_update BEFORE UPDATE ON round_nominees
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER round_nominees_closed_delete BEFORE DELETE ON round_nominees
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER participation_closed_insert BEFORE INSERT ON participation
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER participation_closed_update BEFORE UPDATE ON participation
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER participation_closed_delete BEFORE DELETE ON participation
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER ballots_closed_insert BEFORE INSERT ON ballots
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER ballots_closed_update BEFORE UPDATE ON ballots
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER ballots_closed_delete BEFORE DELETE ON ballots
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER ballot_choices_closed_insert BEFORE INSERT ON ballot_choices
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER ballot_choices_closed_update BEFORE UPDATE ON ballot_choices
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER ballot_choices_closed_delete BEFORE DELETE ON ballot_choices
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER results_closed_insert BEFORE INSERT ON results
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER results_closed_update BEFORE UPDATE ON results
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER results_closed_delete BEFORE DELETE ON results
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER members_closed_insert;
DROP TRIGGER members_closed_update;
DROP TRIGGER members_closed_delete;
DROP TRIGGER nominees_closed_insert;
DROP TRIGGER nominees_closed_update;
DROP TRIGGER nominees_closed_delete;
DROP TRIGGER candidacies_closed_insert;
DROP TRIGGER candidacies_closed_update;
DROP TRIGGER candidacies_closed_delete;
DROP TRIGGER marks_closed_insert;
DROP TRIGGER marks_closed_update;
DROP TRIGGER marks_closed_delete;
DROP TRIGGER checks_closed_insert;
DROP TRIGGER checks_closed_update;
DROP TRIGGER checks_closed_delete;
DROP TRIGGER rounds_closed_insert;
DROP TRIGGER rounds_closed_update;
DROP TRIGGER rounds_closed_delete;
DROP TRIGGER round_nominees_closed_insert;
DROP TRIGGER round_nominees_closed_update;
DROP TRIGGER round_nominees_closed_delete;
DROP TRIGGER participation_closed_insert;
DROP TRIGGER participation_closed_update;
DROP TRIGGER participation_closed_delete;
DROP TRIGGER ballots_closed_insert;
DROP TRIGGER ballots_closed_update;
DROP TRIGGER ballots_closed_delete;
DROP TRIGGER ballot_choices_closed_insert;
DROP TRIGGER ballot_choices_closed_update;
DROP TRIGGER ballot_choices_closed_delete;
DROP TRIGGER results_closed_insert;
DROP TRIGGER results_closed_update;
DROP TRIGGER results_closed_delete;
DROP TRIGGER meeting_closed_update;
DROP TRIGGER meeting_closed_delete;
DROP TABLE corrections;
DROP TRIGGER events_no_update;
ALTER TABLE events DROP COLUMN hash;

-- +goose StatementBegin
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
-- +goose StatementEnd

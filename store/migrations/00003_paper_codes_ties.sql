-- Paper rounds, members' voting codes, and ties at an award's quota line.

-- +goose Up

-- A re-vote round names the round whose tie at the quota line it settles.
ALTER TABLE rounds ADD COLUMN parent INTEGER REFERENCES rounds (id);

-- A round is paper or electronic for good.
-- +goose StatementBegin
CREATE TRIGGER rounds_mode_fixed BEFORE UPDATE OF mode ON rounds
WHEN NEW.mode IS NOT OLD.mode
BEGIN
    SELECT RAISE(ABORT, 'a round stays paper or electronic');
END;
-- +goose StatementEnd

-- Electronic ballots only in electronic rounds.
-- +goose StatementBegin
CREATE TRIGGER participation_electronic_only BEFORE INSERT ON participation
WHEN (SELECT mode FROM rounds WHERE id = NEW.round_id) IS NOT 'electronic'
BEGIN
    SELECT RAISE(ABORT, 'a paper round takes no electronic ballot');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER ballots_electronic_only BEFORE INSERT ON ballots
WHEN (SELECT mode FROM rounds WHERE id = NEW.round_id) IS NOT 'electronic'
BEGIN
    SELECT RAISE(ABORT, 'a paper round takes no electronic ballot');
END;
-- +goose StatementEnd

-- The counting committee's agree count per nominee of a paper round, as the
-- secretary entered it when closing the round. The ballot figures (issued,
-- returned, valid, invalid) are the round's own columns. Written once, while
-- the round is still open, in the transaction that closes it.
CREATE TABLE paper_counts (
    round_id   INTEGER NOT NULL,
    nominee_id INTEGER NOT NULL,
    agree      INTEGER NOT NULL CHECK (agree >= 0),
    PRIMARY KEY (round_id, nominee_id),
    FOREIGN KEY (round_id, nominee_id) REFERENCES round_nominees (round_id, nominee_id)
) WITHOUT ROWID;

-- +goose StatementBegin
CREATE TRIGGER paper_counts_paper_only BEFORE INSERT ON paper_counts
WHEN (SELECT mode FROM rounds WHERE id = NEW.round_id) IS NOT 'paper'
  OR (SELECT status FROM rounds WHERE id = NEW.round_id) IS NOT 'open'
BEGIN
    SELECT RAISE(ABORT, 'paper counts belong to an open paper round');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_counts_no_update BEFORE UPDATE ON paper_counts
BEGIN
    SELECT RAISE(ABORT, 'paper counts are written once');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_counts_no_delete BEFORE DELETE ON paper_counts
BEGIN
    SELECT RAISE(ABORT, 'paper counts are written once');
END;
-- +goose StatementEnd

-- The chair's decision on a tie at the quota line of a round, with the
-- chair's name as it stood when the decision was recorded; one per round,
-- final.
CREATE TABLE chair_decisions (
    round_id INTEGER PRIMARY KEY REFERENCES rounds (id),
    award    TEXT    NOT NULL,
    chair    TEXT    NOT NULL,
    at       TEXT    NOT NULL,
    note     TEXT    NOT NULL DEFAULT ''
);

-- The nominees tied at the line, and whether the chair chose each.
CREATE TABLE decision_nominees (
    round_id   INTEGER NOT NULL REFERENCES chair_decisions (round_id),
    nominee_id INTEGER NOT NULL,
    chosen     INTEGER NOT NULL CHECK (chosen IN (0, 1)),
    PRIMARY KEY (round_id, nominee_id),
    FOREIGN KEY (round_id, nominee_id) REFERENCES round_nominees (round_id, nominee_id)
) WITHOUT ROWID;

-- +goose StatementBegin
CREATE TRIGGER chair_decisions_no_update BEFORE UPDATE ON chair_decisions
BEGIN
    SELECT RAISE(ABORT, 'a chair decision is final');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER chair_decisions_no_delete BEFORE DELETE ON chair_decisions
BEGIN
    SELECT RAISE(ABORT, 'a chair decision is final');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER decision_nominees_no_update BEFORE UPDATE ON decision_nominees
BEGIN
    SELECT RAISE(ABORT, 'a chair decision is final');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER decision_nominees_no_delete BEFORE DELETE ON decision_nominees
BEGIN
    SELECT RAISE(ABORT, 'a chair decision is final');
END;
-- +goose StatementEnd

-- Members' personal voting codes. hash is a salted argon2id hash in PHC
-- form; the code itself is never stored. issued counts the codes a member
-- has been given; failures counts wrong tries since the last right one, and
-- the third locks the member until the secretary unlocks them.
CREATE TABLE member_codes (
    member_id INTEGER PRIMARY KEY REFERENCES members (id),
    hash      TEXT    NOT NULL CHECK (hash LIKE '$argon2id$%'),
    issued    INTEGER NOT NULL CHECK (issued >= 1),
    failures  INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    locked    INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1))
);

-- Closed means closed for the new tables too.

-- +goose StatementBegin
CREATE TRIGGER paper_counts_closed_insert BEFORE INSERT ON paper_counts
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_counts_closed_update BEFORE UPDATE ON paper_counts
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_counts_closed_delete BEFORE DELETE ON paper_counts
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER chair_decisions_closed_insert BEFORE INSERT ON chair_decisions
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER chair_decisions_closed_update BEFORE UPDATE ON chair_decisions
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER chair_decisions_closed_delete BEFORE DELETE ON chair_decisions
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER decision_nominees_closed_insert BEFORE INSERT ON decision_nominees
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER decision_nominees_closed_update BEFORE UPDATE ON decision_nominees
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER decision_nominees_closed_delete BEFORE DELETE ON decision_nominees
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER member_codes_closed_insert BEFORE INSERT ON member_codes
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER member_codes_closed_update BEFORE UPDATE ON member_codes
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER member_codes_closed_delete BEFORE DELETE ON member_codes
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER member_codes_closed_delete;
DROP TRIGGER member_codes_closed_update;
DROP TRIGGER member_codes_closed_insert;
DROP TRIGGER decision_nominees_closed_delete;
DROP TRIGGER decision_nominees_closed_update;
DROP TRIGGER decision_nominees_closed_insert;
DROP TRIGGER chair_decisions_closed_delete;
DROP TRIGGER chair_decisions_closed_update;
DROP TRIGGER chair_decisions_closed_insert;
DROP TRIGGER paper_counts_closed_delete;
DROP TRIGGER paper_counts_closed_update;
DROP TRIGGER paper_counts_closed_insert;
DROP TABLE member_codes;
DROP TABLE decision_nominees;
DROP TABLE chair_decisions;
DROP TABLE paper_counts;
DROP TRIGGER ballots_electronic_only;
DROP TRIGGER participation_electronic_only;
DROP TRIGGER rounds_mode_fixed;
ALTER TABLE rounds DROP COLUMN parent;

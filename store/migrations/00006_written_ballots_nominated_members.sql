-- Written ballots of absent members, and members who are nominated (see
-- model/written.go and store/written.go).

-- +goose Up

-- An absent voting member who sends a written ballot (gửi phiếu bằng văn
-- bản). Only an absent voting member can be marked; marking a member present
-- clears it in the same statement.
ALTER TABLE members ADD COLUMN written_ballot INTEGER NOT NULL DEFAULT 0
    CHECK (written_ballot IN (0, 1) AND (written_ballot = 0 OR (attendance = 'absent' AND votes = 1)));

-- A ballot of an electronic round the counting committee entered from an
-- absent member's sealed envelope. The ballot itself is stored like any
-- other, apart from the participation row; the round's seal at close lists
-- the written voters beside the voters.
ALTER TABLE participation ADD COLUMN written INTEGER NOT NULL DEFAULT 0 CHECK (written IN (0, 1));

-- +goose StatementBegin
CREATE TRIGGER participation_written_marked BEFORE INSERT ON participation
WHEN NEW.written = 1 AND (SELECT written_ballot FROM members WHERE id = NEW.member_id) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'a written ballot comes from an absent member marked as sending one');
END;
-- +goose StatementEnd

-- The envelopes of absent members' written ballots that went into the box of
-- an open paper round: who sent one, never what it said. They can be taken
-- back out until the counting committee's figures are entered.
CREATE TABLE paper_envelopes (
    round_id  INTEGER NOT NULL REFERENCES rounds (id),
    member_id INTEGER NOT NULL REFERENCES members (id),
    PRIMARY KEY (round_id, member_id)
) WITHOUT ROWID;

-- +goose StatementBegin
CREATE TRIGGER paper_envelopes_open_paper BEFORE INSERT ON paper_envelopes
WHEN (SELECT mode FROM rounds WHERE id = NEW.round_id) IS NOT 'paper'
  OR (SELECT status FROM rounds WHERE id = NEW.round_id) IS NOT 'open'
  OR (SELECT written_ballot FROM members WHERE id = NEW.member_id) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'an envelope goes into an open paper round from a member marked as sending one');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_envelopes_no_update BEFORE UPDATE ON paper_envelopes
BEGIN
    SELECT RAISE(ABORT, 'an envelope is received or not');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_envelopes_delete_before_counts BEFORE DELETE ON paper_envelopes
WHEN (SELECT status FROM rounds WHERE id = OLD.round_id) IS NOT 'open'
  OR EXISTS (SELECT 1 FROM paper_counts WHERE round_id = OLD.round_id)
BEGIN
    SELECT RAISE(ABORT, 'an envelope stays once the counts are entered');
END;
-- +goose StatementEnd

-- Voting members who are a nominee or head a collective nominee: from the
-- plan (council_member, or an individual with the member's name) or marked by
-- the secretary. Fixed once the nominee has been put to a vote.
CREATE TABLE nominated_members (
    member_id  INTEGER NOT NULL REFERENCES members (id),
    nominee_id INTEGER NOT NULL REFERENCES nominees (id),
    source     TEXT    NOT NULL CHECK (source IN ('plan', 'secretary')),
    PRIMARY KEY (member_id, nominee_id)
) WITHOUT ROWID;

-- +goose StatementBegin
CREATE TRIGGER nominated_members_frozen_insert BEFORE INSERT ON nominated_members
WHEN EXISTS (SELECT 1 FROM round_nominees WHERE nominee_id = NEW.nominee_id)
BEGIN
    SELECT RAISE(ABORT, 'the nominee has been put to a vote');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER nominated_members_frozen_update BEFORE UPDATE ON nominated_members
BEGIN
    SELECT RAISE(ABORT, 'a nominated member is added or removed, never changed');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER nominated_members_frozen_delete BEFORE DELETE ON nominated_members
WHEN EXISTS (SELECT 1 FROM round_nominees WHERE nominee_id = OLD.nominee_id)
BEGIN
    SELECT RAISE(ABORT, 'the nominee has been put to a vote');
END;
-- +goose StatementEnd

-- The members who leave a nominee blank in a round because the plan asks a
-- nominated member to recuse themselves, as fixed when the round opened, and
-- whether each was present then. Written once, when the round opens.
CREATE TABLE round_recusals (
    round_id   INTEGER NOT NULL,
    nominee_id INTEGER NOT NULL,
    member_id  INTEGER NOT NULL REFERENCES members (id),
    present    INTEGER NOT NULL CHECK (present IN (0, 1)),
    PRIMARY KEY (round_id, nominee_id, member_id),
    FOREIGN KEY (round_id, nominee_id) REFERENCES round_nominees (round_id, nominee_id)
) WITHOUT ROWID;

-- +goose StatementBegin
CREATE TRIGGER round_recusals_no_update BEFORE UPDATE ON round_recusals
BEGIN
    SELECT RAISE(ABORT, 'recusals are fixed when the round opens');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER round_recusals_no_delete BEFORE DELETE ON round_recusals
BEGIN
    SELECT RAISE(ABORT, 'recusals are fixed when the round opens');
END;
-- +goose StatementEnd

-- Closed means closed for the new tables too.

-- +goose StatementBegin
CREATE TRIGGER paper_envelopes_closed_insert BEFORE INSERT ON paper_envelopes
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_envelopes_closed_update BEFORE UPDATE ON paper_envelopes
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_envelopes_closed_delete BEFORE DELETE ON paper_envelopes
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER nominated_members_closed_insert BEFORE INSERT ON nominated_members
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER nominated_members_closed_update BEFORE UPDATE ON nominated_members
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER nominated_members_closed_delete BEFORE DELETE ON nominated_members
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER round_recusals_closed_insert BEFORE INSERT ON round_recusals
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER round_recusals_closed_update BEFORE UPDATE ON round_recusals
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER round_recusals_closed_delete BEFORE DELETE ON round_recusals
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER round_recusals_closed_delete;
DROP TRIGGER round_recusals_closed_update;
DROP TRIGGER round_recusals_closed_insert;
DROP TRIGGER nominated_members_closed_delete;
DROP TRIGGER nominated_members_closed_update;
DROP TRIGGER nominated_members_closed_insert;
DROP TRIGGER paper_envelopes_closed_delete;
DROP TRIGGER paper_envelopes_closed_update;
DROP TRIGGER paper_envelopes_closed_insert;
DROP TABLE round_recusals;
DROP TABLE nominated_members;
DROP TABLE paper_envelopes;
DROP TRIGGER participation_written_marked;
ALTER TABLE participation DROP COLUMN written;
ALTER TABLE members DROP COLUMN written_ballot;

-- The record of one council meeting. Enumerations are stored as the
-- plan-file spellings so the file reads well in any SQLite tool; times are
-- RFC 3339 text in UTC.

-- +goose Up

-- The meeting: one row. plan holds the plan as JSON without its members and
-- nominees, which live in their own tables.
CREATE TABLE meeting (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    plan       TEXT    NOT NULL,
    status     TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    started_at TEXT,
    closed_at  TEXT,
    discussion TEXT    NOT NULL DEFAULT ''
);

-- Council members in plan order (pos), with the roll call and the counting
-- committee.
CREATE TABLE members (
    id            INTEGER PRIMARY KEY,
    pos           INTEGER NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    position      TEXT    NOT NULL DEFAULT '',
    role          TEXT    NOT NULL CHECK (role IN ('chair', 'vice-chair', 'member', 'secretary')),
    votes         INTEGER NOT NULL CHECK (votes IN (0, 1)),
    attendance    TEXT    NOT NULL DEFAULT 'unknown' CHECK (attendance IN ('unknown', 'present', 'absent')),
    absent_reason TEXT    NOT NULL DEFAULT '',
    teller        INTEGER NOT NULL DEFAULT 0 CHECK (teller IN (0, 1)),
    teller_head   INTEGER NOT NULL DEFAULT 0 CHECK (teller_head IN (0, 1)),
    CHECK (teller_head = 0 OR teller = 1)
);

-- At most one head of the counting committee.
CREATE UNIQUE INDEX members_one_teller_head ON members (teller_head) WHERE teller_head = 1;

-- Nominees in plan order (pos). facts is the plan's JSON list of eligibility
-- check codes known to apply; note is the council's discussion note.
CREATE TABLE nominees (
    id       INTEGER PRIMARY KEY,
    pos      INTEGER NOT NULL UNIQUE,
    kind     TEXT    NOT NULL CHECK (kind IN ('collective', 'individual')),
    name     TEXT    NOT NULL,
    unit     TEXT    NOT NULL DEFAULT '',
    position TEXT    NOT NULL DEFAULT '',
    summary  TEXT    NOT NULL DEFAULT '',
    facts    TEXT    NOT NULL DEFAULT 'null',
    note     TEXT    NOT NULL DEFAULT ''
);

-- The awards each nominee is proposed for, in the nominee's order (pos).
CREATE TABLE candidacies (
    nominee_id INTEGER NOT NULL REFERENCES nominees (id),
    award      TEXT    NOT NULL,
    pos        INTEGER NOT NULL,
    PRIMARY KEY (nominee_id, award),
    UNIQUE (nominee_id, pos)
) WITHOUT ROWID;

-- Criterion marks, sparse: a missing row is an unmarked criterion without a
-- note. idx is the criterion's position in the plan's checklist.
CREATE TABLE marks (
    nominee_id INTEGER NOT NULL,
    award      TEXT    NOT NULL,
    idx        INTEGER NOT NULL CHECK (idx >= 0),
    mark       TEXT    NOT NULL CHECK (mark IN ('none', 'met', 'not-met')),
    note       TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (nominee_id, award, idx),
    FOREIGN KEY (nominee_id, award) REFERENCES candidacies (nominee_id, award)
) WITHOUT ROWID;

-- Eligibility checks the council has confirmed; a missing row is a check not
-- yet confirmed.
CREATE TABLE checks (
    nominee_id INTEGER NOT NULL REFERENCES nominees (id),
    code       TEXT    NOT NULL,
    applies    INTEGER NOT NULL CHECK (applies IN (0, 1)),
    PRIMARY KEY (nominee_id, code)
) WITHOUT ROWID;

-- Ballot rounds. The ballot counts are filled when the round closes.
CREATE TABLE rounds (
    id          INTEGER PRIMARY KEY,
    seq         INTEGER NOT NULL UNIQUE,
    award       TEXT    NOT NULL,
    mode        TEXT    NOT NULL CHECK (mode IN ('electronic', 'paper')),
    status      TEXT    NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at   TEXT    NOT NULL,
    closed_at   TEXT,
    eligible    INTEGER NOT NULL,
    all_members INTEGER NOT NULL,
    issued      INTEGER NOT NULL DEFAULT 0,
    returned    INTEGER NOT NULL DEFAULT 0,
    valid       INTEGER NOT NULL DEFAULT 0,
    invalid     INTEGER NOT NULL DEFAULT 0
);

-- At most one open round.
CREATE UNIQUE INDEX rounds_one_open ON rounds (status) WHERE status = 'open';

-- The nominees on a round's ballot, in ballot order (pos).
CREATE TABLE round_nominees (
    round_id   INTEGER NOT NULL REFERENCES rounds (id),
    pos        INTEGER NOT NULL,
    nominee_id INTEGER NOT NULL REFERENCES nominees (id),
    PRIMARY KEY (round_id, pos),
    UNIQUE (round_id, nominee_id)
) WITHOUT ROWID;

CREATE INDEX round_nominees_nominee ON round_nominees (nominee_id);

-- Secret ballot. Who voted (participation) and what was voted (ballots,
-- ballot_choices) are stored apart and cannot be joined: no timestamps, no
-- rowids, no autoincrement, nothing ordered by arrival. The primary key of
-- participation is what allows one ballot per member per round.
CREATE TABLE participation (
    round_id  INTEGER NOT NULL REFERENCES rounds (id),
    member_id INTEGER NOT NULL REFERENCES members (id),
    PRIMARY KEY (round_id, member_id)
) WITHOUT ROWID;

-- A ballot's id is a random 128-bit value.
CREATE TABLE ballots (
    id       BLOB    NOT NULL PRIMARY KEY CHECK (typeof(id) = 'blob' AND length(id) = 16),
    round_id INTEGER NOT NULL REFERENCES rounds (id)
) WITHOUT ROWID;

CREATE INDEX ballots_round ON ballots (round_id, id);

CREATE TABLE ballot_choices (
    ballot_id  BLOB    NOT NULL REFERENCES ballots (id),
    nominee_id INTEGER NOT NULL REFERENCES nominees (id),
    agree      INTEGER NOT NULL CHECK (agree IN (0, 1)),
    PRIMARY KEY (ballot_id, nominee_id)
) WITHOUT ROWID;

-- A round's result per nominee, written when it closes.
CREATE TABLE results (
    round_id   INTEGER NOT NULL REFERENCES rounds (id),
    nominee_id INTEGER NOT NULL REFERENCES nominees (id),
    agree      INTEGER NOT NULL,
    disagree   INTEGER NOT NULL,
    base       INTEGER NOT NULL,
    pass       INTEGER NOT NULL CHECK (pass IN (0, 1)),
    PRIMARY KEY (round_id, nominee_id),
    FOREIGN KEY (round_id, nominee_id) REFERENCES round_nominees (round_id, nominee_id)
) WITHOUT ROWID;

-- The append-only log of every action. Casting a ballot is logged without
-- the member or the ballot.
CREATE TABLE events (
    seq    INTEGER PRIMARY KEY,
    at     TEXT    NOT NULL,
    kind   TEXT    NOT NULL,
    detail TEXT    NOT NULL DEFAULT ''
);

-- +goose StatementBegin
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER participation_no_update BEFORE UPDATE ON participation
BEGIN
    SELECT RAISE(ABORT, 'participation is append-only');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER participation_no_delete BEFORE DELETE ON participation
BEGIN
    SELECT RAISE(ABORT, 'participation is append-only');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER ballots_no_update BEFORE UPDATE ON ballots
BEGIN
    SELECT RAISE(ABORT, 'ballots are append-only');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER ballots_no_delete BEFORE DELETE ON ballots
BEGIN
    SELECT RAISE(ABORT, 'ballots are append-only');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER ballot_choices_no_update BEFORE UPDATE ON ballot_choices
BEGIN
    SELECT RAISE(ABORT, 'ballot choices are append-only');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER ballot_choices_no_delete BEFORE DELETE ON ballot_choices
BEGIN
    SELECT RAISE(ABORT, 'ballot choices are append-only');
END;
-- +goose StatementEnd

-- +goose Down
DROP TABLE events;
DROP TABLE results;
DROP TABLE ballot_choices;
DROP TABLE ballots;
DROP TABLE participation;
DROP TABLE round_nominees;
DROP TABLE rounds;
DROP TABLE checks;
DROP TABLE marks;
DROP TABLE candidacies;
DROP TABLE nominees;
DROP TABLE members;
DROP TABLE meeting;

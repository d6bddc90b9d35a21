-- The documents received for each candidacy's dossier, and who said what
-- in the discussion.

-- +goose Up

-- A document of the dossier the plan asks for an award (doc is its place,
-- from 0, in the award's list of documents) received for a nominee
-- proposed for that award. A missing row is a document not received;
-- documents the program writes itself are never stored.
CREATE TABLE dossier (
    nominee_id INTEGER NOT NULL,
    award      TEXT    NOT NULL,
    doc        INTEGER NOT NULL CHECK (doc >= 0),
    PRIMARY KEY (nominee_id, award, doc),
    FOREIGN KEY (nominee_id, award) REFERENCES candidacies (nominee_id, award)
) WITHOUT ROWID;

-- What one person said, about a nominee (nominee_id) or about the meeting
-- (nominee_id NULL), in the order entered (id). speaker is the council
-- member who spoke, NULL for "ý kiến khác"; speaker_name is the member's
-- name as it stood when recorded, or whom the secretary typed for "ý kiến
-- khác" (possibly empty).
CREATE TABLE remarks (
    id           INTEGER PRIMARY KEY,
    nominee_id   INTEGER REFERENCES nominees (id),
    speaker      INTEGER REFERENCES members (id),
    speaker_name TEXT    NOT NULL DEFAULT '',
    text         TEXT    NOT NULL CHECK (text <> '')
);

CREATE INDEX remarks_nominee ON remarks (nominee_id);

-- Closed means closed for the new tables of the record too.

-- +goose StatementBegin
CREATE TRIGGER dossier_closed_insert BEFORE INSERT ON dossier
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER dossier_closed_update BEFORE UPDATE ON dossier
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER dossier_closed_delete BEFORE DELETE ON dossier
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER remarks_closed_insert BEFORE INSERT ON remarks
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER remarks_closed_update BEFORE UPDATE ON remarks
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER remarks_closed_delete BEFORE DELETE ON remarks
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER remarks_closed_delete;
DROP TRIGGER remarks_closed_update;
DROP TRIGGER remarks_closed_insert;
DROP TRIGGER dossier_closed_delete;
DROP TRIGGER dossier_closed_update;
DROP TRIGGER dossier_closed_insert;
DROP INDEX remarks_nominee;
DROP TABLE remarks;
DROP TABLE dossier;

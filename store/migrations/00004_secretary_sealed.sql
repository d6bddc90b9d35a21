-- The secretary code, and ballots sealed while their round is open.

-- +goose Up

-- The secretary code (see store/secretary.go): one row. hash is a salted
-- argon2id hash of the code in PHC form; the code itself is never stored.
-- The secretary's X25519 key pair opens the sealed ballots at a round's
-- close: public_key is stored as is, the private key only inside
-- private_box, a secretbox (its 24-byte nonce first) under the key that
-- argon2id derives from the code and kdf_salt with the parameters written in
-- hash. failures counts wrong tries in a row; from the third one no try is
-- taken before wait_until. This table is not part of the record: it is
-- never logged, never audited, never exported.
CREATE TABLE secretary (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    hash        TEXT    NOT NULL CHECK (hash LIKE '$argon2id$%'),
    kdf_salt    BLOB    NOT NULL CHECK (typeof(kdf_salt) = 'blob' AND length(kdf_salt) >= 16),
    public_key  BLOB    NOT NULL CHECK (typeof(public_key) = 'blob' AND length(public_key) = 32),
    private_box BLOB    NOT NULL CHECK (typeof(private_box) = 'blob' AND length(private_box) = 72),
    failures    INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    wait_until  TEXT
);

-- The round keys are sealed to the secretary's public key: it never changes,
-- and the row is never deleted.
-- +goose StatementBegin
CREATE TRIGGER secretary_public_key_fixed BEFORE UPDATE OF public_key ON secretary
WHEN NEW.public_key IS NOT OLD.public_key
BEGIN
    SELECT RAISE(ABORT, 'the secretary public key never changes');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER secretary_no_delete BEFORE DELETE ON secretary
BEGIN
    SELECT RAISE(ABORT, 'the secretary code cannot be removed');
END;
-- +goose StatementEnd

-- Once the meeting is closed the code can no longer be set or changed; the
-- count of wrong tries still counts.
-- +goose StatementBegin
CREATE TRIGGER secretary_closed_insert BEFORE INSERT ON secretary
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER secretary_closed_update BEFORE UPDATE OF hash, kdf_salt, private_box ON secretary
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- The key pair of an open electronic round: ballots are sealed to
-- public_key (a nacl/box anonymous sealed box, which any booth process can
-- make), and the private key is kept only in sealed_private, an anonymous
-- sealed box to the secretary's public key. Both are deleted when the round
-- closes.
CREATE TABLE round_keys (
    round_id       INTEGER PRIMARY KEY REFERENCES rounds (id),
    public_key     BLOB    NOT NULL CHECK (typeof(public_key) = 'blob' AND length(public_key) = 32),
    sealed_private BLOB    NOT NULL CHECK (typeof(sealed_private) = 'blob' AND length(sealed_private) = 80)
);

-- A key is given to an open electronic round before its first ballot.
-- +goose StatementBegin
CREATE TRIGGER round_keys_open_only BEFORE INSERT ON round_keys
WHEN (SELECT mode FROM rounds WHERE id = NEW.round_id) IS NOT 'electronic'
  OR (SELECT status FROM rounds WHERE id = NEW.round_id) IS NOT 'open'
  OR EXISTS (SELECT 1 FROM participation WHERE round_id = NEW.round_id)
BEGIN
    SELECT RAISE(ABORT, 'a round key belongs to an open electronic round without ballots');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER round_keys_no_update BEFORE UPDATE ON round_keys
BEGIN
    SELECT RAISE(ABORT, 'a round key never changes');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER round_keys_delete_at_close BEFORE DELETE ON round_keys
WHEN (SELECT status FROM rounds WHERE id = OLD.round_id) IS NOT 'closed'
BEGIN
    SELECT RAISE(ABORT, 'a round key is deleted only when its round closes');
END;
-- +goose StatementEnd

-- The ballots of an open round that has a key, each sealed to the round's
-- public key. Like ballots, keyed by a random 128-bit id, with nothing else
-- that could order them: the box holds the round and every choice. When
-- the round closes they are opened, stored in ballots and ballot_choices,
-- and deleted.
CREATE TABLE sealed_ballots (
    id       BLOB    NOT NULL PRIMARY KEY CHECK (typeof(id) = 'blob' AND length(id) = 16),
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    box      BLOB    NOT NULL CHECK (typeof(box) = 'blob' AND length(box) > 48)
) WITHOUT ROWID;

-- +goose StatementBegin
CREATE TRIGGER sealed_ballots_open_only BEFORE INSERT ON sealed_ballots
WHEN (SELECT mode FROM rounds WHERE id = NEW.round_id) IS NOT 'electronic'
  OR (SELECT status FROM rounds WHERE id = NEW.round_id) IS NOT 'open'
  OR NOT EXISTS (SELECT 1 FROM round_keys WHERE round_id = NEW.round_id)
BEGIN
    SELECT RAISE(ABORT, 'a sealed ballot belongs to an open electronic round with a key');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER sealed_ballots_no_update BEFORE UPDATE ON sealed_ballots
BEGIN
    SELECT RAISE(ABORT, 'sealed ballots are append-only');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER sealed_ballots_delete_at_close BEFORE DELETE ON sealed_ballots
WHEN (SELECT status FROM rounds WHERE id = OLD.round_id) IS NOT 'closed'
BEGIN
    SELECT RAISE(ABORT, 'sealed ballots are deleted only when their round closes');
END;
-- +goose StatementEnd

-- While a round with a key is open, its ballots are only sealed.
-- +goose StatementBegin
CREATE TRIGGER ballots_sealed_round BEFORE INSERT ON ballots
WHEN (SELECT status FROM rounds WHERE id = NEW.round_id) = 'open'
  AND EXISTS (SELECT 1 FROM round_keys WHERE round_id = NEW.round_id)
BEGIN
    SELECT RAISE(ABORT, 'an open round with a key takes only sealed ballots');
END;
-- +goose StatementEnd

-- Closed means closed for the new tables of the record too.

-- +goose StatementBegin
CREATE TRIGGER round_keys_closed_insert BEFORE INSERT ON round_keys
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER round_keys_closed_update BEFORE UPDATE ON round_keys
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER round_keys_closed_delete BEFORE DELETE ON round_keys
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER sealed_ballots_closed_insert BEFORE INSERT ON sealed_ballots
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER sealed_ballots_closed_update BEFORE UPDATE ON sealed_ballots
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER sealed_ballots_closed_delete BEFORE DELETE ON sealed_ballots
WHEN (SELECT status FROM meeting) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the meeting is closed: its record cannot change');
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER sealed_ballots_closed_delete;
DROP TRIGGER sealed_ballots_closed_update;
DROP TRIGGER sealed_ballots_closed_insert;
DROP TRIGGER round_keys_closed_delete;
DROP TRIGGER round_keys_closed_update;
DROP TRIGGER round_keys_closed_insert;
DROP TRIGGER ballots_sealed_round;
DROP TRIGGER sealed_ballots_delete_at_close;
DROP TRIGGER sealed_ballots_no_update;
DROP TRIGGER sealed_ballots_open_only;
DROP TABLE sealed_ballots;
DROP TRIGGER round_keys_delete_at_close;
DROP TRIGGER round_keys_no_update;
DROP TRIGGER round_keys_open_only;
DROP TABLE round_keys;
DROP TRIGGER secretary_closed_update;
DROP TRIGGER secretary_closed_insert;
DROP TRIGGER secretary_no_delete;
DROP TRIGGER secretary_public_key_fixed;
DROP TABLE secretary;

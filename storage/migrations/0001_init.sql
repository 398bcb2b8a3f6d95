-- Drafts and their revision history. Times are Unix nanoseconds (UTC); the
-- body is the stable JSON of forms.Encode, with title and stage copied out so
-- the start screen can list drafts without decoding every body.
CREATE TABLE drafts (
	id       TEXT PRIMARY KEY,
	title    TEXT NOT NULL,
	stage    TEXT NOT NULL,
	revision INTEGER NOT NULL CHECK (revision > 0),
	body     TEXT NOT NULL,
	created  INTEGER NOT NULL,
	updated  INTEGER NOT NULL,
	deleted  INTEGER -- NULL unless the draft is in the bin
) STRICT;

CREATE INDEX drafts_by_update ON drafts (deleted, updated DESC);

-- AUTOINCREMENT so that a purged snapshot's number is never given to another.
CREATE TABLE snapshots (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
	revision INTEGER NOT NULL,
	reason   TEXT NOT NULL,
	body     TEXT NOT NULL,
	taken    INTEGER NOT NULL
) STRICT;

CREATE INDEX snapshots_by_draft ON snapshots (draft_id, id);

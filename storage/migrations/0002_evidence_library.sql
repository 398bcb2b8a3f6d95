-- Attached files and the organisation library. File bytes live outside the
-- database in blobs/ beside it, named by their SHA-256; these rows record
-- which file each evidence item holds and every version it held before.
-- owner is "draft:<id>" or "library:<id>": security documents in the
-- library are attached like evidence. No foreign key, so that a file's
-- history outlives the draft for audit.
CREATE TABLE evidence_files (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	owner    TEXT NOT NULL,
	item_id  TEXT NOT NULL,
	sha256   TEXT NOT NULL CHECK (length(sha256) = 64),
	name     TEXT NOT NULL,
	size     INTEGER NOT NULL CHECK (size >= 0),
	attached INTEGER NOT NULL,
	removed  INTEGER,          -- NULL while this is the item's current file
	reason   TEXT NOT NULL DEFAULT '' -- 'replaced' or 'detached' once removed
) STRICT;

CREATE INDEX evidence_files_by_item ON evidence_files (owner, item_id, id);
CREATE UNIQUE INDEX evidence_files_current ON evidence_files (owner, item_id) WHERE removed IS NULL;

-- Organisations kept once for every draft; body is the JSON of
-- forms.LibraryEntry, with the name copied out for listing.
CREATE TABLE library (
	id         TEXT PRIMARY KEY,
	legal_name TEXT NOT NULL,
	body       TEXT NOT NULL,
	updated    INTEGER NOT NULL
) STRICT;

-- Ticks of the hand-off to DARS Online: which answers and documents the
-- applicant has entered in the portal, each with the SHA-256 of what was
-- entered, so an answer changed since shows as changed. They are the
-- applicant's own progress, not part of the application, so they live
-- beside the draft rather than in its body: autosave, snapshots and
-- restores leave them alone, and packs never carry them. where_ names the
-- answer as it was, for one removed from the draft since. copied_from is
-- the draft a duplicate's ticks came from, until kept or cleared.
CREATE TABLE handoff_ticks (
	draft_id    TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
	item_key    TEXT NOT NULL,
	sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
	where_      TEXT NOT NULL,
	ticked      INTEGER NOT NULL,
	copied_from TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (draft_id, item_key)
) STRICT;

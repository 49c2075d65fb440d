-- Deploy freezes set with `/shiplock freeze on|off`, one per repository. The freeze is also an event
-- (FreezeChanged) in the log; this table is what the preflight and the App Home read now.
CREATE TABLE freezes (
  repo TEXT PRIMARY KEY NOT NULL,
  reason TEXT NOT NULL,
  by TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;

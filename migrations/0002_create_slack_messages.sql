-- Where each rollout's card lives in Slack, so it is updated in place (chat.update) and its thread
-- holds the details. Written by the Slack notifier after chat.postMessage answers.
CREATE TABLE slack_messages (
  rollout_id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  ts TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

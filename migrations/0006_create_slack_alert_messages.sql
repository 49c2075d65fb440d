-- Where each canary alert's message lives in the alerts channel, so a resolved or acknowledged
-- alert updates the same message (chat.update) instead of posting a new one. An alert is keyed by
-- its rollout and Alertmanager's fingerprint. Written by the Slack notifier after chat.postMessage.
CREATE TABLE slack_alert_messages (
  rollout_id TEXT NOT NULL,
  alert_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  ts TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (rollout_id, alert_id)
) STRICT;

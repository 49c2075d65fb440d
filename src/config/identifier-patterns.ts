/** A Slack user id (`U…`, or `W…` on Enterprise Grid). */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** A Slack channel id (`C…` public, `G…` private) or a `#channel-name`. Ids survive renames. */
export const SLACK_CHANNEL = /^(?:[CG][A-Z0-9]{2,}|#[a-z0-9][a-z0-9._-]{0,79})$/;

/** A GitHub login: alphanumerics and single inner hyphens, at most 39 characters. */
export const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** `owner/repo` as GitHub spells it. */
export const REPOSITORY_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;

/** Ids of gates, risk components and metrics: they end up in Slack action ids and check-run names. */
export const LOCAL_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

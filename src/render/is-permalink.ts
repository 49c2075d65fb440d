/**
 * A permalink as Slack returns it (https), or the local stand-in's on loopback (http).
 */
const PERMALINK =
  /^(?:https:\/\/[A-Za-z0-9.-]+|http:\/\/(?:127\.0\.0\.1|localhost))(?::\d+)?\/[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]*$/;

/** Whether `url` is such a permalink (and short enough for a button): cards and alerts link only to those. */
export function isPermalink(url: string): boolean {
  return url.length <= 2000 && PERMALINK.test(url);
}

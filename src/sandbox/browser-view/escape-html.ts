/**
 * Escapes text for HTML element content and double-quoted attribute values. Everything the page shows
 * from Slack (PR titles, logins, model output, reasons) passes through here exactly once.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Undoes Slack's own escaping (`&amp;`, `&lt;`, `&gt;`: its only control characters), so the reader
 * sees what was typed (https://docs.slack.dev/messaging/formatting-message-text#escaping). The result
 * is raw text again and must go through {@link escapeHtml} before it reaches the page.
 */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

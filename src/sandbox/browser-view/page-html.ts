import { escapeHtml } from './escape-html.ts';
import { PAGE_SCRIPT } from './page-script.ts';
import { PAGE_STYLE } from './page-style.ts';

/**
 * The page itself: a sidebar (who you act as, the channels), the channel, a status line, and two
 * overlays (confirm dialog, modal). Its inline style and script carry `nonce`, the only ones the
 * Content-Security-Policy lets run, so even a rendering bug could not execute a PR title.
 */
export function pageHtml(nonce: string, team: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>shiplock · ${escapeHtml(team)} (local Slack stand-in)</title>
<style nonce="${nonce}">${PAGE_STYLE}</style>
</head>
<body>
<aside>
  <h1>${escapeHtml(team)}</h1>
  <label>Acting as<select id="user" aria-label="Acting as"></select></label>
  <p class="note">Clicks go to shiplock as signed interactions from this user.</p>
  <nav aria-label="Channels"><ul id="channels"></ul></nav>
  <p class="note">Local Slack stand-in · sandbox only</p>
</aside>
<main>
  <header id="channel-name"></header>
  <section id="messages" aria-live="polite"></section>
  <footer id="status" role="status"></footer>
</main>
<div id="confirm" class="overlay" hidden><div class="dialog" role="alertdialog" aria-modal="true"></div></div>
<div id="modal" class="overlay" hidden></div>
<script nonce="${nonce}">${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

import { describe, expect, it } from 'vitest';
import { slackDate } from '../../../src/render/index.ts';
import { escapeMrkdwn } from '../../../src/render/mrkdwn.ts';
import { renderMrkdwn, renderPlainText } from '../../../src/sandbox/browser-view/render-mrkdwn.ts';
import type { WorkspaceNames } from '../../../src/sandbox/browser-view/workspace-names.ts';

/** The browser view's mrkdwn renderer, pure: Slack's formatting in, escaped HTML out. */
const names: WorkspaceNames = {
  user: (id) => ({ UBOB: 'bob' })[id] ?? id,
  channel: (id) => ({ C0DEPLOYS: 'deploys' })[id] ?? id,
  group: (id) => ({ S0ONCALL: 'oncall' })[id] ?? id,
};
const html = (text: string) => renderMrkdwn(text, names);

/**
 * True when every tag in `out` is one the renderer writes, with only its own quoted attributes: any
 * `<` or `"` that came from the text is escaped, so hostile text can only ever be text.
 */
function onlyOwnMarkup(out: string): boolean {
  const attributes = /^(\s+(class|title|data-epoch|data-format)="[^"<>]*")*$/;
  const rest = out.replace(
    /<\/?(b|i|s|code|pre|br|span|time)((?:\s+[a-z-]+="[^"<>]*")*)>/g,
    (_tag, _name, attrs: string) => (attributes.test(attrs) ? '' : '"bad"'),
  );
  return !/[<>"]/.test(rest);
}

describe('renderMrkdwn', () => {
  it.each([
    ['bold', '*Approvals* 1 of 2', '<b>Approvals</b> 1 of 2'],
    ['italic', '_(advisory)_ ok', '<i>(advisory)</i> ok'],
    ['strike', '~old~ new', '<s>old</s> new'],
    ['inline code, its content literal', '`*a* <b>`', '<code>*a* &lt;b&gt;</code>'],
    ['code block', '```\nx < 1\n```', '<pre>x &lt; 1</pre>'],
    ['no bold inside a word', 'a*b*c', 'a*b*c'],
    ['no italic in snake_case_names', 'snake_case_names', 'snake_case_names'],
    ['newlines', 'a\nb', 'a<br>b'],
    ['quote', '&gt; quoted', '<span class="quote">quoted</span>'],
    ['emoji', ':lock: locked', '🔒 locked'],
    ['unknown emoji stays', ':no_such_emoji:', ':no_such_emoji:'],
    ['user mention', 'by <@UBOB>', 'by <span class="mention">@bob</span>'],
    ['channel mention', 'in <#C0DEPLOYS>', 'in <span class="mention">#deploys</span>'],
    ['group mention', '<!subteam^S0ONCALL>', '<span class="mention">@oncall</span>'],
    ['special mention', '<!here>', '<span class="mention">@here</span>'],
    [
      'link as text',
      '<https://x.example/?a=1&amp;b=2|the PR>',
      '<span class="link" title="https://x.example/?a=1&amp;b=2">the PR</span>',
    ],
    ['entities decoded then escaped', 'a &amp;&lt;&gt; b', 'a &amp;&lt;&gt; b'],
  ])('%s', (_rule, input, output) => {
    expect(html(input)).toBe(output);
  });

  it('turns a Slack date token into a <time> the page makes local, keeping the fallback', () => {
    expect(html(`until ${slackDate(Date.UTC(2026, 10, 24, 4, 36))}.`)).toBe(
      'until <time class="slack-date" data-epoch="1795494960" data-format="{date_short_pretty} {time}">2026-11-24 04:36 UTC</time>.',
    );
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    '<https://evil.example/"onmouseover="alert(1)|click>',
    '*<img src=x onerror=alert(1)>*',
    '`</code><script>alert(1)</script>`',
  ])('never produces markup from hostile text, escaped by shiplock or raw: %s', (hostile) => {
    for (const text of [escapeMrkdwn(hostile), hostile]) {
      expect(onlyOwnMarkup(html(text))).toBe(true);
    }
  });

  it('plain_text: entities decoded, everything escaped, emoji only when asked', () => {
    expect(renderPlainText('<b> :lock:', true)).toBe('&lt;b&gt; 🔒');
    expect(renderPlainText(':lock:', false)).toBe(':lock:');
  });
});

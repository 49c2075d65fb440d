import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  ALLOWED_BOT_SCOPES,
  BOT_EVENTS,
  BOT_SCOPES,
  SLASH_COMMAND,
} from '../../src/adapters/slack/slack-app-contract.ts';

/** manifest.yml installs the app as it is: valid against Slack's schema, and saying what the code does. */
const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as {
  features: { slash_commands: { command: string }[]; app_home: { home_tab_enabled: boolean }; bot_user: unknown };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
};
const schema = JSON.parse(
  readFileSync(new URL('../../../shared/fixtures/slack-manifest/manifest.schema.1.0.0.json', import.meta.url), 'utf8'),
) as object;

describe('manifest.yml', () => {
  it("validates against Slack's official manifest schema (1.0.0)", () => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(schema);
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check can fail: an unknown key is refused', () => {
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
    expect(validate({ ...manifest, settings: { ...manifest.settings, surprise: true } })).toBe(false);
  });

  it('declares the slash command the code registers, and only that one', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
  });

  it('asks for exactly the scopes the code needs, all from the allow-list, and no user scopes', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
    for (const scope of manifest.oauth_config.scopes.bot) expect(ALLOWED_BOT_SCOPES).toContain(scope);
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
  });

  it('has a bot user, interactivity, App Home, Socket Mode and the events the code handles', () => {
    expect(manifest.features.bot_user).toBeDefined();
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([...BOT_EVENTS]);
  });
});

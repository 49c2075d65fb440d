import { ROLLOUT_ID_PATTERN } from '../../render/ids.ts';

/** What a `/shiplock` subcommand acts on: a pull request or one rollout. */
export type CommandTarget =
  | { readonly kind: 'pr'; readonly repo: string; readonly number: number }
  | { readonly kind: 'rollout'; readonly rolloutId: string };

/** A parsed `/shiplock …` line. Anything we do not understand is `usage`, with what was wrong. */
export type SlashCommand =
  | { readonly kind: 'status'; readonly target: CommandTarget | null }
  | { readonly kind: 'list' }
  | { readonly kind: 'why'; readonly target: CommandTarget }
  | { readonly kind: 'cancel'; readonly target: CommandTarget }
  | { readonly kind: 'freeze_on'; readonly repo: string | null; readonly reason: string }
  | { readonly kind: 'freeze_off'; readonly repo: string | null }
  | { readonly kind: 'risk' }
  | { readonly kind: 'risk_ack'; readonly reason: string }
  | {
      readonly kind: 'incident';
      readonly component: string;
      /** The harm mode after a dot (`security_scanner.hides_finding`); null: the component's first. */
      readonly mode: string | null;
      /** Dollars. */
      readonly damage: number;
      readonly text: string;
    }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage'; readonly problem: UsageProblem };

/** Why the line was not understood; the answer shows the usage text with one sentence about it. */
export type UsageProblem =
  | { readonly code: 'empty' }
  | { readonly code: 'unknown_subcommand' }
  | { readonly code: 'missing_target'; readonly subcommand: 'why' | 'cancel' }
  | { readonly code: 'bad_target' }
  | { readonly code: 'bad_freeze' }
  | { readonly code: 'bad_incident' }
  | { readonly code: 'bad_risk' }
  | { readonly code: 'too_long' };

/** Longest command text we read: Slack allows more, nobody types more by hand. */
export const COMMAND_TEXT_MAX = 2000;
/** Longest freeze reason kept (shown on cards and the Home tab). */
export const FREEZE_REASON_MAX = 500;

/** GitHub's owner and repository name characters. */
export const REPO_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const PR_TARGET = /^([^#\s]+)#([1-9][0-9]{0,9})$/;

/**
 * Parses the text of a `/shiplock` command. The text is untrusted and typed by anyone in the
 * workspace: it is bounded, stripped of controls, split on whitespace, and every token checked
 * against a strict pattern before it names anything. Never throws.
 */
export function parseSlashCommand(text: unknown): SlashCommand {
  if (typeof text !== 'string') return usage({ code: 'empty' });
  if (text.length > COMMAND_TEXT_MAX) return usage({ code: 'too_long' });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: controls are dropped before anything reads the text.
  const clean = text.replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g, ' ');
  const words = clean
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const [head, ...rest] = words;
  if (head === undefined) return usage({ code: 'empty' });
  switch (head.toLowerCase()) {
    case 'status':
      if (rest.length === 0) return { kind: 'status', target: null };
      return withTarget(rest, (target) => ({ kind: 'status', target }));
    case 'list':
      return rest.length === 0 ? { kind: 'list' } : usage({ code: 'unknown_subcommand' });
    case 'why':
    case 'cancel': {
      const kind = head.toLowerCase() as 'why' | 'cancel';
      if (rest.length === 0) return usage({ code: 'missing_target', subcommand: kind });
      return withTarget(rest, (target) => ({ kind, target }));
    }
    case 'freeze':
      return parseFreeze(rest);
    case 'risk':
      return parseRisk(rest);
    case 'incident':
      return parseIncident(rest);
    case 'help':
      return { kind: 'help' };
    default:
      return usage({ code: 'unknown_subcommand' });
  }
}

function usage(problem: UsageProblem): SlashCommand {
  return { kind: 'usage', problem };
}

function withTarget(rest: readonly string[], build: (target: CommandTarget) => SlashCommand): SlashCommand {
  const [word, ...extra] = rest;
  const target = word === undefined || extra.length > 0 ? null : parseTarget(word);
  return target === null ? usage({ code: 'bad_target' }) : build(target);
}

/** `owner/repo#N` or a rollout id; `null` for anything else. */
export function parseTarget(word: string): CommandTarget | null {
  const pr = PR_TARGET.exec(word);
  if (pr !== null) {
    const repo = pr[1] ?? '';
    const number = Number(pr[2]);
    return REPO_PATTERN.test(repo) && Number.isSafeInteger(number) ? { kind: 'pr', repo, number } : null;
  }
  return ROLLOUT_ID_PATTERN.test(word) && !word.includes('/') ? { kind: 'rollout', rolloutId: word } : null;
}

/** `freeze on [owner/repo] [reason…]` or `freeze off [owner/repo]`. */
function parseFreeze(rest: readonly string[]): SlashCommand {
  const [mode, maybeRepo, ...more] = rest;
  const repo = maybeRepo !== undefined && REPO_PATTERN.test(maybeRepo) ? maybeRepo : null;
  if (mode?.toLowerCase() === 'off') {
    if (maybeRepo === undefined) return { kind: 'freeze_off', repo: null };
    return repo !== null && more.length === 0 ? { kind: 'freeze_off', repo } : usage({ code: 'bad_freeze' });
  }
  if (mode?.toLowerCase() !== 'on') return usage({ code: 'bad_freeze' });
  const reason = joinWords(repo === null ? rest.slice(1) : more, FREEZE_REASON_MAX);
  return { kind: 'freeze_on', repo, reason };
}

/**
 * Free text as typed (single spaces), cut to `max` without leaving a lone high surrogate at the
 * cut; the renderers escape it wherever it is shown.
 */
function joinWords(words: readonly string[], max: number): string {
  return words
    .join(' ')
    .slice(0, max)
    .replace(/[\uD800-\uDBFF]$/, '');
}

/** Longest incident text or acknowledgement reason kept (shown in the report). */
export const RISK_TEXT_MAX = 500;

/** `$1,200`, `1200`, `1200.50`: dollars, at most a billion. */
const DOLLARS = /^\$?((?:\d{1,3}(?:,\d{3})+|\d{1,10})(?:\.\d{1,2})?)$/;
const HARM_REF = /^([a-z0-9][a-z0-9_-]{0,63})(?:\.([a-z0-9][a-z0-9_-]{0,63}))?$/;

function keptText(words: readonly string[]): string {
  return joinWords(words, RISK_TEXT_MAX).trim();
}

/** `risk` (the report) or `risk ack <reason…>` (lift the step-down; a reason is required). */
function parseRisk(rest: readonly string[]): SlashCommand {
  const [sub, ...words] = rest;
  if (sub === undefined) return { kind: 'risk' };
  if (sub.toLowerCase() !== 'ack') return usage({ code: 'bad_risk' });
  const reason = keptText(words);
  return reason === '' ? usage({ code: 'bad_risk' }) : { kind: 'risk_ack', reason };
}

/** Parses a dollar amount as typed (`$1,200.50`); null when it is not one. */
export function parseDollars(word: string): number | null {
  const match = DOLLARS.exec(word);
  if (match === null) return null;
  const amount = Number((match[1] ?? '').replaceAll(',', ''));
  return Number.isFinite(amount) && amount <= 1e9 ? amount : null;
}

/** `incident <component>[.<mode>] <damage> <text…>`; the component is checked against the config later. */
function parseIncident(rest: readonly string[]): SlashCommand {
  const [ref, amount, ...words] = rest;
  const target = ref === undefined ? null : HARM_REF.exec(ref.toLowerCase());
  const damage = amount === undefined ? null : parseDollars(amount);
  const text = keptText(words);
  if (target === null || damage === null || text === '') return usage({ code: 'bad_incident' });
  return { kind: 'incident', component: target[1] ?? '', mode: target[2] ?? null, damage, text };
}

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
  | { readonly kind: 'help' }
  | { readonly kind: 'usage'; readonly problem: UsageProblem };

/** Why the line was not understood; the answer shows the usage text with one sentence about it. */
export type UsageProblem =
  | { readonly code: 'empty' }
  | { readonly code: 'unknown_subcommand' }
  | { readonly code: 'missing_target'; readonly subcommand: 'why' | 'cancel' }
  | { readonly code: 'bad_target' }
  | { readonly code: 'bad_freeze' }
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
      return { kind: 'risk' };
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
  const words = repo === null ? rest.slice(1) : more;
  // Keep the reason as typed (single spaces); the renderers escape it wherever it is shown.
  const reason = words
    .join(' ')
    .slice(0, FREEZE_REASON_MAX)
    .replace(/[\uD800-\uDBFF]$/, '');
  return { kind: 'freeze_on', repo, reason };
}

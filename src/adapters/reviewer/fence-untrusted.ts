/** Opens a block of untrusted data in a prompt. The character never survives in the data itself. */
export const FENCE_OPEN = '\u27E6';
/** Closes the label of a fence: `⟦untrusted pr_title⟧ … ⟦/untrusted pr_title⟧`. */
export const FENCE_CLOSE = '\u27E7';

/** The fence brackets and their look-alike (white square brackets): shown as plain `[` `]`. */
const BRACKETS = /[\u27E6\u301A]|[\u27E7\u301B]/g;
/**
 * Invisible characters an attacker hides instructions in or forges a fence with: format
 * characters (zero-width, bidi overrides and isolates, Unicode tags), controls other than tab and
 * line breaks, and variation selectors ("emoji smuggling"). Made visible as `[U+XXXX]`.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this finds.
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Variation_Selector}/gu;

/**
 * Makes untrusted text safe to put between fences: no fence bracket can occur in it, so the data
 * cannot close its fence and open text of its own, and nothing invisible reaches the model.
 * (No delimiter makes a model immune to persuasion — OWASP LLM01 — which is why the reviewer is
 * advisory only; this makes the boundary unambiguous, and testable.)
 */
export function neutralizeUntrusted(text: string): string {
  return text
    .replace(BRACKETS, (c) => (c === '\u27E6' || c === '\u301A' ? '[' : ']'))
    .replace(INVISIBLE, (c) => `[U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** `text`, neutralized, between the fences named `label` (our own words: lowercase, no brackets). */
export function fenceUntrusted(label: string, text: string): string {
  return `${FENCE_OPEN}untrusted ${label}${FENCE_CLOSE}\n${neutralizeUntrusted(text)}\n${FENCE_OPEN}/untrusted ${label}${FENCE_CLOSE}`;
}

import type { JsonObject } from './types.ts';

/** What a test types into a modal: by `block_id`, then `action_id`; a string fills a text input. */
export type ViewInputValues = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/**
 * Builds `view.state.values` for a `view_submission`, as Slack does: one entry per input block's
 * element, `{type, value}` for text inputs (value `null` when left empty), or the given value object
 * (e.g. `{ selected_option: … }`) for other elements.
 */
export function toViewStateValues(blocks: unknown, values: ViewInputValues = {}): JsonObject {
  const state: JsonObject = {};
  if (!Array.isArray(blocks)) return state;
  for (const item of blocks) {
    const block = item as { type?: unknown; block_id?: unknown; element?: { type?: unknown; action_id?: unknown } };
    if (block?.type !== 'input' || typeof block.block_id !== 'string') continue;
    const element = block.element;
    if (typeof element?.action_id !== 'string') continue;
    const given = values[block.block_id]?.[element.action_id];
    const entry =
      typeof given === 'object' && given !== null
        ? { type: element.type, ...given }
        : { type: element.type, value: given ?? null };
    state[block.block_id] = { [element.action_id]: entry };
  }
  return state;
}

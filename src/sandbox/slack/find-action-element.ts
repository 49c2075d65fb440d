/** An interactive element found in a block list, with the `block_id` of the block holding it. */
export interface FoundElement {
  readonly blockId: string;
  readonly element: Readonly<Record<string, unknown>>;
}

const asRecord = (value: unknown): Readonly<Record<string, unknown>> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

function elementsOf(block: Readonly<Record<string, unknown>>): unknown[] {
  const elements = Array.isArray(block.elements) ? block.elements : [];
  return [...elements, block.accessory, block.element].filter((item) => item !== undefined);
}

/**
 * Finds the element a user clicks: in an `actions` block, a section's `accessory` or an input's
 * `element`, by `action_id` (and `block_id` when two blocks reuse an action id).
 */
export function findActionElement(blocks: unknown, actionId: string, blockId?: string): FoundElement | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const item of blocks) {
    const block = asRecord(item);
    if (block === undefined || typeof block.block_id !== 'string') continue;
    if (blockId !== undefined && block.block_id !== blockId) continue;
    for (const candidate of elementsOf(block)) {
      const element = asRecord(candidate);
      if (element?.action_id === actionId) return { blockId: block.block_id, element };
    }
  }
  return undefined;
}

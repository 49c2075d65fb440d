import { randomId } from './random-id.ts';

/** Slack gives every stored block a `block_id` (a random one when the app sent none); payloads echo it back. */
export function assignBlockIds(blocks: readonly unknown[]): unknown[] {
  return blocks.map((block) => {
    if (typeof block !== 'object' || block === null || 'block_id' in block) return block;
    return { ...block, block_id: randomId('', 5, false) };
  });
}

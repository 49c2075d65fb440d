/** A Block Kit object read defensively: the page shows whatever the bot posted, valid or not. */
export type BlockObject = Readonly<Record<string, unknown>>;

/** `value` as an object, or undefined. */
export function asObject(value: unknown): BlockObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as BlockObject) : undefined;
}

/** `value` as a list of objects (non-objects dropped). */
export function asObjects(value: unknown): BlockObject[] {
  return Array.isArray(value) ? value.map(asObject).filter((item): item is BlockObject => item !== undefined) : [];
}

/** `value` as a string, or `fallback`. */
export function asString(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

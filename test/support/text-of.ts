/** Every string in a message's text and blocks, so tests can read a card like a person does. */
export function textOf(message: { readonly text?: string; readonly blocks?: unknown } | undefined): string {
  if (message === undefined) return '';
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') parts.push(value);
        else walk(value);
      }
    }
  };
  walk(message.blocks);
  return `${message.text ?? ''}\n${parts.join('\n')}`;
}

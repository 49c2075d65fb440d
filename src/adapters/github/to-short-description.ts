/** GitHub refuses commit and deployment status descriptions over 140 characters with a 422. */
export const MAX_STATUS_DESCRIPTION = 140;

/** `text` cut to fit a status description, ending in `…` when cut. */
export function toShortDescription(text: string, max = MAX_STATUS_DESCRIPTION): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

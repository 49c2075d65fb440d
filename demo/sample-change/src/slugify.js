const MAX_LENGTH = 64;

/**
 * Turns any text into a URL slug: lower-case ASCII letters and digits joined by single dashes.
 * A slug longer than `maxLength` is cut at a word boundary, so no word is left half.
 */
export function slugify(text, { maxLength = MAX_LENGTH } = {}) {
  const ascii = String(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const words = ascii.split(/[^a-z0-9]+/).filter((word) => word !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength) return slug === '' ? word.slice(0, maxLength) : slug;
    slug = next;
  }
  return slug;
}

const MAX_LENGTH = 64;

/** Turns any text into a URL slug: lower-case ASCII letters and digits joined by single dashes. */
export function slugify(text) {
  const ascii = String(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const words = ascii.split(/[^a-z0-9]+/).filter((word) => word !== '');
  return words.join('-').slice(0, MAX_LENGTH).replace(/-+$/, '');
}

import { slugify } from '../src/slugify.js';

export const tests = {
  'lower-cases and joins words': (eq) => eq(slugify('Hello World'), 'hello-world'),
  'drops accents': (eq) => eq(slugify('Crème brûlée'), 'creme-brulee'),
  'collapses punctuation': (eq) => eq(slugify('  a -- b!! c  '), 'a-b-c'),
  'keeps digits': (eq) => eq(slugify('Release 2.0'), 'release-2-0'),
  'empty stays empty': (eq) => eq(slugify('!!!'), ''),
  'caps the length': (eq) => eq(slugify('x'.repeat(100)).length, 64),
  'cuts at a word boundary': (eq) => eq(slugify('alpha beta gamma', { maxLength: 12 }), 'alpha-beta'),
  'a single long word is still cut': (eq) => eq(slugify('abcdefghij', { maxLength: 4 }), 'abcd'),
};

import { isCommentLine } from './is-comment-line.ts';
import { isDocPath } from './is-doc-path.ts';
import type { ScanRule } from './scan-rule.ts';

const CHMOD = /\bchmod\s{1,5}(?:-[A-Za-z]{1,5}\s{1,5}){0,3}([0-7]{3,4}|[ugoa]{0,4}[+=][rwxXst]{1,6})(?![\w+=])/;
/** An octal mode in code (0o777, 0777) next to a call that sets permissions. */
const OCTAL = /(?<![\w.])0o?([0-7]{3})(?![\w.])/g;
const SETS_MODE =
  /\b(?:chmod|chmodSync|fchmod|lchmod|mkdir|mkdirSync|makedirs|mkdirp|mode|umask|open|openSync|writeFile|writeFileSync|copyfile|Chmod|MkdirAll|WriteFile|OpenFile)\b/;

/** True when an octal mode grants write to "others" (the last digit has the 2 bit). */
function othersWrite(octal: string): boolean {
  const last = Number(octal.at(-1));
  return (last & 2) === 2;
}

/** True when a symbolic chmod mode adds write for others (o, a, or no "who" at all). */
function symbolicOthersWrite(mode: string): boolean {
  const [who = '', perms = ''] = mode.split(/[+=]/);
  return perms.includes('w') && (who === '' || who.includes('o') || who.includes('a'));
}

/**
 * World-writable files and directories: `chmod 777`, `chmod o+w`, `os.chmod(p, 0o777)`,
 * `fs.mkdirSync(p, { mode: 0o777 })`, `umask(0)`. Any process or user on the host can then
 * replace code or data.
 */
export const PERMISSION_RULES: ScanRule[] = [
  {
    id: 'SL-PERM-WORLD',
    severity: 'medium',
    title: 'world-writable permissions',
    description:
      'A file or directory is made writable by every user on the host (777, 666, o+w, umask 0). Grant write to the owner or group only (755, 644, 640).',
    test: (text, path) => {
      if (isDocPath(path) || isCommentLine(text)) return null;
      const chmod = CHMOD.exec(text)?.[1];
      if (chmod !== undefined && (/^\d+$/.test(chmod) ? othersWrite(chmod) : symbolicOthersWrite(chmod)))
        return `world-writable permissions (chmod ${chmod})`;
      if (/\bumask\s{0,5}\(?\s{0,5}0+(?:o0+)?\s{0,5}\)?(?![\w])/.test(text))
        return 'world-writable permissions (umask 0)';
      if (!SETS_MODE.test(text)) return null;
      const octal = [...text.matchAll(OCTAL)].slice(0, 20).find((m) => othersWrite(m[1] ?? ''))?.[1];
      return octal === undefined ? null : `world-writable permissions (mode 0o${octal})`;
    },
  },
];

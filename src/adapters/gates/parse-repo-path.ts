/** Longest path kept; anything longer is not a path a human would want on a card. */
const MAX_PATH_CHARS = 1_000;

/**
 * Turns a location written by a tool running the PR's code (a SARIF `artifactLocation.uri`, a
 * diff header path) into a repository-relative path with `/` separators, or `''` when it cannot
 * be placed safely inside the repository: another URI scheme, a `..` that climbs out of the root,
 * an absolute path outside every known `roots` entry, control characters. Never throws.
 *
 * `roots` are absolute workspace directories (plain paths or `file://` URIs) stripped from
 * absolute paths, so `file:///tmp/ws/src/a.ts` with root `/tmp/ws` becomes `src/a.ts`.
 */
export function parseRepoPath(raw: string, roots: readonly string[] = []): string {
  if (raw.length === 0 || raw.length > MAX_PATH_CHARS * 4) return '';
  const path = toSlashPath(raw);
  if (path === null) return '';
  if (!path.startsWith('/')) return clean(path);
  for (const root of roots) {
    const base = toSlashPath(root);
    if (base === null || !base.startsWith('/')) continue;
    const prefix = base.endsWith('/') ? base : `${base}/`;
    if (path.startsWith(prefix)) return clean(path.slice(prefix.length));
  }
  return '';
}

/** `file:` URIs, percent-escapes, drive letters and backslashes reduced to one slash path. */
function toSlashPath(raw: string): string | null {
  let path = raw.trim().replaceAll('\\', '/');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]{0,20}):/.exec(path);
  if (scheme !== null && scheme[1] !== undefined && scheme[1].length > 1) {
    if (scheme[1].toLowerCase() !== 'file') return null;
    const decoded = decodePercent(path.slice(5).replace(/^\/\/(?:localhost)?(?=\/)/i, ''));
    if (decoded === null) return null;
    path = decoded;
  }
  // Windows drive letters (C:/work/repo) become absolute so they meet the roots check.
  const drive = /^\/?[A-Za-z]:\//.exec(path);
  if (drive !== null) path = `/${path.slice(drive[0].length)}`;
  return path;
}

function decodePercent(path: string): string | null {
  try {
    return decodeURIComponent(path).replaceAll('\\', '/');
  } catch {
    return null;
  }
}

/** Resolves `.` and `..`; a `..` above the root or a control character makes the path unknown. */
function clean(path: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse.
  if (/[\u0000-\u001f\u007f]/.test(path)) return '';
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.pop() === undefined) return '';
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return joined.length > MAX_PATH_CHARS ? '' : joined;
}

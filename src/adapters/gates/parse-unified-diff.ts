import { parseDiffPath } from './parse-diff-path.ts';
import { parseRepoPath } from './parse-repo-path.ts';

/** One line the change adds, numbered as in the new file (1-based). */
export interface AddedLine {
  readonly line: number;
  readonly text: string;
}

/** A file that exists after the change, with the lines the change adds to it. */
export interface DiffFile {
  /** Repository-relative path in the new tree; `''` when it cannot be placed safely. */
  readonly path: string;
  readonly added: AddedLine[];
}

/** Only this much of a diff is read (whole lines); the lead's runner should refuse bigger ones. */
export const MAX_DIFF_CHARS = 30_000_000;
/** Most files returned. */
export const MAX_DIFF_FILES = 10_000;
/** Most added lines returned, over all files. */
export const MAX_DIFF_ADDED_LINES = 1_000_000;

interface OpenFile {
  path: string;
  deleted: boolean;
  sawHunk: boolean;
  readonly added: AddedLine[];
}
interface Hunk {
  oldLeft: number;
  newLeft: number;
  next: number;
}
interface State {
  readonly files: OpenFile[];
  file: OpenFile | undefined;
  hunk: Hunk | undefined;
  addedTotal: number;
}

const HUNK_HEADER = /^@@ -(\d{1,9})(?:,(\d{1,9}))? \+(\d{1,9})(?:,(\d{1,9}))? @@/;

/**
 * Parses git's unified diff (`git diff`, the GitHub `.diff` media type) into the files of the new
 * tree and the lines each gains. Handles renames and copies, new and deleted files (deleted ones are
 * left out: nothing is added to them), `/dev/null`, binary files (no lines), `\ No newline at end
 * of file` and C-quoted paths. Hunk line counts decide where a hunk ends, so an added line that
 * starts with `++` is never mistaken for a header. Malformed lines are skipped. Never throws.
 */
export function parseUnifiedDiff(text: string): DiffFile[] {
  const state: State = { files: [], file: undefined, hunk: undefined, addedTotal: 0 };
  const body = text.length > MAX_DIFF_CHARS ? text.slice(0, text.lastIndexOf('\n', MAX_DIFF_CHARS) + 1) : text;
  for (const raw of body.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (state.hunk !== undefined && hunkLine(state, state.hunk, line)) continue;
    state.hunk = undefined;
    headerLine(state, line);
    if (state.files.length > MAX_DIFF_FILES) break;
  }
  return state.files
    .slice(0, MAX_DIFF_FILES)
    .filter((f) => !f.deleted)
    .map((f) => ({ path: parseRepoPath(f.path), added: f.added }));
}

/** True when the line belongs to the current hunk. */
function hunkLine(state: State, hunk: Hunk, line: string): boolean {
  const c = line[0];
  if (c === '\\') return true;
  if (hunk.oldLeft <= 0 && hunk.newLeft <= 0) return false;
  if (c === '+' && hunk.newLeft > 0) {
    if (state.addedTotal < MAX_DIFF_ADDED_LINES) state.file?.added.push({ line: hunk.next, text: line.slice(1) });
    state.addedTotal += 1;
    hunk.next += 1;
    hunk.newLeft -= 1;
    return true;
  }
  if (c === '-' && hunk.oldLeft > 0) {
    hunk.oldLeft -= 1;
    return true;
  }
  // Some tools strip the space from empty context lines, so "" is context too.
  if ((c === ' ' || c === undefined) && hunk.oldLeft > 0 && hunk.newLeft > 0) {
    hunk.next += 1;
    hunk.oldLeft -= 1;
    hunk.newLeft -= 1;
    return true;
  }
  return false;
}

function headerLine(state: State, line: string): void {
  if (line.startsWith('diff --git ')) {
    open(state, gitHeaderPath(line.slice(11)));
  } else if (line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
    // Merge diffs use `@@@` hunks, which are not read: the file is listed with no lines.
    open(state, line.slice(line.indexOf(' ', 5) + 1));
  } else if (line.startsWith('+++ ')) {
    if (state.file === undefined || state.file.sawHunk) open(state, '');
    setNewPath(state.file, line.slice(4));
  } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
    const parsed = parseDiffPath(line, line.indexOf(' to ') + 4);
    if (state.file !== undefined && parsed !== undefined) state.file.path = parsed.path;
  } else if (
    line.startsWith('deleted file mode') ||
    (line.startsWith('Binary files ') && line.endsWith(' and /dev/null differ'))
  ) {
    if (state.file !== undefined) state.file.deleted = true;
  } else if (line.startsWith('@@ ')) {
    startHunk(state, line);
  }
}

function open(state: State, path: string): void {
  const file: OpenFile = { path, deleted: false, sawHunk: false, added: [] };
  state.files.push(file);
  state.file = file;
}

function setNewPath(file: OpenFile | undefined, rest: string): void {
  if (file === undefined) return;
  const parsed = parseDiffPath(rest);
  if (parsed === undefined) return;
  // Plain `diff -u` appends a tab and a timestamp to the name.
  const path = rest.startsWith('"') ? parsed.path : (parsed.path.split('\t', 1)[0] ?? '');
  if (path === '/dev/null') file.deleted = true;
  else file.path = path.startsWith('b/') ? path.slice(2) : path;
}

function startHunk(state: State, line: string): void {
  const m = HUNK_HEADER.exec(line);
  if (m === null || state.file === undefined) return;
  state.file.sawHunk = true;
  state.hunk = {
    oldLeft: m[2] === undefined ? 1 : Number(m[2]),
    newLeft: m[4] === undefined ? 1 : Number(m[4]),
    next: Number(m[3]),
  };
}

/**
 * The new-side path from `a/x b/y` (or `"a/x" "b/y"`), used when no `+++` line follows (binary
 * files, mode changes, pure renames). Unquoted names with spaces are ambiguous; when both sides
 * are equal the middle split is exact, otherwise the last ` b/` is taken.
 */
function gitHeaderPath(rest: string): string {
  if (rest.startsWith('"')) {
    const a = parseDiffPath(rest);
    const b = a === undefined ? undefined : parseDiffPath(rest, a.end + 1);
    return stripPrefix(b?.path ?? '');
  }
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest[half] === ' ') {
    const [left, right] = [rest.slice(0, half), rest.slice(half + 1)];
    if (left.slice(2) === right.slice(2)) return stripPrefix(right);
  }
  const quoted = rest.indexOf(' "');
  if (quoted !== -1) return stripPrefix(parseDiffPath(rest, quoted + 1)?.path ?? '');
  const at = rest.lastIndexOf(' b/');
  return at === -1 ? '' : rest.slice(at + 3);
}

function stripPrefix(path: string): string {
  return path.startsWith('b/') ? path.slice(2) : path;
}

const URL_SCHEMES = new Set(['https:', 'http:', 'file:', 'ssh:']);
/** `user@host:path`, the scp-like syntax git treats as ssh. */
const SCP_LIKE = /^[A-Za-z0-9._-]+@[A-Za-z0-9][A-Za-z0-9.-]*:[^\s]+$/;
/** Whitespace or control characters: nothing a real clone URL contains, everything an injection needs. */
const UNSAFE_CHARS = /[\s\p{Cc}]/u;

function refuse(url: string, why: string): never {
  throw new Error(`shiplock_workspace_invalid_url: ${why}: ${JSON.stringify(url.slice(0, 200))}`);
}

/**
 * Accepts an http(s), file, ssh or scp-style clone URL and refuses everything else. A URL that
 * starts with `-` would be read by git as an option (`--upload-pack=…` runs any command), and
 * `ssh://-oProxyCommand=…` did the same through ssh (CVE-2017-1000117); `ext::` runs commands by
 * design. Credentials inside the URL are refused so they cannot land in `.git/FETCH_HEAD`: tokens
 * go through `CheckoutRequest.token`.
 */
export function parseCloneUrl(url: string): string {
  if (url.startsWith('-')) refuse(url, 'a URL may not start with "-"');
  if (UNSAFE_CHARS.test(url)) refuse(url, 'whitespace or control characters');
  if (SCP_LIKE.test(url)) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse(url, 'not a URL');
  }
  if (!URL_SCHEMES.has(parsed.protocol)) refuse(url, `scheme ${parsed.protocol} is not allowed`);
  if (parsed.hostname.startsWith('-')) refuse(url, 'a host may not start with "-"');
  if (parsed.password !== '') refuse(url, 'credentials belong in the token, not the URL');
  if (parsed.protocol !== 'ssh:' && parsed.username !== '') refuse(url, 'credentials belong in the token, not the URL');
  return url;
}

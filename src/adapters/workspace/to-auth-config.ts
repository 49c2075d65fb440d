/**
 * The config entry that authenticates an https fetch with a GitHub token, the way
 * `actions/checkout` does (`AUTHORIZATION: basic base64(x-access-token:<token>)`). It is handed to
 * git through the environment of one command (see `toGitEnv`), so it never reaches `.git/config`,
 * argv or any other file. The header is scoped to the clone URL's origin (`http.<url>.*`), so it
 * is not sent to any other host. Other schemes get nothing: a token means nothing to `file://`
 * or ssh. https://git-scm.com/docs/git-config#Documentation/git-config.txt-httpltURLgt
 */
export function toAuthConfig(cloneUrl: string, token: string | undefined): Record<string, string> {
  if (token === undefined || token === '') return {};
  const url = URL.canParse(cloneUrl) ? new URL(cloneUrl) : undefined;
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) return {};
  return { [`http.${url.origin}/.extraHeader`]: `AUTHORIZATION: basic ${toBasicCredential(token)}` };
}

/** `base64(x-access-token:<token>)`, also used to redact the credential from git's messages. */
export function toBasicCredential(token: string): string {
  return Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64');
}

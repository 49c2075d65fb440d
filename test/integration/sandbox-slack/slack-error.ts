/** Awaits a Web API call expected to fail and returns Slack's error code (`data.error`). */
export async function slackError(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    const code = (error as { data?: { error?: unknown } }).data?.error;
    if (typeof code === 'string') return code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

import { startBrowserView } from '../sandbox/browser-view/index.ts';
import type { Transcript } from './create-transcript.ts';
import { DEMO_CHANNEL, DEMO_PEOPLE, type DemoWorld } from './start-demo-world.ts';

/** `--interactive`: the browser view of the Slack stand-in, where people click instead of the script. */
export async function showBrowserView(
  world: DemoWorld,
  t: Transcript,
  onCleanup: (step: () => Promise<unknown>) => void,
): Promise<void> {
  const view = await startBrowserView({ slack: world.slack, appUrl: `${world.bot.url}/slack/events` });
  onCleanup(() => view.close());
  t.line(`browser view: open ${view.url}?channel=${DEMO_CHANNEL}&user=${DEMO_PEOPLE.bob.slack}`);
  t.line('  when the card shows Approve: click it acting as Bob, then as Carol (Alice, the author, is refused);');
  t.line('  Cancel during the time lock stops the rollout. The demo waits for you (up to 30 minutes).');
}

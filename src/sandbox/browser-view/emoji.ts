/** The shortcodes shiplock writes, and a few common ones, as characters (no image fetches: no network). */
const EMOJI: Readonly<Record<string, string>> = {
  arrow_forward: '▶️',
  bar_chart: '📊',
  bell: '🔔',
  black_square_for_stop: '⏹️',
  building_construction: '🏗️',
  eyes: '👀',
  fast_forward: '⏩',
  hatching_chick: '🐣',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  large_green_circle: '🟢',
  large_yellow_circle: '🟡',
  lock: '🔒',
  mag: '🔍',
  no_entry: '⛔',
  pause_button: '⏸️',
  raised_hand: '✋',
  red_circle: '🔴',
  rewind: '⏪',
  rocket: '🚀',
  rotating_light: '🚨',
  snowflake: '❄️',
  speech_balloon: '💬',
  tada: '🎉',
  test_tube: '🧪',
  thumbsup: '👍',
  unlock: '🔓',
  warning: '⚠️',
  white_check_mark: '✅',
  white_circle: '⚪',
  x: '❌',
};

/** Replaces known `:shortcode:`s with their character; unknown ones stay as typed, like Slack's fallback. */
export function replaceEmoji(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);
}

/**
 * The browser view (sandbox only, issue 8): the Slack stand-in's workspace shown as a person sees it
 * in Slack, on loopback, with buttons that deliver signed interactions to the bot.
 */
export { type BrowserView, type BrowserViewOptions, startBrowserView } from './start-browser-view.ts';

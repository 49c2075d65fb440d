/** The page's CSS: a Slack-like layout, no web fonts or images (the page makes no outside request). */
export const PAGE_STYLE = `
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.46 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1d1c1d; display: flex; height: 100vh; }
aside { width: 240px; background: #3f0e40; color: #fff; padding: 12px; display: flex; flex-direction: column; gap: 12px; overflow-y: auto; }
aside h1 { font-size: 18px; margin: 0; }
aside label { font-size: 13px; opacity: .85; display: flex; flex-direction: column; gap: 4px; }
aside select { font-size: 14px; padding: 4px; }
.note { font-size: 12px; opacity: .7; }
#channels { list-style: none; margin: 0; padding: 0; }
#channels button { all: unset; cursor: pointer; display: block; width: 100%; padding: 3px 8px; border-radius: 6px; color: #cfc3cf; }
#channels button.current { background: #1164a3; color: #fff; }
main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
main > header { border-bottom: 1px solid #ddd; padding: 10px 20px; font-weight: 700; font-size: 17px; }
#messages { flex: 1; overflow-y: auto; padding: 8px 20px 24px; }
#status { padding: 6px 20px; font-size: 13px; color: #616061; border-top: 1px solid #eee; min-height: 30px; }
.message { padding: 8px 0; border-bottom: 1px solid #f3f3f3; }
.message.ephemeral { background: #f8f8f8; border-left: 3px solid #1264a3; padding-left: 10px; }
.meta { display: flex; gap: 8px; align-items: baseline; }
.author { font-weight: 800; }
.tag { font-size: 10px; background: #e8e8e8; color: #616061; padding: 0 4px; border-radius: 2px; font-weight: 700; }
.only-you, .edited, .msg-time { color: #616061; font-size: 12px; }
.block { margin: 4px 0; max-width: 720px; }
.header { font-size: 18px; margin: 6px 0; }
.section { display: flex; gap: 12px; }
.section-body { flex: 1; }
.fields { display: grid; grid-template-columns: 1fr 1fr; gap: 6px 16px; margin-top: 4px; }
.context { color: #616061; font-size: 13px; display: flex; flex-wrap: wrap; gap: 12px; }
.divider { border: 0; border-top: 1px solid #ddd; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; }
.btn { font: inherit; font-size: 14px; font-weight: 700; border: 1px solid #bbb; background: #fff; color: #1d1c1d; border-radius: 4px; padding: 4px 12px; cursor: pointer; }
.btn.primary { background: #007a5a; border-color: #007a5a; color: #fff; }
.btn.danger { background: #e01e5a; border-color: #e01e5a; color: #fff; }
.btn.danger.slack-button { background: #fff; color: #e01e5a; border-color: #e01e5a; }
.btn:disabled { opacity: .5; }
.button-url { font-size: 12px; margin-left: 6px; }
code { background: #f6f6f6; border: 1px solid #ddd; border-radius: 3px; padding: 0 3px; color: #e01e5a; font-size: 13px; }
pre { background: #f8f8f8; border: 1px solid #ddd; border-radius: 4px; padding: 8px; font-size: 13px; overflow-x: auto; margin: 4px 0; }
.quote { border-left: 4px solid #ddd; padding-left: 8px; display: inline-block; }
.mention { background: #e8f5fa; color: #1264a3; border-radius: 3px; padding: 0 2px; }
.link { color: #1264a3; text-decoration: underline; }
.countdown { margin-left: 6px; background: #fff4d6; border-radius: 3px; padding: 0 4px; font-weight: 700; }
.thread summary { color: #1264a3; font-weight: 700; font-size: 13px; cursor: pointer; margin-top: 4px; }
.thread { margin-left: 16px; }
.thread .message { border-bottom: 0; border-left: 2px solid #eee; padding-left: 10px; }
.unsupported, .image { color: #616061; font-style: italic; }
.empty { color: #616061; padding: 20px 0; }
.overlay { position: fixed; inset: 0; background: rgba(0,0,0,.45); display: flex; align-items: center; justify-content: center; }
.overlay[hidden] { display: none; }
.dialog, .modal-card { background: #fff; border-radius: 8px; padding: 20px; width: 460px; max-width: 90vw; box-shadow: 0 8px 32px rgba(0,0,0,.3); }
.confirm-buttons, .modal-buttons { display: flex; justify-content: flex-end; gap: 8px; margin-top: 16px; }
.input-block { display: flex; flex-direction: column; gap: 4px; }
.input-label { font-weight: 700; }
.view-input { font: inherit; padding: 6px; border: 1px solid #bbb; border-radius: 4px; width: 100%; }
.hint, .optional { color: #616061; font-size: 13px; font-weight: 400; }
.input-error { color: #e01e5a; font-size: 13px; }
`;

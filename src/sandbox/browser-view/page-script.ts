/**
 * The page's only script: polls `/api/state`, swaps in the server-rendered (escaped) HTML, keeps
 * open threads open, turns date tokens into local times and countdowns, shows confirm dialogs and
 * modals, and posts clicks. Strings it makes itself go through `textContent`, never `innerHTML`.
 */
export const PAGE_SCRIPT = String.raw`
'use strict';
const POLL_MS = 500;
const params = new URLSearchParams(location.search);
const state = { user: params.get('user') || '', channel: params.get('channel') || '', html: null, modalKey: null, open: new Set(), users: '', channels: '' };
const $ = (id) => document.getElementById(id);
const pad = (n) => String(n).padStart(2, '0');

function ordinal(n) { const s = ['th', 'st', 'nd', 'rd'], v = n % 100; return n + (s[(v - 20) % 10] || s[v] || s[0]); }
function dayWord(date) {
  const start = (d) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((start(date) - start(new Date())) / 86400000);
  return days === 0 ? 'Today' : days === -1 ? 'Yesterday' : days === 1 ? 'Tomorrow' : null;
}
function formatDate(date, token) {
  const month = date.toLocaleString(undefined, { month: 'long' });
  const short = date.toLocaleString(undefined, { month: 'short' });
  const weekday = date.toLocaleString(undefined, { weekday: 'long' });
  const base = {
    date_num: date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()),
    date: month + ' ' + ordinal(date.getDate()) + ', ' + date.getFullYear(),
    date_short: short + ' ' + date.getDate() + ', ' + date.getFullYear(),
    date_long: weekday + ', ' + month + ' ' + ordinal(date.getDate()) + ', ' + date.getFullYear(),
    time: date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' }),
    time_secs: date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' }),
    ago: agoText(date.getTime() - Date.now()),
  };
  const pretty = token.endsWith('_pretty') ? dayWord(date) : null;
  return pretty || base[token.replace(/_pretty$/, '')] || null;
}
function span(ms) {
  const s = Math.max(0, Math.round(Math.abs(ms) / 1000));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  return (h > 0 ? h + 'h ' : '') + (h > 0 || m > 0 ? m + 'm ' : '') + sec + 's';
}
function agoText(ms) { return ms >= 0 ? 'in ' + span(ms) : span(ms) + ' ago'; }

/** Slack date tokens: the reader's local time; a future one also counts down, every second. */
function renderTimes() {
  for (const el of document.querySelectorAll('time.slack-date')) {
    const date = new Date(Number(el.dataset.epoch) * 1000);
    const fallback = el.dataset.fallback || el.textContent;
    el.dataset.fallback = fallback;
    const text = (el.dataset.format || '').replace(/\{(\w+)\}/g, (whole, token) => formatDate(date, token) || whole);
    el.textContent = /\{\w+\}/.test(text) || text === '' ? fallback : text;
    el.title = fallback;
    const left = date.getTime() - Date.now();
    if (left > 0) {
      const countdown = document.createElement('span');
      countdown.className = 'countdown';
      countdown.textContent = 'in ' + span(left);
      el.appendChild(countdown);
    }
  }
  for (const el of document.querySelectorAll('time.msg-time')) {
    el.textContent = new Date(Number(el.dataset.epoch) * 1000).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  }
}

function say(text) { $('status').textContent = text; }

function fillPickers(data) {
  const users = JSON.stringify(data.users);
  if (users !== state.users) {
    state.users = users;
    const select = $('user');
    select.replaceChildren(...data.users.map((u) => { const o = document.createElement('option'); o.value = u.id; o.textContent = u.name + ' (' + u.id + ')'; return o; }));
  }
  $('user').value = data.user;
  const channels = JSON.stringify(data.channels) + data.channel;
  if (channels !== state.channels) {
    state.channels = channels;
    $('channels').replaceChildren(...data.channels.map((c) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.channel = c.id;
      b.className = c.id === data.channel ? 'current' : '';
      b.textContent = (c.name.startsWith('@') ? '' : '# ') + c.name;
      li.appendChild(b);
      return li;
    }));
    const current = data.channels.find((c) => c.id === data.channel);
    $('channel-name').textContent = current ? (current.name.startsWith('@') ? '' : '# ') + current.name : '';
  }
}

function showModal(modal) {
  const key = modal ? modal.key : null;
  if (key === state.modalKey) return;
  state.modalKey = key;
  $('modal').hidden = modal === null;
  $('modal').innerHTML = modal ? modal.html : '';
  renderTimes();
}

async function refresh() {
  const asked = { user: state.user, channel: state.channel };
  const response = await fetch('/api/state?' + new URLSearchParams(asked), { cache: 'no-store' });
  const data = await response.json();
  // An answer for a user or channel picked away from while it was on its way is stale.
  if (state.user !== asked.user || state.channel !== asked.channel) return;
  state.user = data.user;
  state.channel = data.channel;
  fillPickers(data);
  if (data.html !== state.html) {
    const box = $('messages');
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
    state.html = data.html;
    box.innerHTML = data.html;
    for (const d of box.querySelectorAll('details.thread')) d.open = state.open.has(d.dataset.thread);
    if (atBottom) box.scrollTop = box.scrollHeight;
  }
  showModal(data.modal);
  renderTimes();
  document.body.dataset.user = data.user;
  document.body.dataset.channel = data.channel;
}

async function poll() {
  try { await refresh(); } catch (error) { say('Cannot reach the browser view: ' + error.message); }
  setTimeout(poll, POLL_MS);
}

async function send(body) {
  const response = await fetch('/api/interaction', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error || 'HTTP ' + response.status);
  return answer;
}

async function click(button) {
  const place = button.closest('[data-view-id], .message');
  const body = { kind: 'click', user: state.user, actionId: button.dataset.actionId, blockId: button.dataset.blockId };
  if (place.dataset.viewId) body.viewId = place.dataset.viewId;
  else Object.assign(body, { channel: place.dataset.channel, messageTs: place.dataset.ts, ephemeral: place.dataset.ephemeral === 'true' });
  say('Clicking ' + button.textContent.trim() + ' as ' + state.user + '…');
  try {
    const answer = await send(body);
    say('Clicked ' + button.textContent.trim() + ' as ' + state.user + ': shiplock answered HTTP ' + answer.status);
  } catch (error) { say('Click failed: ' + error.message); }
  await refresh();
}

/** A button with a confirm dialog asks first, as Slack does, and clicks only on confirm. */
function confirmThen(button, template) {
  const dialog = $('confirm');
  const card = dialog.querySelector('.dialog');
  card.replaceChildren(template.content.cloneNode(true));
  dialog.hidden = false;
  card.querySelector('.confirm-ok').focus();
  card.querySelector('.confirm-ok').onclick = () => { dialog.hidden = true; click(button); };
  card.querySelector('.confirm-deny').onclick = () => { dialog.hidden = true; say('Not clicked: ' + button.textContent.trim()); };
}

async function submitModal(card) {
  const values = {};
  for (const input of card.querySelectorAll('.view-input')) {
    if (input.value === '') continue;
    values[input.dataset.blockId] = values[input.dataset.blockId] || {};
    values[input.dataset.blockId][input.dataset.actionId] = input.value;
  }
  for (const error of card.querySelectorAll('.input-error')) error.textContent = '';
  try {
    const answer = await send({ kind: 'submit', user: state.user, viewId: card.dataset.viewId, values });
    say('Submitted the modal: ' + answer.outcome);
    for (const [blockId, message] of Object.entries(answer.errors || {})) {
      const block = [...card.querySelectorAll('.input-block')].find((b) => b.dataset.blockId === blockId);
      if (block) block.querySelector('.input-error').textContent = String(message);
    }
  } catch (error) { say('Submit failed: ' + error.message); }
  await refresh();
}

document.addEventListener('click', (event) => {
  const target = event.target.closest('button');
  if (!target) return;
  if (target.dataset.channel) { state.channel = target.dataset.channel; state.html = null; refresh(); return; }
  if (target.classList.contains('slack-button')) {
    const template = target.parentElement.querySelector('template.confirm-template');
    if (template) confirmThen(target, template); else click(target);
    return;
  }
  const card = target.closest('.modal-card');
  if (card && target.classList.contains('modal-submit')) submitModal(card);
  if (card && target.classList.contains('modal-close')) {
    send({ kind: 'close', user: state.user, viewId: card.dataset.viewId }).then(refresh, (error) => say('Close failed: ' + error.message));
  }
});
document.addEventListener('toggle', (event) => {
  const d = event.target;
  if (d.matches && d.matches('details.thread')) { if (d.open) state.open.add(d.dataset.thread); else state.open.delete(d.dataset.thread); }
}, true);
$('user').addEventListener('change', (event) => { state.user = event.target.value; state.html = null; state.modalKey = undefined; refresh(); });
setInterval(renderTimes, 1000);
poll();
`;

// The web client: logs in (password, or the resume token kept from last time), shows friends and groups with
// who is online, a conversation per friend or group with its history, and keeps up with chats and events as they
// come. After every (re)connect it logs back in and syncs from its position, the way the terminal client does
// (docs/PROTOCOL.md, "Delivery"), so a dropped connection or a reload neither loses nor repeats a chat.

import { Link, ServerError } from './link.js';
import { Place, forgetSession, loadSession, saveSession } from './memory.js';
import { el, formatTime, show } from './view.js';

const $ = (id) => document.getElementById(id);
const SYNC_WINDOW = 10_000 * 4096; // 10 s of mids: chats from other nodes may arrive a little out of order
const SECOND_SYNC_MS = 5_000; // a chat that raced the login is stored within this
const REPORT_EVERY_MS = 5_000;
const HISTORY_PAGE = 30;

const state = {
  me: null, // {id, name}
  place: null, // Place: position, seen mids, unread counts
  friends: new Map(),
  groups: new Map(),
  conversations: new Map(),
  current: null, // key of the open conversation
  online: false, // logged in on the current connection
  connection: 0, // counts logins, so work for an earlier connection stops
  reported: 0,
};

class Conversation {
  constructor(key) {
    this.key = key;
    this.messages = new Map(); // mid -> chat: one entry per mid, so nothing shows twice
    this.sending = []; // chats sent and not acked yet
    this.loaded = false;
    this.exhausted = false;
    this.loading = null;
  }

  get isGroup() {
    return this.key.startsWith('g:');
  }

  get id() {
    return Number(this.key.slice(2));
  }

  mids() {
    return [...this.messages.keys()];
  }
}

const friendKey = (id) => `f:${id}`;
const groupKey = (id) => `g:${id}`;

function conversation(key) {
  let c = state.conversations.get(key);
  if (!c) {
    c = new Conversation(key);
    state.conversations.set(key, c);
  }
  return c;
}

const link = new Link({ onOpen: connected, onClose: disconnected, onPush: pushed });

// ---- connecting and logging in ----

function connected() {
  const session = loadSession();
  if (session?.token) {
    resume(session, 0);
  } else {
    status('');
    showLogin();
  }
}

function disconnected(event, retryMs) {
  const wasOnline = state.online;
  state.online = false;
  state.connection++;
  if (wasOnline || loadSession()?.token) {
    status(`Connection lost; reconnecting in ${Math.ceil(retryMs / 1000)} s…`);
  } else {
    status('Cannot reach the server; retrying…');
  }
}

async function resume(session, attempt) {
  status('Logging back in…');
  try {
    await logIn({ msgid: 1, id: session.id, token: session.token });
  } catch (e) {
    if (e instanceof ServerError && (e.errno === 2 || e.errno === 10 || e.errno === 11) && attempt < 8) {
      // Still online through the connection this page had before a reload, until the server sees it close;
      // or the server is busy. Both pass.
      setTimeout(() => link.open && resume(session, attempt + 1), 1000);
    } else if (e instanceof ServerError) {
      forgetSession();
      showLogin('Your session has ended; log in again.');
      status('');
    }
  }
}

async function logIn(request) {
  const ack = await link.request(request);
  const connection = ++state.connection;
  if (state.me?.id !== ack.id) {
    state.conversations.clear();
    state.current = null;
    state.place = new Place(ack.id);
    state.reported = state.place.position;
  }
  state.me = { id: ack.id, name: ack.name };
  state.online = true;
  saveSession({ id: ack.id, name: ack.name, token: ack.token });
  showApp();
  status('');
  await loadContacts();
  await catchUp(connection, ack.cursor);
  setTimeout(() => catchUp(connection, ack.cursor), SECOND_SYNC_MS);
  // Conversations loaded before a reconnect may have missed chats older than the sync window: reload the open one.
  if (state.current) refreshCurrent();
}

async function loadContacts() {
  const answer = await link.request({ msgid: 22 });
  state.friends = new Map((answer.friends || []).map((f) => [f.id, f]));
  state.groups = new Map((answer.groups || []).map((g) => [g.id, g]));
  renderContacts();
  renderHeader();
}

/** Syncs page by page from a little before the position (or the server's cursor, if older). */
async function catchUp(connection, cursor) {
  const place = state.place;
  let after;
  if (place.position > 0) {
    after = Math.max(0, place.position - SYNC_WINDOW);
    if (cursor !== undefined && cursor < after) after = cursor;
  } else {
    after = cursor; // a browser new to this user starts where the user's last client reported
  }
  try {
    while (connection === state.connection) {
      const request = { msgid: 24, limit: 100 };
      if (after !== undefined) request.after = after;
      const answer = await link.request(request);
      const messages = answer.messages || [];
      messages.forEach(arrived);
      if (!answer.more || messages.length === 0) break;
      after = messages[messages.length - 1].mid;
    }
  } catch (e) {
    console.warn('sync stopped:', e.message);
  }
  place.save();
}

setInterval(() => {
  const place = state.place;
  if (state.online && place && place.position > state.reported) {
    link.tell({ msgid: 26, mid: place.position });
    state.reported = place.position;
    place.save();
  }
}, REPORT_EVERY_MS);

// ---- what the server pushes ----

function pushed(m) {
  switch (m.msgid) {
    case 6:
    case 10:
      arrived(m);
      state.place.save();
      break;
    case 28: // a user made us their friend
      state.friends.set(m.friend.id, m.friend);
      note(`${m.friend.name} added you as a friend`);
      break;
    case 29: { // someone joined one of our groups
      const group = state.groups.get(m.groupid);
      if (group) {
        group.users = (group.users || []).filter((u) => u.id !== m.member.id).concat([m.member]);
      }
      break;
    }
    case 30: { // someone left one of our groups
      const group = state.groups.get(m.groupid);
      if (group) {
        group.users = (group.users || []).filter((u) => u.id !== m.id);
        for (const u of group.users) if (u.id === m.creator) u.role = 'creator';
      }
      break;
    }
    case 31: // a friend came online or went offline
      state.friends.set(m.friend.id, m.friend);
      for (const group of state.groups.values()) {
        for (const u of group.users || []) if (u.id === m.friend.id) u.state = m.friend.state;
      }
      break;
    case 32: // a friend ended the friendship
      state.friends.delete(m.id);
      note(`${m.name} removed you as a friend`);
      break;
    case 11: // the server closes the connection next (a timeout); the reconnect logs back in
      status(m.errmsg);
      return;
    default:
      return;
  }
  renderContacts();
  renderHeader();
}

/** A chat for us, live or from a sync: shown once, counted unread unless its conversation is open. */
function arrived(m) {
  const place = state.place;
  if (!place.see(m.mid)) return;
  const key = m.groupid != null ? groupKey(m.groupid) : friendKey(m.id === state.me.id ? m.toid : m.id);
  const c = conversation(key);
  // A conversation not opened yet keeps nothing: opening it reads its newest page of history.
  if (c.loaded || c.loading || key === state.current) c.messages.set(m.mid, m);
  if (m.groupid == null && m.id !== state.me.id && !state.friends.has(m.id)) place.others[m.id] = m.name;
  if (key === state.current && !document.hidden) {
    markRead(c);
    renderMessages(c);
  } else if (m.mid > (place.readUpTo[key] || 0) && m.id !== state.me.id) {
    place.unread[key] = (place.unread[key] || 0) + 1;
    renderContacts();
  }
}

function markRead(c) {
  const place = state.place;
  const newest = Math.max(0, ...c.mids());
  place.readUpTo[c.key] = Math.max(place.readUpTo[c.key] || 0, newest);
  place.unread[c.key] = 0;
  place.save();
}

// ---- conversations ----

async function open(key) {
  state.current = key;
  document.body.classList.add('in-conversation');
  const c = conversation(key);
  renderHeader();
  show($('placeholder'), false);
  show($('messages'), true);
  show($('composer'), true);
  const loading = c.loaded ? null : loadOlder(c);
  renderMessages(c, 'bottom'); // "Loading…" until the history is in
  if (loading) await loading;
  if (state.current !== key) return;
  markRead(c);
  renderContacts();
  renderMessages(c, 'bottom');
  if (window.matchMedia('(min-width: 701px)').matches) $('draft').focus();
}

async function refreshCurrent() {
  const c = conversation(state.current);
  c.loaded = false;
  c.exhausted = false;
  await loadOlder(c);
  renderMessages(c);
}

/** One page of history before the oldest chat shown (the newest page at first). */
async function loadOlder(c) {
  if (c.loading || c.exhausted) return c.loading;
  const request = { msgid: 18, limit: HISTORY_PAGE };
  if (c.isGroup) request.groupid = c.id;
  else request.with = c.id;
  if (c.loaded && c.messages.size > 0) request.before = Math.min(...c.mids());
  c.loading = link.request(request)
    .then((answer) => {
      const messages = answer.messages || [];
      for (const m of messages) c.messages.set(m.mid, m);
      if (messages.length < HISTORY_PAGE) c.exhausted = true;
      c.loaded = true;
    })
    .catch((e) => note(`Could not load the history: ${e.message}`, true))
    .finally(() => {
      c.loading = null;
    });
  return c.loading;
}

async function send(text) {
  const c = conversation(state.current);
  const me = state.me;
  const chat = { id: me.id, name: me.name, msg: text, sending: true };
  c.sending.push(chat);
  renderMessages(c, 'bottom');
  const request = c.isGroup ? { msgid: 10, groupid: c.id, msg: text } : { msgid: 6, toid: c.id, msg: text };
  try {
    const ack = await link.request(request);
    c.sending.splice(c.sending.indexOf(chat), 1);
    const stored = { ...request, mid: ack.mid, time: ack.time, id: me.id, name: me.name };
    delete stored.msgid;
    c.messages.set(ack.mid, stored);
    if (state.current === c.key) markRead(c);
  } catch (e) {
    chat.sending = false;
    chat.failed = e.message;
  }
  if (state.current === c.key) renderMessages(c);
}

// ---- rendering ----

function renderContacts() {
  const place = state.place;
  const unread = (key) => (place && place.unread[key]) || 0;
  const friends = [...state.friends.values()].sort((a, b) =>
    (a.state === 'online' ? 0 : 1) - (b.state === 'online' ? 0 : 1) || a.name.localeCompare(b.name));
  $('friends').replaceChildren(...friends.map((f) => contactItem(friendKey(f.id), 'friend', f.id,
    f.name, f.state === 'online' ? 'online' : 'offline', f.state === 'online', unread(friendKey(f.id)))));
  const groups = [...state.groups.values()].sort((a, b) => a.groupname.localeCompare(b.groupname));
  $('groups').replaceChildren(...groups.map((g) => {
    const users = g.users || [];
    const online = users.filter((u) => u.state === 'online').length;
    return contactItem(groupKey(g.id), 'group', g.id, `# ${g.groupname}`,
      `${users.length} members, ${online} online`, online > 0, unread(groupKey(g.id)));
  }));
  // People who are not friends may write too: their conversations are listed apart.
  const others = Object.entries(place?.others || {}).filter(([id]) => !state.friends.has(Number(id)));
  $('others').replaceChildren(...others.map(([id, name]) =>
    contactItem(friendKey(id), 'other', id, name, 'not a friend', false, unread(friendKey(id)))));
  show($('others-title'), others.length > 0);
  show($('no-friends'), state.friends.size === 0);
  show($('no-groups'), state.groups.size === 0);
  const total = Object.values(place?.unread || {}).reduce((sum, n) => sum + n, 0);
  document.title = total > 0 ? `(${total}) chat` : 'chat';
}

function contactItem(key, kind, id, name, detail, online, unread) {
  const item = el('li', {
    class: `contact${key === state.current ? ' current' : ''}`,
    'data-kind': kind, 'data-id': String(id), tabindex: '0', role: 'button',
  },
  el('span', { class: `dot${online ? ' online' : ''}`, title: online ? 'online' : 'offline' }),
  el('span', { class: 'who' }, el('span', { class: 'name' }, name), el('span', { class: 'detail muted' }, detail)),
  unread > 0 ? el('span', { class: 'badge' }, String(unread)) : '');
  item.addEventListener('click', () => open(key));
  item.addEventListener('keydown', (e) => e.key === 'Enter' && open(key));
  return item;
}

function renderHeader() {
  if (state.me) {
    $('me-name').textContent = state.me.name;
    $('me-id').textContent = `#${state.me.id}`;
  }
  if (!state.current) return;
  const c = conversation(state.current);
  if (c.isGroup) {
    const g = state.groups.get(c.id);
    const users = g?.users || [];
    const online = users.filter((u) => u.state === 'online').map((u) => u.name);
    $('conv-title').textContent = g ? `# ${g.groupname}` : `group ${c.id}`;
    $('conv-subtitle').textContent = `group ${c.id} · ${users.length} members`
      + (online.length ? ` · online: ${online.join(', ')}` : '');
  } else {
    const f = state.friends.get(c.id);
    $('conv-title').textContent = f ? f.name : (state.place.others[c.id] || `user ${c.id}`);
    $('conv-subtitle').textContent = f ? `#${c.id} · ${f.state === 'online' ? 'online' : 'offline'}`
      : `#${c.id} · not a friend`;
  }
}

/** Redraws the open conversation; keeps the reader's place unless told to go to the bottom. */
function renderMessages(c, where) {
  if (c.key !== state.current) return;
  const list = $('messages');
  const fromBottom = list.scrollHeight - list.scrollTop;
  const atBottom = fromBottom - list.clientHeight < 40;
  const chats = [...c.messages.values()].sort((a, b) => a.mid - b.mid);
  const items = chats.map((m) => messageItem(m, c.isGroup));
  for (const m of c.sending) items.push(messageItem(m, c.isGroup));
  if (c.loaded && c.exhausted) {
    items.unshift(el('li', { class: 'start muted' }, chats.length ? 'Start of the conversation' : 'No messages yet'));
  } else if (c.loading) {
    items.unshift(el('li', { class: 'start muted' }, 'Loading…'));
  }
  list.replaceChildren(...items);
  if (where === 'bottom' || atBottom) list.scrollTop = list.scrollHeight;
  else list.scrollTop = list.scrollHeight - fromBottom; // older chats were added above
}

function messageItem(m, inGroup) {
  const mine = m.id === state.me.id;
  const attributes = { class: `message ${mine ? 'mine' : 'theirs'}` };
  if (m.mid !== undefined) attributes['data-mid'] = String(m.mid);
  let when = m.time ? formatTime(m.time) : '';
  if (m.sending) when = 'sending…';
  if (m.failed) when = `not sent: ${m.failed}`;
  return el('li', attributes,
    inGroup && !mine ? el('div', { class: 'sender' }, m.name) : '',
    el('div', { class: 'text' }, m.msg),
    el('div', { class: `time${m.failed ? ' error' : ''}` }, when));
}

function showLogin(message = '') {
  show($('login'), true);
  show($('app'), false);
  $('login-error').textContent = message;
}

function showApp() {
  show($('login'), false);
  show($('app'), true);
  renderHeader();
}

function status(text) {
  $('status').textContent = text;
  show($('status'), text !== '');
}

let noteTimer = null;

/** A line under the actions saying how the last one went; it goes away after a while. */
function note(text, isError = false) {
  const result = $('action-result');
  result.textContent = text;
  result.classList.toggle('error', isError);
  clearTimeout(noteTimer);
  noteTimer = setTimeout(() => {
    result.textContent = '';
  }, 15_000);
}

// ---- what the user does ----

function credentials() {
  const who = $('login-name').value.trim();
  const password = $('login-password').value;
  return { who, password, byId: /^[0-9]+$/.test(who) };
}

$('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const { who, password, byId } = credentials();
  const request = byId ? { msgid: 1, id: Number(who), password } : { msgid: 1, name: who, password };
  await withLoginError(() => logIn(request));
});

$('register-button').addEventListener('click', async () => {
  const form = $('login-form');
  if (!form.reportValidity()) return;
  const { who, password } = credentials();
  await withLoginError(async () => {
    const ack = await link.request({ msgid: 4, name: who, password });
    await logIn({ msgid: 1, id: ack.id, password });
  });
});

async function withLoginError(action) {
  $('login-error').textContent = '';
  for (const button of document.querySelectorAll('#login-form button')) button.disabled = true;
  try {
    await action();
    $('login-password').value = '';
  } catch (e) {
    $('login-error').textContent = e.message;
  } finally {
    for (const button of document.querySelectorAll('#login-form button')) button.disabled = false;
  }
}

$('logout').addEventListener('click', async () => {
  try {
    await link.request({ msgid: 3 });
  } catch {
    // logged out anyway: the token is forgotten below and the connection's end logs the user out
  }
  state.online = false;
  state.connection++;
  state.place?.save();
  state.me = null;
  state.current = null;
  state.conversations.clear();
  forgetSession();
  document.body.classList.remove('in-conversation');
  showLogin();
});

$('add-friend').addEventListener('submit', (e) => act(e, async () => {
  const name = $('friend-name').value.trim();
  const found = await link.request({ msgid: 33, name });
  if (found.user.id === state.me.id) throw new Error('that is you');
  const added = await link.request({ msgid: 7, friendid: found.user.id });
  state.friends.set(added.friend.id, added.friend);
  $('friend-name').value = '';
  return `${added.friend.name} is now your friend`;
}));

$('create-group').addEventListener('submit', (e) => act(e, async () => {
  const created = await link.request({ msgid: 8, groupname: $('group-name').value.trim(), groupdesc: '' });
  state.groups.set(created.group.id, created.group);
  $('group-name').value = '';
  open(groupKey(created.group.id));
  return `Created # ${created.group.groupname}: others join with its id, ${created.group.id}`;
}));

$('join-group').addEventListener('submit', (e) => act(e, async () => {
  const joined = await link.request({ msgid: 9, groupid: Number($('group-id').value) });
  state.groups.set(joined.group.id, joined.group);
  $('group-id').value = '';
  open(groupKey(joined.group.id));
  return `Joined # ${joined.group.groupname}`;
}));

async function act(event, action) {
  event.preventDefault();
  try {
    note(await action());
  } catch (e) {
    note(e.message, true);
  }
  renderContacts();
  renderHeader();
}

$('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  const draft = $('draft');
  const text = draft.value.trim();
  if (text === '' || !state.current) return;
  draft.value = '';
  draft.style.height = '';
  send(text);
});

$('draft').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { // isComposing: an IME (pinyin) is choosing
    e.preventDefault();
    $('composer').requestSubmit();
  }
});

$('draft').addEventListener('input', () => {
  const draft = $('draft');
  draft.style.height = '';
  draft.style.height = `${Math.min(draft.scrollHeight, 160)}px`;
});

$('messages').addEventListener('scroll', async () => {
  const list = $('messages');
  if (list.scrollTop > 60 || !state.current) return;
  const c = conversation(state.current);
  if (!c.loaded || c.exhausted || c.loading) return;
  const load = loadOlder(c);
  renderMessages(c);
  await load;
  renderMessages(c);
});

$('back').addEventListener('click', () => {
  document.body.classList.remove('in-conversation');
});

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && state.current && state.place) {
    markRead(conversation(state.current));
    renderContacts();
  }
});

window.addEventListener('online', () => link.retryNow());

status('Connecting…');
if (loadSession()?.token) {
  show($('login'), false);
} else {
  showLogin();
}
link.connect();

// The web console: a client of the public HTTP API (../shared/API.md) and of the chat's event socket,
// nothing private. Every piece of user content reaches the page through textContent, never as markup.
// The application token is a credential: it lives in sessionStorage (gone with the tab) and is never logged.

const API = '/api/v1/applications';
const TOKEN_KEY = 'chat-console.token';
const SENDER_KEY = 'chat-console.sender';
const PAGE = 50;
const POLL_MS = 3000;          // the open chat, while its socket is not open
const INBOX_POLL_MS = 10000;   // the inbox has no socket: it is always polled
const RECONNECT_MAX_MS = 30000;
const QUICK_REACTIONS = ['like', 'heart', 'laugh', 'eyes'];
const REACTION_LABELS = { like: '\u{1F44D}', heart: '\u2764\uFE0F', laugh: '\u{1F602}', eyes: '\u{1F440}', '+1': '\u{1F44D}' };

const $ = (id) => document.getElementById(id);

const state = {
  token: null,
  app: null,
  inboxQ: '',
  inboxCursor: null,
  chats: [],
  chat: null,            // the open chat (a Chat of the API)
  generation: 0,         // bumped whenever the open chat changes: late answers for an older one are dropped
  messages: new Map(),   // number -> Message of the open chat
  rendered: new Map(),   // number -> { key, node }: the element last drawn for that message
  hasOlder: false,
  socket: null,
  socketOpen: false,
  reconnectDelay: 1000,
  reconnectTimer: null,
  searchQ: '',
  searchCursor: null,
};

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `the API answered ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function api(path, { method = 'GET', body, query } = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
  }
  const init = { method, headers: { Accept: 'application/json' }, cache: 'no-store' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, json);
    const retryAfter = response.headers.get('Retry-After');
    if (retryAfter) error.message += ` (retry after ${retryAfter} s)`;
    throw error;
  }
  return json;
}

const appPath = () => `${API}/${encodeURIComponent(state.token)}`;
const chatPath = (number) => `${appPath()}/chats/${number}`;

// --- small DOM helpers -------------------------------------------------------------------------

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })
                 : date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

let noticeTimer = null;
function notify(message, kind = 'error') {
  const notice = $('notice');
  notice.textContent = message;
  notice.className = `notice ${kind}`;
  notice.hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { notice.hidden = true; }, 6000);
}

function failed(what) {
  return (error) => notify(`${what}: ${error.message}`);
}

// --- the application ---------------------------------------------------------------------------

async function openApp(token) {
  state.token = token;
  let app;
  try {
    app = await api(appPath());
  } catch (error) {
    state.token = null;
    if (error.status === 404) sessionStorage.removeItem(TOKEN_KEY);
    notify(error.status === 404 ? 'No application has that token.' : `Could not open the application: ${error.message}`);
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  $('notice').hidden = true;
  state.app = app;
  $('token').value = '';
  $('open-form').hidden = true;
  $('app-info').hidden = false;
  $('workspace').hidden = false;
  renderApp();
  await refreshInbox(true);
}

function renderApp() {
  $('app-name').textContent = state.app.name;
  $('app-stats').textContent = `${state.app.chats_count} chat${state.app.chats_count === 1 ? '' : 's'}`;
}

function closeApp() {
  closeChat();
  sessionStorage.removeItem(TOKEN_KEY);
  state.token = null;
  state.app = null;
  state.chats = [];
  $('chat-list').replaceChildren();
  $('open-form').hidden = false;
  $('app-info').hidden = true;
  $('workspace').hidden = true;
  $('token').focus();
}

// --- the inbox ---------------------------------------------------------------------------------

async function refreshInbox(reset) {
  if (!state.token) return;
  const token = state.token;
  const q = state.inboxQ;
  // A refresh re-reads the first page; "More chats" appends the next one.
  const page = await api(`${appPath()}/chats`, { query: { limit: PAGE, q, cursor: reset ? null : state.inboxCursor } });
  if (token !== state.token || q !== state.inboxQ) return;
  if (reset) {
    state.chats = page.data;
  } else {
    const known = new Set(state.chats.map((chat) => chat.number));
    state.chats = state.chats.concat(page.data.filter((chat) => !known.has(chat.number)));
  }
  state.inboxCursor = page.next_cursor;
  renderInbox();
}

function renderInbox() {
  const list = $('chat-list');
  const items = state.chats.map((chat) => {
    const item = el('li', 'chat-item');
    item.dataset.number = chat.number;
    item.tabIndex = 0;
    if (state.chat && state.chat.number === chat.number) item.classList.add('active');
    const head = el('div', 'chat-item-head');
    head.append(el('span', 'chat-item-title', chatTitle(chat)),
                el('time', 'muted', formatTime(chat.last_message_at || chat.created_at)));
    const preview = chat.last_message
      ? `${chat.last_message.sender ? chat.last_message.sender + ': ' : ''}${chat.last_message.body}`
      : 'No messages yet';
    item.append(head, el('div', 'chat-item-preview muted', preview));
    item.addEventListener('click', () => openChat(chat.number).catch(failed('Could not open the chat')));
    item.addEventListener('keydown', (event) => { if (event.key === 'Enter') item.click(); });
    return item;
  });
  if (items.length === 0) items.push(el('li', 'muted empty', state.inboxQ ? 'No chat matches.' : 'No chats yet.'));
  list.replaceChildren(...items);
  $('more-chats').hidden = !state.inboxCursor;
}

function chatTitle(chat) {
  return chat.title ? chat.title : `Chat #${chat.number}`;
}

async function createChat(title, participants) {
  const body = {};
  if (title) body.title = title;
  if (participants.length) body.participants = participants;
  const chat = await api(`${appPath()}/chats`, { method: 'POST', body });
  $('new-chat-title').value = '';
  $('new-chat-participants').value = '';
  await openChat(chat.number);
  await refreshInbox(true);
}

// --- the open chat -----------------------------------------------------------------------------

async function openChat(number) {
  closeChat();
  const generation = state.generation;
  const chat = await api(chatPath(number));
  if (generation !== state.generation) return;
  state.chat = chat;
  $('chat-empty').hidden = true;
  $('chat-open').hidden = false;
  $('chat-title').textContent = chatTitle(chat);
  $('chat-participants').textContent = chat.participants && chat.participants.length
    ? `With ${chat.participants.join(', ')}` : 'No participants';
  renderInbox();
  await refreshLatest();
  scrollToBottom();
  connect(generation);
  $('composer-body').focus();
}

function closeChat() {
  state.generation += 1;
  state.chat = null;
  state.messages = new Map();
  state.rendered = new Map();
  state.hasOlder = false;
  clearTimeout(state.reconnectTimer);
  if (state.socket) {
    const socket = state.socket;
    state.socket = null;
    socket.close(1000, 'chat closed');
  }
  state.socketOpen = false;
  endSearch();
  $('messages').replaceChildren();
  $('chat-open').hidden = true;
  $('chat-empty').hidden = false;
  setLive('offline');
}

function upsert(messages) {
  for (const message of messages) {
    const known = state.messages.get(message.number);
    // Events and polls can arrive out of order: never replace a newer edit with an older state.
    if (!known || !(known.updated_at > message.updated_at)) state.messages.set(message.number, message);
  }
}

/** Re-reads the newest page of the open chat: new messages, edits, reactions and statuses. */
async function refreshLatest() {
  if (!state.chat) return;
  const generation = state.generation;
  const first = state.messages.size === 0;
  const page = await api(`${chatPath(state.chat.number)}/messages`, { query: { limit: PAGE } });
  if (generation !== state.generation) return;
  const newest = state.messages.size ? Math.max(...state.messages.keys()) : 0;
  upsert(page.data);
  if (first) state.hasOlder = page.next_cursor !== null;
  renderMessages();
  // Something new arrived by the poll: the inbox's order and preview changed too.
  if (!first && page.data.some((message) => message.number > newest)) refreshInbox(true).catch(() => {});
}

/**
 * Everything after our newest message, page by page (how a client resumes after the socket closed,
 * for instance for falling behind), then the newest page again for edits, reactions and statuses.
 * Too far behind, it starts over from the newest page instead of walking the whole gap.
 */
async function catchUp() {
  if (!state.chat) return;
  if (state.messages.size === 0) {
    await refreshLatest();
    return;
  }
  const generation = state.generation;
  const newest = Math.max(...state.messages.keys());
  const missed = [];
  let cursor = null;
  let pages = 0;
  do {
    const page = await api(`${chatPath(state.chat.number)}/messages`,
      { query: { limit: 100, after: newest, cursor } });
    if (generation !== state.generation) return;
    missed.push(...page.data);
    cursor = page.next_cursor;
    pages += 1;
  } while (cursor && pages < 10);
  if (cursor) {
    state.messages.clear();
    state.rendered.clear();
  } else {
    upsert(missed);
  }
  await refreshLatest();
  if (missed.length) refreshInbox(true).catch(() => {});
}

async function loadOlder() {
  if (!state.chat || state.messages.size === 0) return;
  const generation = state.generation;
  const oldest = Math.min(...state.messages.keys());
  const page = await api(`${chatPath(state.chat.number)}/messages`, { query: { limit: PAGE, before: oldest } });
  if (generation !== state.generation) return;
  const timeline = $('timeline');
  const fromBottom = timeline.scrollHeight - timeline.scrollTop;
  upsert(page.data);
  state.hasOlder = page.next_cursor !== null;
  renderMessages();
  timeline.scrollTop = timeline.scrollHeight - fromBottom;
}

async function refreshMessage(number) {
  if (!state.chat) return;
  const generation = state.generation;
  const message = await api(`${chatPath(state.chat.number)}/messages/${number}`);
  if (generation !== state.generation) return;
  upsert([message]);
  renderMessages();
}

function renderMessages() {
  const timeline = $('timeline');
  const atBottom = timeline.scrollHeight - timeline.scrollTop - timeline.clientHeight < 40;
  const sorted = [...state.messages.values()].sort((a, b) => a.number - b.number);
  const list = $('messages');
  if (sorted.length === 0) {
    state.rendered.clear();
    list.replaceChildren(el('li', 'muted empty', 'No messages yet. Say hello.'));
  } else {
    // Keyed: an unchanged message keeps its element (and the reader's hover and focus); the poll
    // re-reads the newest page every few seconds, and a full redraw each time would flicker.
    const nodes = sorted.map((message) => {
      const key = JSON.stringify(message);
      let entry = state.rendered.get(message.number);
      if (!entry || entry.key !== key) {
        entry = { key, node: messageItem(message, true) };
        state.rendered.set(message.number, entry);
      }
      return entry.node;
    });
    let cursor = list.firstChild;
    for (const node of nodes) {
      if (node === cursor) cursor = cursor.nextSibling;
      else list.insertBefore(node, cursor);
    }
    while (cursor) {
      const next = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
  }
  $('older').hidden = !state.hasOlder;
  if (atBottom) scrollToBottom();
}

function scrollToBottom() {
  const timeline = $('timeline');
  timeline.scrollTop = timeline.scrollHeight;
}

function messageItem(message, reactable) {
  const item = $('message-template').content.firstElementChild.cloneNode(true);
  item.dataset.number = message.number;
  item.querySelector('.sender').textContent = message.sender || 'anonymous';
  item.querySelector('.number').textContent = `#${message.number}`;
  const time = item.querySelector('time');
  time.dateTime = message.created_at;
  time.textContent = formatTime(message.created_at) + (message.updated_at !== message.created_at ? ' (edited)' : '');
  item.querySelector('.status').textContent =
    message.status === 'read' ? '\u2713\u2713 read' : message.status === 'delivered' ? '\u2713\u2713' : '\u2713';
  item.querySelector('.status').title = message.status;
  item.querySelector('.body').textContent = message.body;
  const reactions = item.querySelector('.reactions');
  const counts = message.reaction_counts || {};
  const scores = message.reaction_scores || {};
  const types = Object.keys(counts);
  for (const type of types) {
    const chip = el('button', 'reaction', `${REACTION_LABELS[type] || type} ${counts[type]}`);
    chip.type = 'button';
    chip.title = `${type}: ${counts[type]} ${counts[type] === 1 ? 'person' : 'people'}, score ${scores[type] ?? counts[type]}`;
    chip.dataset.type = type;
    chip.disabled = !reactable;
    reactions.append(chip);
  }
  if (reactable) {
    const quickRow = el('div', 'quick-reactions');
    for (const type of QUICK_REACTIONS.filter((quick) => !(quick in counts))) {
      const quick = el('button', 'reaction quick', REACTION_LABELS[type] || type);
      quick.type = 'button';
      quick.title = `React with ${type}`;
      quick.dataset.type = type;
      quickRow.append(quick);
    }
    item.append(quickRow);
  }
  return item;
}

async function send(body, sender) {
  const chat = state.chat;
  const request = { body };
  if (sender) request.sender = sender;
  const message = await api(`${chatPath(chat.number)}/messages`, { method: 'POST', body: request });
  if (state.chat !== chat) return;
  upsert([message]);
  renderMessages();
  scrollToBottom();
  // The answer is durable and readable at once (read-your-writes): the first page now shows it, and
  // whatever else arrived meanwhile, with or without the socket.
  await refreshLatest();
  refreshInbox(true).catch(() => {});
}

async function react(number, type) {
  const userId = $('composer-sender').value.trim();
  if (!userId) {
    notify('Type a user id in the "as" field to react as that user.', 'info');
    $('composer-sender').focus();
    return;
  }
  await api(`${chatPath(state.chat.number)}/messages/${number}/reactions`, {
    method: 'POST', body: { user_id: userId, type },
  });
  await refreshMessage(number);
}

// --- search in the chat ------------------------------------------------------------------------

async function search(q, more) {
  if (!state.chat) return;
  const generation = state.generation;
  const page = await api(`${chatPath(state.chat.number)}/messages/search`,
    { query: { q, limit: 20, cursor: more ? state.searchCursor : null } });
  if (generation !== state.generation) return;
  state.searchQ = q;
  state.searchCursor = page.next_cursor;
  const items = page.data.map((message) => messageItem(message, false));
  if (more) {
    $('results').append(...items);
  } else {
    $('results').replaceChildren(...(items.length ? items : [el('li', 'muted empty', 'Nothing found.')]));
  }
  $('more-results').hidden = !state.searchCursor;
  $('timeline').hidden = true;
  $('search-results').hidden = false;
  $('chat-search-clear').hidden = false;
}

function endSearch() {
  state.searchQ = '';
  state.searchCursor = null;
  $('chat-q').value = '';
  $('results').replaceChildren();
  $('search-results').hidden = true;
  $('timeline').hidden = false;
  $('chat-search-clear').hidden = true;
}

// --- live updates: the event socket, with polling while it is not open ------------------------

function setLive(mode) {
  const live = $('live');
  live.textContent = mode;
  live.className = `live is-${mode}`;
  live.title = mode === 'live' ? 'Connected: new messages and reactions arrive as they happen'
    : mode === 'polling' ? `No event socket: the chat is re-read every ${POLL_MS / 1000} s` : '';
}

function connect(generation) {
  if (generation !== state.generation || !state.chat) return;
  const url = new URL(`${chatPath(state.chat.number)}/events`, location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  setLive('polling');
  let socket;
  try {
    socket = new WebSocket(url);
  } catch {
    scheduleReconnect(generation);
    return;
  }
  state.socket = socket;
  socket.addEventListener('open', () => {
    if (generation !== state.generation) { socket.close(1000); return; }
    state.socketOpen = true;
    state.reconnectDelay = 1000;
    setLive('live');
    // Whatever happened while we were not subscribed.
    catchUp().catch(() => {});
  });
  socket.addEventListener('message', (event) => {
    if (generation !== state.generation) return;
    let frame;
    try { frame = JSON.parse(event.data); } catch { return; }
    onEvent(frame).catch(() => refreshLatest().catch(() => {}));
  });
  socket.addEventListener('close', (event) => {
    if (state.socket === socket) {
      state.socket = null;
      state.socketOpen = false;
    }
    if (generation !== state.generation) return;
    setLive('polling');
    // Closed for falling behind (or anything else): page from our newest message, then subscribe again.
    if (event.code !== 1000) catchUp().catch(() => {});
    scheduleReconnect(generation);
  });
}

function scheduleReconnect(generation) {
  clearTimeout(state.reconnectTimer);
  const delay = state.reconnectDelay;
  state.reconnectDelay = Math.min(RECONNECT_MAX_MS, delay * 2);
  state.reconnectTimer = setTimeout(() => connect(generation), delay);
}

async function onEvent(frame) {
  if (!state.chat || frame.chat_number !== state.chat.number) return;
  const data = frame.data || {};
  switch (frame.type) {
    case 'message.created':
    case 'message.updated':
      if (typeof data.number === 'number' && typeof data.body === 'string') {
        // A message event carries the message's own state: its reactions and status come as their own
        // events, so keep what we know of those.
        const known = state.messages.get(data.number);
        upsert([known ? { ...data, status: known.status, reaction_counts: known.reaction_counts,
          reaction_scores: known.reaction_scores, latest_reactions: known.latest_reactions } : data]);
        renderMessages();
      } else if (frame.message_number) {
        await refreshMessage(frame.message_number);
      }
      if (frame.type === 'message.created') refreshInbox(true).catch(() => {});
      break;
    case 'reaction.added':
      if (frame.message_number) await refreshMessage(frame.message_number);
      break;
    case 'receipt.updated':
      await refreshLatest();
      break;
    default:
      break;
  }
}

setInterval(() => {
  if (state.chat && !state.socketOpen) catchUp().catch(() => {});
}, POLL_MS);

setInterval(() => {
  if (state.token && document.visibilityState === 'visible') refreshInbox(true).catch(() => {});
}, INBOX_POLL_MS);

// --- wiring ------------------------------------------------------------------------------------

function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

function wire() {
  $('open-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token').value.trim();
    if (token) openApp(token).catch(failed('Could not open the application'));
  });
  $('close-app').addEventListener('click', closeApp);

  const searchInbox = debounce(() => {
    state.inboxQ = $('inbox-q').value.trim().slice(0, 200);
    refreshInbox(true).catch(failed('Could not search the inbox'));
  }, 300);
  $('inbox-q').addEventListener('input', searchInbox);
  $('inbox-search').addEventListener('submit', (event) => { event.preventDefault(); searchInbox(); });
  $('more-chats').addEventListener('click', () => refreshInbox(false).catch(failed('Could not load more chats')));

  $('new-chat').addEventListener('submit', (event) => {
    event.preventDefault();
    const title = $('new-chat-title').value.trim();
    const participants = $('new-chat-participants').value.split(',').map((id) => id.trim()).filter(Boolean);
    createChat(title, participants).catch(failed('Could not create the chat'));
  });

  $('older').addEventListener('click', () => loadOlder().catch(failed('Could not load older messages')));

  $('composer-sender').value = sessionStorage.getItem(SENDER_KEY) || '';
  $('composer-sender').addEventListener('change', () => {
    sessionStorage.setItem(SENDER_KEY, $('composer-sender').value.trim());
  });
  const composer = $('composer');
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('composer-body').value;
    if (!text.trim() || !state.chat) return;
    const button = $('send');
    button.disabled = true;
    send(text, $('composer-sender').value.trim())
      .then(() => { $('composer-body').value = ''; })
      .catch(failed('Could not send'))
      .finally(() => { button.disabled = false; $('composer-body').focus(); });
  });
  $('composer-body').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });

  $('messages').addEventListener('click', (event) => {
    const button = event.target.closest('button.reaction');
    if (!button || button.disabled) return;
    const number = Number(button.closest('li.message').dataset.number);
    react(number, button.dataset.type).catch(failed('Could not react'));
  });

  $('chat-search').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = $('chat-q').value.trim();
    if (q) search(q.slice(0, 200), false).catch(failed('Could not search'));
    else endSearch();
  });
  $('chat-search-clear').addEventListener('click', endSearch);
  $('more-results').addEventListener('click', () => search(state.searchQ, true).catch(failed('Could not search')));

  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) openApp(saved).catch(failed('Could not open the application'));
  else $('token').focus();
}

wire();

// What the page remembers across reloads, in localStorage: who is logged in and their resume token (never the
// password), and per user where they are in their chats: the highest mid seen (their position), the mids seen
// lately (so a sync that overlaps what was shown repeats nothing), per conversation the last mid read and how
// many arrived unread since, and the names of people who wrote without being friends.

const SESSION = 'chat.session';
const SEEN_KEPT = 500;

export function loadSession() {
  try {
    return JSON.parse(localStorage.getItem(SESSION));
  } catch {
    return null;
  }
}

export function saveSession(session) {
  localStorage.setItem(SESSION, JSON.stringify(session));
}

export function forgetSession() {
  localStorage.removeItem(SESSION);
}

export class Place {
  constructor(userId) {
    this.key = `chat.place.${userId}`;
    let saved = {};
    try {
      saved = JSON.parse(localStorage.getItem(this.key)) || {};
    } catch {
      saved = {};
    }
    this.position = saved.position || 0;
    this.seen = new Set(saved.seen || []);
    this.unread = saved.unread || {};
    this.readUpTo = saved.readUpTo || {};
    this.others = saved.others || {}; // user id -> name
  }

  /** Notes a chat as seen; false if it had been seen already. */
  see(mid) {
    if (this.seen.has(mid)) return false;
    this.seen.add(mid);
    if (this.seen.size > SEEN_KEPT) {
      // Drop the lowest mids: a sync never reaches back further than a few seconds before the position.
      const kept = [...this.seen].sort((a, b) => a - b).slice(-SEEN_KEPT);
      this.seen = new Set(kept);
    }
    if (mid > this.position) this.position = mid;
    return true;
  }

  save() {
    localStorage.setItem(this.key, JSON.stringify({
      position: this.position,
      seen: [...this.seen],
      unread: this.unread,
      readUpTo: this.readUpTo,
      others: this.others,
    }));
  }
}

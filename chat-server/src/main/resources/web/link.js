// One WebSocket to the node that served this page, speaking the chat protocol (docs/PROTOCOL.md): one JSON
// object per text frame. Requests carry a seq and get a promise of their answer; everything else the server
// sends (chats, events) goes to onPush. A dropped connection is redialled with backoff; the app logs back in.

const PING_EVERY_MS = 25_000; // the server closes a client that sent seq after 90 s of silence
const ANSWER_WAIT_MS = 20_000;

export class ServerError extends Error {
  constructor(answer) {
    super(answer.errmsg || `error ${answer.errno}`);
    this.errno = answer.errno;
  }
}

export class Link {
  constructor({ onOpen, onClose, onPush }) {
    this.handlers = { onOpen, onClose, onPush };
    this.nextSeq = 1;
    this.waiting = new Map(); // seq -> {resolve, reject, timer}
    this.retryMs = 500;
    this.socket = null;
    this.pinger = null;
    this.redial = null;
  }

  get open() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  connect() {
    clearTimeout(this.redial);
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/ws`);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = 500;
      this.pinger = setInterval(() => this.request({ msgid: 20 }).catch(() => {}), PING_EVERY_MS);
      this.handlers.onOpen();
    };
    socket.onmessage = (event) => this.received(JSON.parse(event.data));
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      clearInterval(this.pinger);
      for (const { reject, timer } of this.waiting.values()) {
        clearTimeout(timer);
        reject(new Error('the connection dropped'));
      }
      this.waiting.clear();
      // Back off 0.5 s doubling to 10 s, with jitter so a restarted node is not hit by every tab at once.
      const wait = this.retryMs * (0.5 + Math.random() / 2);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
      this.redial = setTimeout(() => this.connect(), wait);
      this.handlers.onClose(event, wait);
    };
  }

  /** Dials now instead of at the next retry (after the page comes back online, say). */
  retryNow() {
    if (this.socket === null) this.connect();
  }

  /** Sends a request with a seq; resolves with its answer, rejects with a ServerError for an error reply. */
  request(message) {
    if (!this.open) return Promise.reject(new Error('not connected'));
    const seq = this.nextSeq++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(seq);
        reject(new Error('no answer from the server'));
      }, ANSWER_WAIT_MS);
      this.waiting.set(seq, { resolve, reject, timer });
      this.socket.send(JSON.stringify({ ...message, seq }));
    });
  }

  /** Sends a message that wants no answer (received, 26). */
  tell(message) {
    if (this.open) this.socket.send(JSON.stringify(message));
  }

  received(message) {
    const waiter = message.seq !== undefined ? this.waiting.get(message.seq) : undefined;
    if (waiter === undefined) {
      this.handlers.onPush(message);
      return;
    }
    this.waiting.delete(message.seq);
    clearTimeout(waiter.timer);
    const refused = message.msgid === 11 || ((message.msgid === 2 || message.msgid === 5) && message.errno !== 0);
    if (refused) waiter.reject(new ServerError(message));
    else waiter.resolve(message);
  }

  /** Closes for good (logging out); no redial. */
  close() {
    const socket = this.socket;
    this.socket = null;
    clearInterval(this.pinger);
    clearTimeout(this.redial);
    if (socket) socket.close(1000, 'bye');
  }
}

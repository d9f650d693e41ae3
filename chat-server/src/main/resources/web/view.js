// Small DOM helpers: elements are built with textContent only, so a chat can never inject markup.

/** An element with attributes and children (strings become text; empty strings are skipped). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) {
    if (child === '' || child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function show(node, visible) {
  node.hidden = !visible;
}

/**
 * The server's "YYYY-MM-DD HH:MM:SS" (its local time; the protocol does not say its zone, so no conversion):
 * the time of day for today, the date too otherwise.
 */
export function formatTime(time) {
  const [date, clock] = time.split(' ');
  const now = new Date();
  const two = (n) => String(n).padStart(2, '0');
  const today = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  const hhmm = (clock || '').slice(0, 5);
  return date === today ? hhmm : `${date} ${hhmm}`;
}

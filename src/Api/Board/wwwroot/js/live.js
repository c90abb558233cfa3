import { api } from './api.js';

/** The notice types supervisors receive; an EventSource hears only the types it listens for. */
const noticeTypes = ['sla-violation', 'kpi-alert', 'balancer-proposal', 'balancer-move', 'balancer-rejected'];

/** The ticket cookie lasts 10 minutes; renewing at half that keeps every reconnect admitted. */
const renewEvery = 5 * 60 * 1000;
const longestPause = 30 * 1000;

/**
 * Asks for a fresh stream ticket. Answers false when the credential itself is refused (the board then signs out); after any
 * other failure the stream may still try, and fails again into the next pause if the ticket is really missing.
 */
async function renewTicket() {
  try {
    await api('/api/stream-tickets', { method: 'POST' });
    return true;
  } catch (error) {
    return error.status !== 401;
  }
}

/**
 * Opens the board's and the supervisors' event streams and keeps them open until `close()`.
 * EventSource reconnects by itself after a dropped connection, resuming from its last event id; when the server refuses
 * a reconnect instead (an expired ticket, a silo starting), the stream is closed for good, so a fresh ticket is requested and
 * the stream opened anew after a pause that grows to 30 s. The state is `live` while both streams are open, else `reconnecting`.
 */
export function connect({ onBoard, onNotice, onState }) {
  const sources = new Map();
  const failures = new Map();
  const timers = new Set();
  let closed = false;

  const report = () => {
    const open = sources.size === 2 && [...sources.values()].every(source => source.readyState === EventSource.OPEN);
    onState(open ? 'live' : 'reconnecting');
  };

  const later = (action, delay) => {
    const timer = setTimeout(() => { timers.delete(timer); action(); }, delay);
    timers.add(timer);
  };

  const open = (url, subscribe) => {
    const source = new EventSource(url);
    sources.set(url, source);
    subscribe(source);
    source.addEventListener('open', () => { failures.set(url, 0); report(); });
    source.addEventListener('error', () => {
      report();
      if (source.readyState !== EventSource.CLOSED || closed) return;
      const failed = (failures.get(url) ?? 0) + 1;
      failures.set(url, failed);
      later(async () => {
        if (await renewTicket() && !closed) open(url, subscribe);
      }, Math.min(longestPause, 1000 * 2 ** failed));
    });
  };

  const start = async () => {
    if (!await renewTicket() || closed) return;
    open('/api/board/events', source => source.addEventListener('board', event => onBoard(JSON.parse(event.data))));
    open('/api/supervisor/events', source => {
      for (const type of noticeTypes) source.addEventListener(type, event => onNotice(JSON.parse(event.data)));
    });
  };
  report();
  start();

  const renewal = setInterval(renewTicket, renewEvery);
  return {
    close() {
      closed = true;
      clearInterval(renewal);
      for (const timer of timers) clearTimeout(timer);
      for (const source of sources.values()) source.close();
    },
  };
}

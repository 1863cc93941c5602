import { Client } from '@stomp/stompjs';

// Live updates (DESIGN.md §7): STOMP over /ws with the session cookie; the server pushes a short
// notice for every change to a letter the person may see, and the screen fetches what changed.

export interface LetterNotice {
  seq: number;
  type: string;
  letterId: string;
  direction: 'INCOMING' | 'OUTGOING';
  at: string;
}

type Listener = (n: LetterNotice) => void;
type StateListener = (connected: boolean) => void;

const listeners = new Set<Listener>();
const stateListeners = new Set<StateListener>();
let client: Client | null = null;
let connected = false;

function setConnected(c: boolean): void {
  connected = c;
  stateListeners.forEach((l) => l(c));
}

export function startLive(): void {
  if (client) return;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  client = new Client({
    brokerURL: `${scheme}://${location.host}/ws`,
    reconnectDelay: 2000,
    heartbeatIncoming: 20000,
    heartbeatOutgoing: 20000,
    onConnect: () => {
      client?.subscribe('/user/queue/letters', (m) => {
        const notice = JSON.parse(m.body) as LetterNotice;
        listeners.forEach((l) => l(notice));
      });
      setConnected(true);
    },
    onWebSocketClose: () => setConnected(false),
    onStompError: () => setConnected(false),
  });
  client.activate();
}

export function stopLive(): void {
  void client?.deactivate();
  client = null;
  setConnected(false);
}

export function onLetterNotice(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function onLiveState(l: StateListener): () => void {
  stateListeners.add(l);
  l(connected);
  return () => stateListeners.delete(l);
}

/** Calls {@code l} each time the connection comes back after being lost (notices are not replayed). */
export function onReconnect(l: () => void): () => void {
  let was: boolean | null = null;
  return onLiveState((live) => {
    if (live && was === false) l();
    was = live;
  });
}

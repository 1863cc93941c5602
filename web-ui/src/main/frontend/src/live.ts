import { Client, type StompSubscription } from '@stomp/stompjs';

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

/** A topic the screen follows (a meeting's), subscribed again on every (re)connection. */
interface Topic { listeners: Set<(body: unknown) => void>; subscription: StompSubscription | null }
const topics = new Map<string, Topic>();

function subscribe(destination: string, topic: Topic): void {
  if (!client || !connected || topic.subscription) return;
  topic.subscription = client.subscribe(destination, (m) => {
    const body: unknown = JSON.parse(m.body);
    topic.listeners.forEach((l) => l(body));
  });
}

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
      // subscribed before the screens hear of the reconnection, so nothing falls between their catch-up and the push
      connected = true;
      topics.forEach((topic, destination) => subscribe(destination, topic));
      setConnected(true);
    },
    onWebSocketClose: () => {
      topics.forEach((topic) => { topic.subscription = null; });
      setConnected(false);
    },
    onStompError: () => setConnected(false),
  });
  client.activate();
}

export function stopLive(): void {
  topics.forEach((topic) => { topic.subscription = null; });
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

/**
 * Follows a topic ({@code /topic/meetings/{id}}) while the returned function is not called: each message's
 * JSON body goes to {@code l}. Kept across reconnections; what was sent while disconnected is not replayed,
 * so a screen that must miss nothing asks the API for it on {@link onReconnect}.
 */
export function onTopic<T>(destination: string, l: (body: T) => void): () => void {
  let topic = topics.get(destination);
  if (!topic) {
    topic = { listeners: new Set(), subscription: null };
    topics.set(destination, topic);
  }
  const listener = l as (body: unknown) => void;
  topic.listeners.add(listener);
  subscribe(destination, topic);
  return () => {
    const t = topics.get(destination);
    if (!t) return;
    t.listeners.delete(listener);
    if (t.listeners.size === 0) {
      topics.delete(destination);
      if (connected) t.subscription?.unsubscribe();
    }
  };
}

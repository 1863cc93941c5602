import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get, post } from '../api';
import { type Key, useI18n } from '../i18n';
import { onReconnect, onTopic } from '../live';
import { applyEvent, EventCursor } from '../meeting';
import type { Me, Meeting, MeetingDocument, MeetingEvent, MeetingStatus } from '../types';

// What the meeting screens share: the meeting as it stands, followed live, and the badge of its status.

export type MeetingAct = (path: string, body?: unknown) => Promise<void>;

export interface LiveMeeting {
  meeting: Meeting | null;
  error: ApiError | null;
  /** the meeting's events in order, as pushed or fetched on reconnecting */
  events: MeetingEvent[];
  /** POSTs to /api/meetings/{id}{path}; the state then shows its effect */
  act: MeetingAct;
  reload: () => Promise<void>;
}

/** What a member does in the room is answered with {id, seq} only: its event comes back on the topic. */
const MINIMAL = /^\/(join|leave|speakers|problems)$|^\/polls\/[^/]+\/votes$/;

/**
 * The meeting (GET /api/meetings/{id}) kept current: a participant follows /topic/meetings/{id}; the frequent
 * events (votes, joins and leaves, the quorum, the speakers' queue, problem reports) are applied to the state
 * here, and any other event fetches it again (one fetch at a time, however many events arrive meanwhile). On
 * reconnecting, the events after the last one seen are fetched (GET …/events?after=) so nothing is missed.
 * Others (a clerk of the organising agency) may not subscribe and see the meeting as of their last action or
 * reconnection.
 */
export function useMeeting(id: string, me: Me): LiveMeeting {
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [events, setEvents] = useState<MeetingEvent[]>([]);
  const latest = useRef<Meeting | null>(null);
  const cursor = useRef(new EventCursor());

  const accept = useCallback((m: Meeting) => {
    // answers may cross on the wire: an older state never replaces a newer one
    if (latest.current && latest.current.id === m.id && m.seq < latest.current.seq) return;
    latest.current = m;
    setMeeting(m);
    setError(null);
  }, []);

  const loading = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const reload = useCallback((): Promise<void> => {
    if (loading.current) {
      // one fetch at a time: a burst of events while it runs costs one more fetch, not one each
      again.current = true;
      return loading.current;
    }
    const run = get<Meeting>(`/api/meetings/${id}`).then(accept)
      .catch((err) => setError(err as ApiError))
      .finally(() => {
        loading.current = null;
        if (again.current) {
          again.current = false;
          void reload();
        }
      });
    loading.current = run;
    return run;
  }, [id, accept]);

  const take = useCallback((got: MeetingEvent[]) => {
    const fresh = got.filter((e) => cursor.current.take(e.seq));
    if (!fresh.length) return;
    setEvents((all) => [...all, ...fresh].sort((a, b) => a.seq - b.seq));
    let m = latest.current;
    if (!m) {
      void reload();
      return;
    }
    for (const e of fresh) {
      const next = applyEvent(m, e);
      if (!next) {
        void reload();
        return;
      }
      m = next;
    }
    accept(m);
  }, [reload, accept]);

  const catchUp = useCallback(() => get<{ events: MeetingEvent[] }>(`/api/meetings/${id}/events?after=${cursor.current.last}`)
    .then((r) => take(r.events)).catch(() => void reload()), [id, take, reload]);

  useEffect(() => {
    latest.current = null;
    cursor.current = new EventCursor();
    setMeeting(null);
    setEvents([]);
    void reload().then(catchUp);
  }, [id]);

  const participant = !!meeting?.participants.includes(me.id);
  useEffect(() => {
    if (!participant) return undefined;
    return onTopic<MeetingEvent>(`/topic/meetings/${id}`, (e) => take([e]));
  }, [id, participant, take]);

  useEffect(() => onReconnect(() => void (participant ? catchUp() : reload())), [participant, catchUp, reload]);

  const act: MeetingAct = useCallback(async (path, body) => {
    if (participant && MINIMAL.test(path)) {
      const done = await post<{ id: string; seq: number }>(`/api/meetings/${id}${path}`, body ?? {},
        { Prefer: 'return=minimal' });
      // its event arrives on the topic; if the connection is down, fetch the state instead
      window.setTimeout(() => {
        if (!latest.current || latest.current.seq < done.seq) void reload();
      }, 1500);
      return;
    }
    const answer = await post<Meeting | { id: string; seq: number; settled?: boolean }>(`/api/meetings/${id}${path}`,
      body ?? {});
    // 202 {settled: false}: recorded, but the state has not caught up yet
    if ('members' in answer) accept(answer);
    else window.setTimeout(() => void reload(), 500);
  }, [id, accept, participant, reload]);

  return { meeting, error, events, act, reload };
}

export function MeetingStatusBadge({ status }: { status: MeetingStatus | string }) {
  const { t } = useI18n();
  return (
    <span class={`badge status meeting-status status-${status.toLowerCase()}`} data-status={status}>
      {t(`meeting.status.${status}` as Key)}
    </span>
  );
}

export function MeetingHeader({ meeting }: { meeting: Meeting }) {
  const { t, id, date, time } = useI18n();
  return (
    <header class="card meeting-head">
      <p class="committee">{meeting.committeeName}</p>
      <h1 id="meeting-title">{meeting.title}</h1>
      <dl class="heading">
        <dt>{t('meeting.number')}</dt>
        <dd data-testid="meeting-number">{id(meeting.number)}</dd>
        <dt>{t('meeting.date')}</dt>
        <dd data-testid="meeting-date">
          {t('meeting.on', { d: date(meeting.startsAt) })} {t('meeting.at', { t: time(meeting.startsAt) })}
          {meeting.endsAt ? ` – ${time(meeting.endsAt)}` : ''}
        </dd>
        {meeting.place ? (
          <>
            <dt>{t('meeting.place')}</dt>
            <dd>{meeting.place}</dd>
          </>
        ) : null}
        {meeting.online ? (
          <>
            <dt>{t('meeting.conference')}</dt>
            <dd>
              {meeting.conferenceUrl ? (
                <a href={meeting.conferenceUrl} target="_blank" rel="noopener noreferrer" data-testid="conference-url">
                  {meeting.conferenceUrl}
                </a>
              ) : t('meeting.online')}
            </dd>
          </>
        ) : null}
        <dt>{t('col.status')}</dt>
        <dd><MeetingStatusBadge status={meeting.status} /></dd>
      </dl>
    </header>
  );
}

export function DocumentLink({ meetingId, doc }: { meetingId: string; doc: MeetingDocument }) {
  // the papers are in the blob store by their SHA-256, served to those who may see the meeting
  return (
    <a href={`/api/meetings/${encodeURIComponent(meetingId)}/documents/${doc.sha256}`} target="_blank" rel="noopener" download={doc.fileName ?? ''} data-sha256={doc.sha256}>
      {doc.title}
    </a>
  );
}

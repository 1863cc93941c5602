import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get, post } from '../api';
import { type Key, useI18n } from '../i18n';
import { onReconnect, onTopic } from '../live';
import { EventCursor } from '../meeting';
import type { Me, Meeting, MeetingDocument, MeetingEvent, MeetingStatus } from '../types';

// What the meeting screens share: the meeting as it stands, followed live, and the badge of its status.

export type MeetingAct = (path: string, body?: unknown) => Promise<Meeting>;

export interface LiveMeeting {
  meeting: Meeting | null;
  error: ApiError | null;
  /** the meeting's events in order, as pushed or fetched on reconnecting */
  events: MeetingEvent[];
  /** POSTs to /api/meetings/{id}{path}; the answer is the meeting as it now stands */
  act: MeetingAct;
  reload: () => Promise<void>;
}

/**
 * The meeting (GET /api/meetings/{id}) kept current: a participant follows /topic/meetings/{id}, and every
 * event newer than the state fetches it again; on reconnecting, the events after the last one seen are
 * fetched (GET …/events?after=) so nothing is missed. Others (a clerk of the organising agency) may not
 * subscribe and see the meeting as of their last action or reconnection.
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

  const reload = useCallback(() => get<Meeting>(`/api/meetings/${id}`).then(accept)
    .catch((err) => setError(err as ApiError)), [id, accept]);

  const take = useCallback((got: MeetingEvent[]) => {
    const fresh = got.filter((e) => cursor.current.take(e.seq));
    if (!fresh.length) return;
    setEvents((all) => [...all, ...fresh].sort((a, b) => a.seq - b.seq));
    if (!latest.current || fresh[fresh.length - 1].seq > latest.current.seq) void reload();
  }, [reload]);

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
    const m = await post<Meeting>(`/api/meetings/${id}${path}`, body ?? {});
    accept(m);
    return m;
  }, [id, accept]);

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

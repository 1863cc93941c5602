import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post } from '../api';
import { ErrorBanner, Field, Loading, useAction } from '../components';
import { type Key, useI18n } from '../i18n';
import { inSession, isPresent, memberOf, openPoll, roleOf, tally, voteBlocker } from '../meeting';
import { href } from '../router';
import type { AgendaItem, Me, Meeting, Poll, PollProof } from '../types';
import { type LiveMeeting, type MeetingAct, MeetingHeader, useMeeting } from './meetingKit';

// The live room (DOMAIN.md §3, the MDES minimum processes): joining after verifying one's identity again,
// attendance and the quorum, the item under discussion, the speakers' queue, polls with their tallies,
// the chair's controls, conflicts of interest, and a channel to report problems.

const RESOLUTIONS = ['ACKNOWLEDGED', 'ENDORSED', 'APPROVED', 'ASSIGNED', 'REJECTED', 'OTHER'];

export function LiveRoom({ me, live }: { me: Me; live: LiveMeeting }) {
  const { t } = useI18n();
  const meeting = live.meeting!;
  const { act } = live;
  const role = roleOf(meeting, me.id);
  const chair = role === 'CHAIR';
  const present = isPresent(meeting, me.id);
  const current = meeting.agenda.find((i) => i.itemId === meeting.currentItem) ?? null;
  const poll = openPoll(meeting);
  return (
    <section class="card live-room" aria-labelledby="room-title" data-testid="live-room" data-status={meeting.status}>
      <div class="room-head">
        <h2 id="room-title">{t('meeting.room')}</h2>
        <Quorum meeting={meeting} />
      </div>
      {meeting.status === 'SCHEDULED' ? <p class="banner info">{t('meeting.notOpenYet')}</p> : null}
      {meeting.status === 'SUSPENDED' ? (
        <p class="banner warn" role="status" data-testid="suspended">
          {t('meeting.suspendedBanner')}{meeting.suspendedReason ? `: ${meeting.suspendedReason}` : ''}
        </p>
      ) : null}
      {meeting.status === 'CLOSED' ? <p class="banner info">{t('meeting.closedBanner')}</p> : null}

      {role && meeting.status !== 'CLOSED' ? (
        present ? <InRoom me={me} meeting={meeting} act={act} /> : <JoinForm me={me} act={act} />
      ) : null}

      {chair && meeting.status !== 'CLOSED' ? <ChairControls meeting={meeting} act={act} /> : null}

      <div class="room-grid">
        <div class="current" data-testid="current-item" data-item-id={current?.itemId ?? ''}>
          <h3>{t('meeting.currentItem')}</h3>
          {current ? (
            <>
              <p class="item-title"><span class="item-number">{current.number}</span> {current.title}</p>
              {current.description ? <p class="description">{current.description}</p> : null}
              {current.presenter ? <p class="muted">{t('meeting.presenter')}: {current.presenter}</p> : null}
              {current.recused.length ? <p class="muted">{t('meeting.recused')}: {current.recused.map((r) => r.name).join(', ')}</p> : null}
            </>
          ) : <p class="muted">{t('meeting.noCurrentItem')}</p>}
          {poll ? <PollCard me={me} meeting={meeting} poll={poll} act={act} /> : null}
          {chair && current && !poll && meeting.status === 'OPEN' ? <PollForm item={current} act={act} /> : null}
        </div>
        <Speakers me={me} meeting={meeting} act={act} />
      </div>

      {role ? <ProblemBox meeting={meeting} act={act} showAll={chair || role === 'SECRETARY'} /> : null}
      <Attendance meeting={meeting} />
      <EventLog live={live} />
    </section>
  );
}

function Quorum({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const q = meeting.quorum;
  return (
    <div class={`quorum ${q.met ? 'met' : 'not-met'}`} data-testid="quorum" data-met={String(q.met)} data-present={q.present}
      data-required={q.required} role="status">
      <strong>{t('meeting.quorum')}</strong>
      <span class="figures">{t('meeting.quorumFigures', { p: q.present, m: q.members, r: q.required })}</span>
      <span class="verdict">{q.met ? t('meeting.quorumMet') : t('meeting.quorumNotMet')}</span>
    </div>
  );
}

/**
 * Joining verifies the person again (MDES process 1): their password, or a code from their authenticator
 * app once they have enrolled one (TOTP).
 */
function JoinForm({ me, act }: { me: Me; act: MeetingAct }) {
  const { t } = useI18n();
  const [enrolled, setEnrolled] = useState(!!me.totpEnabled);
  const [method, setMethod] = useState<'password' | 'totp'>(me.totpEnabled ? 'totp' : 'password');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, busy, go] = useAction();
  useEffect(() => { if (enrolled) setMethod('totp'); }, [enrolled]);
  const submit = (ev: Event) => {
    ev.preventDefault();
    void go(() => act('/join', method === 'totp' ? { totp: code.trim() } : { password }));
  };
  return (
    <div class="join">
      <form class="join-form" onSubmit={submit} aria-labelledby="join-title">
        <h3 id="join-title">{t('join.title')}</h3>
        <p class="muted">{t('join.why')}</p>
        <ErrorBanner detail error={error} shown={[method]} />
        {enrolled ? (
          <fieldset class="choices">
            <legend>{t('join.method')}</legend>
            <label class="check">
              <input type="radio" name="join-method" checked={method === 'totp'} onChange={() => setMethod('totp')} /> {t('join.totp')}
            </label>
            <label class="check">
              <input type="radio" name="join-method" checked={method === 'password'} onChange={() => setMethod('password')} /> {t('join.password')}
            </label>
          </fieldset>
        ) : null}
        {method === 'totp' ? (
          <Field id="join-totp" name="totp" label="join.totpCode" error={error} required>
            <input id="join-totp" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code}
              onInput={(ev) => setCode(ev.currentTarget.value)} />
          </Field>
        ) : (
          <Field id="join-password" name="password" label="join.password" error={error} required>
            <input id="join-password" type="password" autoComplete="current-password" value={password}
              onInput={(ev) => setPassword(ev.currentTarget.value)} />
          </Field>
        )}
        <button type="submit" class="primary" disabled={busy}>{t('join.submit')}</button>
      </form>
      {enrolled ? null : <TotpEnrolment onEnrolled={() => setEnrolled(true)} />}
    </div>
  );
}

/** Enrolling an authenticator app: its secret, then a first code to confirm it (not used before). */
function TotpEnrolment({ onEnrolled }: { onEnrolled: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [code, setCode] = useState('');
  const [error, busy, go] = useAction();
  if (!open) {
    return <button type="button" class="link totp-open" onClick={() => setOpen(true)}>{t('totp.setUp')}</button>;
  }
  return (
    <div class="totp" data-testid="totp-enrolment">
      <h3>{t('totp.title')}</h3>
      <ErrorBanner detail error={error} shown={['code']} />
      {!secret ? (
        <button type="button" class="secondary" disabled={busy}
          onClick={() => go(async () => setSecret(await post<{ secret: string; otpauthUri: string }>('/api/me/totp')))}>
          {t('totp.start')}
        </button>
      ) : (
        <form onSubmit={(ev) => {
          ev.preventDefault();
          void go(async () => {
            await post('/api/me/totp/confirm', { code: code.trim() });
            onEnrolled();
          });
        }}>
          <p>{t('totp.enterSecret')}</p>
          <p><code class="secret" data-testid="totp-secret">{secret.secret.replace(/(.{4})/g, '$1 ').trim()}</code></p>
          <p><a href={secret.otpauthUri}>{t('totp.openApp')}</a></p>
          <Field id="totp-code" name="code" label="totp.code" error={error} required>
            <input id="totp-code" inputMode="numeric" maxLength={6} value={code} onInput={(ev) => setCode(ev.currentTarget.value)} />
          </Field>
          <button type="submit" class="primary" disabled={busy}>{t('totp.confirm')}</button>
        </form>
      )}
    </div>
  );
}

function InRoom({ me, meeting, act }: { me: Me; meeting: Meeting; act: MeetingAct }) {
  const { t } = useI18n();
  const [error, busy, go] = useAction();
  const muted = !!memberOf(meeting, me.id)?.muted;
  return (
    <div class="in-room" data-testid="in-room">
      <p>
        <span class="presence in" aria-hidden="true" /> {t('meeting.youArePresent')}
        {muted ? <span class="badge pending">{t('meeting.youAreMuted')}</span> : null}
      </p>
      <ErrorBanner detail error={error} />
      <button type="button" class="small secondary" disabled={busy} onClick={() => go(() => act('/leave', {}))}>{t('meeting.leave')}</button>
    </div>
  );
}

function ChairControls({ meeting, act }: { meeting: Meeting; act: MeetingAct }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, busy, go] = useAction();
  return (
    <div class="chair-controls" data-testid="chair-controls">
      <h3>{t('chair.title')}</h3>
      <ErrorBanner detail error={error} shown={['reason']} />
      <div class="buttons">
        {meeting.status === 'SCHEDULED' ? (
          <button type="button" class="primary" disabled={busy} onClick={() => go(() => act('/open'))}>{t('chair.open')}</button>
        ) : null}
        {meeting.status === 'SUSPENDED' ? (
          <button type="button" class="primary" disabled={busy} onClick={() => go(() => act('/resume'))}>{t('chair.resume')}</button>
        ) : null}
        {meeting.status === 'OPEN' ? (
          <>
            <input aria-label={t('chair.suspendReason')} placeholder={t('chair.suspendReason')} value={reason}
              onInput={(ev) => setReason(ev.currentTarget.value)} />
            <button type="button" class="secondary" disabled={busy}
              onClick={() => go(async () => { await act('/suspend', { reason: reason || null }); setReason(''); })}>
              {t('chair.suspend')}
            </button>
            <button type="button" class="danger" disabled={busy} onClick={() => go(() => act('/close'))}>{t('chair.close')}</button>
          </>
        ) : null}
      </div>
    </div>
  );
}

function PollForm({ item, act }: { item: AgendaItem; act: MeetingAct }) {
  const { t } = useI18n();
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState(t('poll.defaultOptions'));
  const [secret, setSecret] = useState(false);
  const [error, busy, go] = useAction();
  const submit = (ev: Event) => {
    ev.preventDefault();
    void go(() => act('/polls', {
      itemId: item.itemId, question: question || null, secret,
      options: options.split('\n').map((o) => o.trim()).filter(Boolean),
    }));
  };
  return (
    <form class="poll-form" onSubmit={submit} aria-labelledby="poll-form-title">
      <h3 id="poll-form-title">{t('poll.open')}</h3>
      <ErrorBanner detail error={error} shown={['question', 'options']} />
      <Field id="poll-question" name="question" label="poll.question" error={error} required>
        <input id="poll-question" value={question} onInput={(ev) => setQuestion(ev.currentTarget.value)} />
      </Field>
      <Field id="poll-options" name="options" label="poll.options" error={error} hint="poll.optionsHint" required>
        <textarea id="poll-options" rows={3} value={options} onInput={(ev) => setOptions(ev.currentTarget.value)} />
      </Field>
      <label class="check">
        <input id="poll-secret" type="checkbox" checked={secret} onChange={(ev) => setSecret(ev.currentTarget.checked)} /> {t('poll.secret')}
      </label>
      <button type="submit" class="primary" disabled={busy}>{t('poll.open')}</button>
    </form>
  );
}

function PollCard({ me, meeting, poll, act }: { me: Me; meeting: Meeting; poll: Poll; act: MeetingAct }) {
  const { t } = useI18n();
  const [error, busy, go] = useAction();
  const blocker = voteBlocker(meeting, poll, me.id);
  const chair = roleOf(meeting, me.id) === 'CHAIR';
  return (
    <div class="poll" data-testid="open-poll" data-poll-id={poll.pollId} data-secret={String(poll.secret)} data-status={poll.status}>
      <h3>{t('poll.title')} {poll.secret ? <span class="badge secrecy">{t('poll.secretBadge')}</span> : <span class="badge plain">{t('poll.named')}</span>}</h3>
      <p class="question">{poll.question}</p>
      <ErrorBanner detail error={error} />
      {blocker === null ? (
        <div class="vote-buttons" role="group" aria-label={t('poll.vote')}>
          {poll.options.map((o) => (
            <button key={o} type="button" class="primary" data-choice={o} disabled={busy}
              onClick={() => go(() => act(`/polls/${poll.pollId}/votes`, { choice: o }))}>{o}</button>
          ))}
        </div>
      ) : blocker === 'voted' ? (
        <p class="banner success" data-testid="voted">{poll.secret ? t('poll.votedSecret') : t('poll.voted')}</p>
      ) : roleOf(meeting, me.id) ? <p class="muted" data-testid="vote-blocked">{t(`poll.blocked.${blocker}` as Key)}</p> : null}
      <TallyView poll={poll} />
      {chair ? (
        <button type="button" class="secondary" disabled={busy} onClick={() => go(() => act(`/polls/${poll.pollId}/close`))}>
          {t('poll.close')}
        </button>
      ) : null}
    </div>
  );
}

/** A named poll's running counts; a secret poll's only how many voted until it is closed. */
export function TallyView({ poll }: { poll: Poll }) {
  const { t, n } = useI18n();
  const x = tally(poll);
  return (
    <div class="tally" data-testid="tally" data-votes={x.votes} data-sealed={String(x.sealed)} aria-live="polite">
      <p class="votes" data-testid="votes">{t('poll.votes', { v: x.votes, e: x.eligible })}</p>
      {x.sealed ? <p class="muted" data-testid="sealed">{t('poll.sealed')}</p> : null}
      <ul>
        {x.rows.map((r) => (
          <li key={r.option} data-option={r.option} data-count={r.count ?? ''} class={x.leading === r.option ? 'leading' : ''}>
            <span class="option">{r.option}</span>
            <span class="bar" aria-hidden="true"><span style={{ width: `${Math.round(r.share * 100)}%` }} /></span>
            <span class="count">{r.count === null ? '—' : n(r.count)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Speakers({ me, meeting, act }: { me: Me; meeting: Meeting; act: MeetingAct }) {
  const { t, time } = useI18n();
  const [error, busy, go] = useAction();
  const chair = roleOf(meeting, me.id) === 'CHAIR';
  const queued = meeting.speakers.some((s) => s.personId === me.id);
  const present = isPresent(meeting, me.id);
  return (
    <div class="speakers" data-testid="speakers">
      <h3>{t('speakers.title')}</h3>
      {meeting.speaking ? (
        <p class="speaking" data-testid="speaking" data-person-id={meeting.speaking.personId}>
          {t('speakers.now', { p: meeting.speaking.name })} <small>{time(meeting.speaking.since)}</small>
        </p>
      ) : <p class="muted">{t('speakers.nobody')}</p>}
      {meeting.speakers.length ? (
        <ol class="queue">
          {meeting.speakers.map((s) => (
            <li key={s.personId} data-person-id={s.personId}>
              {s.name} <small>{time(s.at)}</small>
              {chair && meeting.status === 'OPEN' ? (
                <button type="button" class="small secondary" disabled={busy}
                  onClick={() => go(() => act('/floor', { personId: s.personId }))}>{t('speakers.give')}</button>
              ) : null}
            </li>
          ))}
        </ol>
      ) : <p class="muted">{t('speakers.empty')}</p>}
      <ErrorBanner detail error={error} />
      <div class="buttons">
        {present ? (
          <button type="button" class="secondary" disabled={busy}
            onClick={() => go(() => act('/speakers', queued ? { withdraw: true } : {}))}>
            {queued ? t('speakers.withdraw') : t('speakers.ask')}
          </button>
        ) : null}
        {chair && meeting.status === 'OPEN' && meeting.speakers.length ? (
          <button type="button" class="primary" disabled={busy} onClick={() => go(() => act('/floor', {}))}>{t('speakers.next')}</button>
        ) : null}
      </div>
    </div>
  );
}

/** The channel to report a problem with the meeting system (MDES process 7). */
function ProblemBox({ meeting, act, showAll }: { meeting: Meeting; act: MeetingAct; showAll: boolean }) {
  const { t, time } = useI18n();
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const [error, busy, go] = useAction();
  return (
    <details class="problems">
      <summary>{t('problem.title')}{meeting.problems.length && showAll ? ` (${meeting.problems.length})` : ''}</summary>
      <form onSubmit={(ev) => {
        ev.preventDefault();
        setSent(false);
        void go(async () => { await act('/problems', { text: text || null }); setText(''); setSent(true); });
      }}>
        {sent ? <p class="banner success" role="status">{t('problem.sent')}</p> : null}
        <ErrorBanner detail error={error} shown={['text']} />
        <Field id="problem-text" name="text" label="problem.text" error={error} required>
          <textarea id="problem-text" rows={2} maxLength={2000} value={text} onInput={(ev) => setText(ev.currentTarget.value)} />
        </Field>
        <button type="submit" class="secondary" disabled={busy}>{t('problem.send')}</button>
      </form>
      {showAll && meeting.problems.length ? (
        <ul class="problem-list">
          {meeting.problems.map((p, i) => <li key={i}><strong>{p.name}</strong> <small>{time(p.at)}</small>: {p.text}</li>)}
        </ul>
      ) : null}
    </details>
  );
}

/** Who joined and left, when, and how they were verified: the traffic data kept with the minutes. */
function Attendance({ meeting }: { meeting: Meeting }) {
  const { t, time } = useI18n();
  if (!meeting.attendance.length) return null;
  return (
    <details class="attendance">
      <summary>{t('attendance.title')} ({meeting.attendance.length})</summary>
      <ol>
        {meeting.attendance.map((a, i) => (
          <li key={i} data-what={a.what}>
            <small>{time(a.at)}</small> {a.name} — {t(`attendance.${a.what}` as Key)}
            {a.method ? ` (${a.method === 'TOTP' ? t('join.totp') : t('join.password')})` : ''}
            {a.removedBy ? ` · ${t('attendance.removedBy', { p: a.removedBy.displayName })}` : ''}
            {a.reason ? ` · ${a.reason}` : ''}
          </li>
        ))}
      </ol>
    </details>
  );
}

const EVENT_NAMES: Record<'th' | 'en', Record<string, string>> = {
  th: {
    MeetingScheduled: 'นัดประชุม', AgendaItemAdded: 'เพิ่มเรื่องในระเบียบวาระ', MeetingOpened: 'เปิดประชุม',
    ParticipantIdentityVerified: 'ยืนยันตัวตน', ParticipantJoined: 'เข้าร่วมประชุม', ParticipantLeft: 'ออกจากที่ประชุม',
    QuorumChanged: 'องค์ประชุมเปลี่ยน', AgendaItemStarted: 'เริ่มพิจารณาวาระ', ConflictOfInterestDeclared: 'แจ้งส่วนได้เสีย',
    PollOpened: 'เปิดการลงคะแนน', VoteCast: 'ลงคะแนน', BallotCast: 'ลงคะแนนลับ', PollClosed: 'ปิดการลงคะแนน',
    ResolutionRecorded: 'บันทึกมติ', FloorRequested: 'ขอพูด', FloorGiven: 'ให้พูด', ParticipantMuted: 'ปิด/เปิดเสียง',
    MeetingSuspended: 'พักการประชุม', MeetingResumed: 'ประชุมต่อ', ProblemReported: 'แจ้งปัญหา',
    RecordingAttached: 'แนบบันทึกภาพและเสียง', MeetingClosed: 'เลิกประชุม',
  },
  en: {
    MeetingScheduled: 'Scheduled', AgendaItemAdded: 'Agenda item added', MeetingOpened: 'Opened',
    ParticipantIdentityVerified: 'Identity verified', ParticipantJoined: 'Joined', ParticipantLeft: 'Left',
    QuorumChanged: 'Quorum changed', AgendaItemStarted: 'Item started', ConflictOfInterestDeclared: 'Conflict declared',
    PollOpened: 'Poll opened', VoteCast: 'Vote cast', BallotCast: 'Secret ballot cast', PollClosed: 'Poll closed',
    ResolutionRecorded: 'Resolution recorded', FloorRequested: 'Asked to speak', FloorGiven: 'Floor given',
    ParticipantMuted: 'Muted/unmuted', MeetingSuspended: 'Suspended', MeetingResumed: 'Resumed',
    ProblemReported: 'Problem reported', RecordingAttached: 'Recording attached', MeetingClosed: 'Closed',
  },
};

/** The meeting's events as this screen received them, pushed live or fetched after a reconnection. */
function EventLog({ live }: { live: LiveMeeting }) {
  const { t, lang, time } = useI18n();
  const events = live.events;
  const last = events.length ? events[events.length - 1].seq : 0;
  return (
    <details class="event-log" data-testid="event-log" data-last-seq={last} data-count={events.length}>
      <summary>{t('meeting.events')} ({events.length})</summary>
      <ol>
        {[...events].reverse().slice(0, 50).map((e) => {
          const who = (e.payload?.person ?? e.payload?.voter ?? e.payload?.by ?? e.payload?.member) as { displayName?: string } | undefined;
          return (
            <li key={e.seq} data-type={e.type}>
              <small>{time(e.at)}</small> {EVENT_NAMES[lang][e.type] ?? e.type}{who?.displayName ? ` · ${who.displayName}` : ''}
            </li>
          );
        })}
      </ol>
    </details>
  );
}

/** On an agenda item: the chair moves the session to it; a member declares an interest; the chair or secretary records its resolution. */
export function ItemControls({ me, meeting, item, act }: { me: Me; meeting: Meeting; item: AgendaItem; act: MeetingAct }) {
  const { t } = useI18n();
  const role = roleOf(meeting, me.id);
  const [form, setForm] = useState<'conflict' | 'resolution' | null>(null);
  const [error, busy, go] = useAction();
  const session = inSession(meeting);
  const voting = role === 'CHAIR' || role === 'SECRETARY' || role === 'MEMBER';
  const recused = item.recused.some((r) => r.personId === me.id);
  const canStart = role === 'CHAIR' && meeting.status === 'OPEN' && meeting.currentItem !== item.itemId;
  const canResolve = (role === 'CHAIR' || role === 'SECRETARY') && session && !item.resolution;
  if (!canStart && !voting && !canResolve) return null;
  return (
    <div class="item-controls">
      <ErrorBanner detail error={error} />
      <div class="buttons">
        {canStart ? (
          <button type="button" class="small primary" disabled={busy}
            onClick={() => go(() => act(`/agenda-items/${item.itemId}/start`))}>{t('item.start')}</button>
        ) : null}
        {voting && !recused ? (
          <button type="button" class="small secondary" aria-expanded={form === 'conflict'}
            onClick={() => setForm(form === 'conflict' ? null : 'conflict')}>{t('item.declare')}</button>
        ) : null}
        {recused ? <span class="badge pending">{t('item.youRecused')}</span> : null}
        {canResolve ? (
          <button type="button" class="small secondary" aria-expanded={form === 'resolution'}
            onClick={() => setForm(form === 'resolution' ? null : 'resolution')}>{t('item.resolve')}</button>
        ) : null}
      </div>
      {form === 'conflict' ? <ConflictForm item={item} act={act} done={() => setForm(null)} /> : null}
      {form === 'resolution' ? <ResolutionForm meeting={meeting} item={item} act={act} done={() => setForm(null)} /> : null}
    </div>
  );
}

function ConflictForm({ item, act, done }: { item: AgendaItem; act: MeetingAct; done: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, busy, go] = useAction();
  const fid = `conflict-${item.itemId}`;
  return (
    <form class="inline-form" onSubmit={(ev) => {
      ev.preventDefault();
      void go(async () => { await act(`/agenda-items/${item.itemId}/conflict`, { reason: reason || null }); done(); });
    }}>
      <p class="muted">{t('item.declareWhy')}</p>
      <ErrorBanner detail error={error} shown={['reason']} />
      <Field id={fid} name="reason" label="item.conflictReason" error={error} required>
        <input id={fid} value={reason} onInput={(ev) => setReason(ev.currentTarget.value)} />
      </Field>
      <button type="submit" class="danger small" disabled={busy}>{t('item.declareSubmit')}</button>
    </form>
  );
}

function ResolutionForm({ meeting, item, act, done }: { meeting: Meeting; item: AgendaItem; act: MeetingAct; done: () => void }) {
  const { t } = useI18n();
  const closed = meeting.polls.filter((p) => p.itemId === item.itemId && p.status === 'CLOSED');
  const [type, setType] = useState(item.section === 1 || item.section === 4 ? 'ACKNOWLEDGED' : 'ENDORSED');
  const [text, setText] = useState('');
  const [pollId, setPollId] = useState(closed.length ? closed[closed.length - 1].pollId : '');
  const [error, busy, go] = useAction();
  const fid = `resolution-${item.itemId}`;
  return (
    <form class="inline-form" onSubmit={(ev) => {
      ev.preventDefault();
      void go(async () => { await act(`/agenda-items/${item.itemId}/resolution`, { type, text: text || null, pollId: pollId || null }); done(); });
    }}>
      <ErrorBanner detail error={error} shown={['type', 'text', 'pollId']} />
      <Field id={`${fid}-type`} name="type" label="item.resolutionType" error={error} required>
        <select id={`${fid}-type`} value={type} onChange={(ev) => setType(ev.currentTarget.value)}>
          {RESOLUTIONS.map((r) => <option key={r} value={r}>{t(`resolution.${r}` as Key)}</option>)}
        </select>
      </Field>
      <Field id={`${fid}-text`} name="text" label="item.resolutionText" error={error}>
        <textarea id={`${fid}-text`} rows={2} value={text} onInput={(ev) => setText(ev.currentTarget.value)} />
      </Field>
      {closed.length ? (
        <Field id={`${fid}-poll`} name="pollId" label="item.resolutionPoll" error={error}>
          <select id={`${fid}-poll`} value={pollId} onChange={(ev) => setPollId(ev.currentTarget.value)}>
            <option value="">{t('common.none')}</option>
            {closed.map((p) => <option key={p.pollId} value={p.pollId}>{p.question}</option>)}
          </select>
        </Field>
      ) : null}
      <button type="submit" class="primary small" disabled={busy}>{t('item.resolveSubmit')}</button>
    </form>
  );
}

/** The closed polls with their counts, each with the proof that replaying the events gives the same electorate. */
export function PollResults({ meeting }: { meeting: Meeting }) {
  const { t, time } = useI18n();
  const closed = meeting.polls.filter((p) => p.status === 'CLOSED');
  if (!closed.length) return null;
  return (
    <section class="card" aria-labelledby="polls-title">
      <h2 id="polls-title">{t('poll.results')}</h2>
      <ul class="poll-results" data-testid="poll-results">
        {closed.map((p) => (
          <li key={p.pollId} data-poll-id={p.pollId}>
            <p class="question">{p.question} {p.secret ? <span class="badge secrecy">{t('poll.secretBadge')}</span> : null}</p>
            <small>{t('poll.closedAt', { t: time(p.closedAt) })}</small>
            <TallyView poll={p} />
            <a href={href(`/meetings/${meeting.id}/polls/${p.pollId}/proof`)} data-testid="proof-link">{t('proof.link')}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** #/meetings/{id}/polls/{pollId}/proof: the electorate and quorum replayed from the events at the poll's opening. */
export function PollProofPage({ me, id, pollId }: { me: Me; id: string; pollId: string }) {
  const { t, n, dateTime } = useI18n();
  const { meeting } = useMeeting(id, me);
  const [proof, setProof] = useState<PollProof | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    get<PollProof>(`/api/meetings/${id}/polls/${pollId}/proof`).then(setProof).catch((e) => setError(e as ApiError));
  }, [id, pollId]);
  const poll = meeting?.polls.find((p) => p.pollId === pollId);
  return (
    <section class="proof-page" aria-labelledby="proof-title">
      <div class="page-head">
        <a href={href(`/meetings/${id}`)} class="back">← {meeting ? `${meeting.committeeName} ${meeting.number}` : t('nav.meetings')}</a>
      </div>
      {meeting ? <MeetingHeader meeting={meeting} /> : null}
      <div class="card proof" data-testid="proof">
        <h2 id="proof-title">{t('proof.title')}</h2>
        {poll ? <p class="question">{poll.question}</p> : null}
        <ErrorBanner detail error={error} />
        {!proof ? (error ? null : <Loading />) : (
          <>
            <p class={`verdict ${proof.matches ? 'ok' : 'bad'}`} data-matches={String(proof.matches)}>
              {proof.matches ? `✓ ${t('proof.matches')}` : `✗ ${t('proof.differs')}`}
            </p>
            <p class="muted">{t('proof.replayed', { n: proof.eventsReplayed, t: dateTime(proof.openedAt) })}</p>
            <dl class="heading">
              <dt>{t('meeting.quorum')}</dt>
              <dd>{t('meeting.quorumFigures', { p: proof.quorum.present, m: proof.quorum.members, r: proof.quorum.required })}
                {' '}{proof.quorum.met ? t('meeting.quorumMet') : t('meeting.quorumNotMet')}</dd>
              <dt>{t('proof.eligible')}</dt>
              <dd>{n(proof.eligible.length)} ({t('proof.recorded')} {n(proof.recorded.eligible.length)})</dd>
            </dl>
            <h3>{t('proof.present')}</h3>
            <ul>
              {proof.present.map((p) => (
                <li key={p.personId} data-eligible={String(proof.eligible.includes(p.personId))}>
                  {p.name} <small>{t(`meeting.role.${p.role}` as Key)} · {dateTime(p.joinedAt, true)}</small>
                </li>
              ))}
            </ul>
            {proof.recused.length ? (
              <p class="muted">{t('meeting.recused')}: {proof.recused.map((r) => r.name).join(', ')}</p>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}

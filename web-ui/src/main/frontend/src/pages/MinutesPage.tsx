import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, request } from '../api';
import { ErrorBanner, Field, Loading, useAction } from '../components';
import { type Key, useI18n } from '../i18n';
import { bangkokInstant, memberOf, roleOf } from '../meeting';
import { href } from '../router';
import type { Me, Meeting, MeetingSummary, Minutes } from '../types';
import { MeetingHeader, useMeeting } from './meetingKit';

/**
 * The minutes (รายงานการประชุม, #/meetings/{id}/minutes): drafted from the session's events when the chair
 * closes it; the secretary edits and circulates them with a deadline; members object meanwhile; they are
 * certified by circulation or at a later meeting (its item ๒), then signed by the secretary and the chair.
 */
export function MinutesPage({ me, id }: { me: Me; id: string }) {
  const { t, e, dateTime } = useI18n();
  const { meeting } = useMeeting(id, me);
  const [minutes, setMinutes] = useState<Minutes | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = () => get<Minutes>(`/api/meetings/${id}/minutes`).then((m) => { setMinutes(m); setError(null); })
    .catch((err) => setError(err as ApiError));
  useEffect(() => { void load(); }, [id]);

  /** Every step answers with the minutes as they now stand (or nothing: then they are fetched again). */
  const step = async (method: string, path: string, body: unknown, done: Key) => {
    const m = await request<Minutes | undefined>(method, `/api/meetings/${id}/minutes${path}`, body);
    if (m && typeof m === 'object' && 'status' in m) setMinutes(m);
    else await load();
    setNotice(t(done));
  };

  const role = meeting ? roleOf(meeting, me.id) : undefined;
  const signedBy = (r: 'SECRETARY' | 'CHAIR') => minutes?.signatures.some((s) => s.role === r);
  const deadlinePassed = !!minutes?.circulation && new Date(minutes.circulation.deadline).getTime() <= Date.now();
  const certified = minutes && ['CERTIFIED', 'SIGNED', 'FILED'].includes(minutes.status);

  return (
    <section class="minutes-page" aria-labelledby="minutes-title" data-status={minutes?.status ?? ''}>
      <div class="page-head">
        <a href={href(`/meetings/${id}`)} class="back">← {meeting ? `${meeting.committeeName} ${meeting.number}` : t('nav.meetings')}</a>
      </div>
      {meeting ? <MeetingHeader meeting={meeting} /> : null}
      {notice ? <div class="banner success" role="status" data-testid="notice">{notice}</div> : null}
      {error ? (
        error.status === 404 && meeting && meeting.status !== 'CLOSED' ? <p class="banner info">{t('minutes.notYet')}</p> : <ErrorBanner detail error={error} />
      ) : null}
      {!minutes ? (error ? null : <Loading />) : (
        <div class="letter-layout">
          <article class="card minutes-text">
            <div class="marks">
              <h2 id="minutes-title">{t('minutes.title')}</h2>
              <span class={`badge status status-${minutes.status.toLowerCase()}`} data-testid="minutes-status" data-status={minutes.status}>
                {t(`minutes.status.${minutes.status}` as Key)}
              </span>
              <small>{t('minutes.revision', { n: minutes.revision })}</small>
            </div>
            {role === 'SECRETARY' && !certified ? (
              <MinutesEditor minutes={minutes} save={(text) => step('PUT', '', { text, revision: minutes.revision }, 'minutes.saved')} />
            ) : (
              <pre class="minutes-body" data-testid="minutes-body">{minutes.text}</pre>
            )}
            <p class="muted">
              {t('minutes.drafted', { t: dateTime(minutes.draftedAt) })}
              {minutes.editedAt ? ` · ${t('minutes.edited', { t: dateTime(minutes.editedAt) })}` : ''}
            </p>
            <p class="pdf-link">
              <a href={`/api/meetings/${id}/minutes/pdf`} target="_blank" rel="noopener" data-testid="minutes-pdf">
                {certified ? t('minutes.pdfSigned') : t('minutes.pdfPreview')}
              </a>
            </p>
          </article>
          <aside class="side">
            <section class="card actions" aria-labelledby="minutes-actions">
              <h2 id="minutes-actions">{t('letter.actions')}</h2>
              {role === 'SECRETARY' && minutes.status === 'DRAFT' ? (
                <CirculateForm run={(deadline) => step('POST', '/circulate', { deadline }, 'minutes.circulated')} />
              ) : null}
              {meeting && memberOf(meeting, me.id) && minutes.status === 'CIRCULATED' && !deadlinePassed ? (
                <ObjectionForm run={(text) => step('POST', '/objections', { text }, 'minutes.objected')} />
              ) : null}
              {(role === 'SECRETARY' || role === 'CHAIR') && !certified && meeting ? (
                <CertifyForm meeting={meeting} minutes={minutes} deadlinePassed={deadlinePassed}
                  run={(body) => step('POST', '/certify', body, 'minutes.certifiedDone')} />
              ) : null}
              {certified && !signedBy('SECRETARY') && role === 'SECRETARY' ? (
                <SignButton label="minutes.signSecretary" run={() => step('POST', '/sign', {}, 'minutes.signedDone')} />
              ) : null}
              {certified && signedBy('SECRETARY') && !signedBy('CHAIR') && role === 'CHAIR' ? (
                <SignButton label="minutes.signChair" run={() => step('POST', '/sign', {}, 'minutes.signedDone')} />
              ) : null}
              {certified && !signedBy('SECRETARY') && role === 'CHAIR' ? <p class="muted">{t('minutes.secretaryFirst')}</p> : null}
            </section>
            {minutes.circulation ? (
              <section class="card" aria-labelledby="circulation-title">
                <h2 id="circulation-title">{t('minutes.circulation')}</h2>
                <p>{t('minutes.deadline', { t: dateTime(minutes.circulation.deadline) })}</p>
                {minutes.circulation.objections.length === 0 ? <p class="muted">{t('minutes.noObjections')}</p> : (
                  <ul class="objections" data-testid="objections">
                    {minutes.circulation.objections.map((o, i) => (
                      <li key={i}><strong>{o.name}</strong> <small>{dateTime(o.at, true)}</small><p>{o.text}</p></li>
                    ))}
                  </ul>
                )}
              </section>
            ) : null}
            {minutes.certification ? (
              <section class="card" aria-labelledby="certification-title">
                <h2 id="certification-title">{t('minutes.certification')}</h2>
                <p data-testid="certification">
                  {minutes.certification.method === 'CIRCULATION' ? t('minutes.byCirculation')
                    : t('minutes.byMeeting', { m: minutes.certification.meetingNumber ?? '' })}
                </p>
                <p class="muted">{dateTime(minutes.certification.at)}</p>
              </section>
            ) : null}
            {minutes.signatures.length ? (
              <section class="card" aria-labelledby="msig-title">
                <h2 id="msig-title">{t('letter.signatures')}</h2>
                <ul class="signature-list" data-testid="minutes-signatures">
                  {minutes.signatures.map((s) => (
                    <li key={s.role} data-role={s.role}>
                      <p class="role">{t(`meeting.role.${s.role}` as Key)}</p>
                      <strong>{s.name}</strong>
                      <p class="muted">{t('letter.method.PADES')} · {dateTime(s.at)}</p>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {minutes.filed ? (
              <section class="card" aria-labelledby="mfiled-title">
                <h2 id="mfiled-title">{t('letter.filing')}</h2>
                <p data-testid="minutes-filed">
                  {minutes.filed.fileCode} · {minutes.filed.permanent ? t('action.permanent')
                    : `${t('action.retentionYears')} ${minutes.filed.retentionYears ?? ''}`}
                </p>
                <p class="muted">{dateTime(minutes.filed.at)} · {e('FILED')}</p>
              </section>
            ) : null}
          </aside>
        </div>
      )}
    </section>
  );
}

function MinutesEditor({ minutes, save }: { minutes: Minutes; save: (text: string) => Promise<void> }) {
  const { t } = useI18n();
  const [text, setText] = useState(minutes.text);
  const [error, busy, go] = useAction();
  useEffect(() => setText(minutes.text), [minutes.revision]);
  return (
    <form onSubmit={(ev) => { ev.preventDefault(); void go(() => save(text)); }}>
      <ErrorBanner detail error={error} shown={['text']} />
      {error?.code === 'STALE_REVISION' ? <p class="banner warn">{t('minutes.stale')}</p> : null}
      <Field id="minutes-text" name="text" label="minutes.text" error={error} wide>
        <textarea id="minutes-text" class="minutes-edit" rows={24} value={text} onInput={(ev) => setText(ev.currentTarget.value)} />
      </Field>
      <button type="submit" class="primary" disabled={busy || text === minutes.text}>{t('minutes.save')}</button>
    </form>
  );
}

function CirculateForm({ run }: { run: (deadline: string) => Promise<void> }) {
  const { t } = useI18n();
  const [deadline, setDeadline] = useState('');
  const [error, busy, go] = useAction();
  return (
    <form class="action" onSubmit={(ev) => { ev.preventDefault(); void go(() => run(deadline ? bangkokInstant(deadline) : '')); }}>
      <h3>{t('minutes.circulate')}</h3>
      <ErrorBanner detail error={error} shown={['deadline']} />
      <Field id="deadline" label="minutes.deadlineField" error={error} required>
        <input id="deadline" type="datetime-local" value={deadline} onInput={(ev) => setDeadline(ev.currentTarget.value)} />
      </Field>
      <button type="submit" class="primary" disabled={busy}>{t('minutes.circulate')}</button>
    </form>
  );
}

function ObjectionForm({ run }: { run: (text: string) => Promise<void> }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [error, busy, go] = useAction();
  return (
    <form class="action" onSubmit={(ev) => { ev.preventDefault(); void go(async () => { await run(text); setText(''); }); }}>
      <h3>{t('minutes.object')}</h3>
      <ErrorBanner detail error={error} shown={['text']} />
      <Field id="objection" name="text" label="minutes.objection" error={error} required>
        <textarea id="objection" rows={3} value={text} onInput={(ev) => setText(ev.currentTarget.value)} />
      </Field>
      <button type="submit" class="secondary" disabled={busy}>{t('minutes.object')}</button>
    </form>
  );
}

/** Certify by circulation once the deadline has passed, or at a later meeting of the committee (its item ๒). */
function CertifyForm({ meeting, minutes, deadlinePassed, run }: {
  meeting: Meeting; minutes: Minutes; deadlinePassed: boolean; run: (body: unknown) => Promise<void>;
}) {
  const { t, id } = useI18n();
  const [method, setMethod] = useState<'CIRCULATION' | 'NEXT_MEETING'>(minutes.circulation ? 'CIRCULATION' : 'NEXT_MEETING');
  const [later, setLater] = useState<MeetingSummary[]>([]);
  const [laterId, setLaterId] = useState('');
  const [items, setItems] = useState<{ itemId: string; number: string; title: string; resolved: boolean }[]>([]);
  const [itemId, setItemId] = useState('');
  const [error, busy, go] = useAction();
  useEffect(() => {
    get<MeetingSummary[]>('/api/meetings').then((all) => setLater(all.filter((m) => m.committeeId === meeting.committeeId
      && m.id !== meeting.id && m.startsAt > meeting.startsAt))).catch(() => setLater([]));
  }, [meeting.id]);
  useEffect(() => {
    setItems([]);
    setItemId('');
    if (!laterId) return;
    get<Meeting>(`/api/meetings/${laterId}`).then((m) => {
      const section2 = m.agenda.filter((i) => i.section === 2)
        .map((i) => ({ itemId: i.itemId, number: i.number, title: i.title, resolved: !!i.resolution }));
      setItems(section2);
      setItemId(section2[0]?.itemId ?? '');
    }).catch(() => setItems([]));
  }, [laterId]);
  return (
    <form class="action" onSubmit={(ev) => {
      ev.preventDefault();
      void go(() => run(method === 'CIRCULATION' ? { method } : { method, meetingId: laterId || null, itemId: itemId || null }));
    }}>
      <h3>{t('minutes.certify')}</h3>
      <ErrorBanner detail error={error} shown={['method', 'meetingId', 'itemId']} />
      <fieldset class="choices">
        <legend>{t('minutes.certifyHow')}</legend>
        <label class="check">
          <input type="radio" name="certify-method" checked={method === 'CIRCULATION'} onChange={() => setMethod('CIRCULATION')}
            disabled={!minutes.circulation} /> {t('minutes.byCirculation')}
        </label>
        <label class="check">
          <input type="radio" name="certify-method" checked={method === 'NEXT_MEETING'} onChange={() => setMethod('NEXT_MEETING')} />
          {' '}{t('minutes.atLaterMeeting')}
        </label>
      </fieldset>
      {method === 'CIRCULATION' && minutes.circulation && !deadlinePassed ? <p class="muted">{t('minutes.waitDeadline')}</p> : null}
      {method === 'NEXT_MEETING' ? (
        <>
          <Field id="meetingId" label="minutes.laterMeeting" error={error} required>
            <select id="meetingId" value={laterId} onChange={(ev) => setLaterId(ev.currentTarget.value)}>
              <option value="">{t('field.choose')}</option>
              {later.map((m) => <option key={m.id} value={m.id}>{id(m.number)} {m.title}</option>)}
            </select>
          </Field>
          {laterId ? (
            <Field id="itemId" label="minutes.section2Item" error={error} required>
              <select id="itemId" value={itemId} onChange={(ev) => setItemId(ev.currentTarget.value)}>
                {items.length === 0 ? <option value="">{t('minutes.noSection2')}</option> : null}
                {items.map((i) => <option key={i.itemId} value={i.itemId}>{id(i.number)} {i.title}{i.resolved ? '' : ` (${t('minutes.unresolved')})`}</option>)}
              </select>
            </Field>
          ) : null}
        </>
      ) : null}
      <button type="submit" class="primary" disabled={busy}>{t('minutes.certify')}</button>
    </form>
  );
}

function SignButton({ label, run }: { label: Key; run: () => Promise<void> }) {
  const { t } = useI18n();
  const [error, busy, go] = useAction();
  return (
    <div class="action">
      <p class="muted">{t('minutes.signWhy')}</p>
      <ErrorBanner detail error={error} />
      <button type="button" class="primary" disabled={busy} onClick={() => go(run)}>{t(label)}</button>
    </div>
  );
}

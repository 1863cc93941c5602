import { useState } from 'preact/hooks';
import { request } from '../api';
import { ErrorBanner, Field, Loading, useAction } from '../components';
import { type Key, useI18n } from '../i18n';
import { agendaSections, inSession, isOrganiser, memberOf, roleOf } from '../meeting';
import { href } from '../router';
import type { AgendaItem, Me, Meeting, MeetingMember, RsvpResponse } from '../types';
import { DocumentLink, MeetingHeader, type MeetingAct, useMeeting } from './meetingKit';
import { ItemControls, LiveRoom, PollResults } from './MeetingLive';

/**
 * One meeting (#/meetings/{id}): its heading, members with their replies, the agenda in six sections with
 * the papers, the invitations, and once the chair opens it the live room; #/meetings/{id}/live shows the
 * room alone.
 */
export function MeetingPage({ me, id, roomOnly }: { me: Me; id: string; roomOnly?: boolean }) {
  const { t } = useI18n();
  const live = useMeeting(id, me);
  const { meeting, error, act } = live;
  if (!meeting) return error ? <ErrorBanner detail error={error} /> : <Loading />;

  const organiser = isOrganiser(meeting, me);
  const showRoom = roomOnly || inSession(meeting) || (meeting.status === 'SCHEDULED' && roleOf(meeting, me.id) === 'CHAIR');
  return (
    <section class="meeting-page" aria-labelledby="meeting-title" data-status={meeting.status} data-meeting-id={meeting.id}
      data-seq={meeting.seq}>
      <div class="page-head">
        <a href={href('/meetings')} class="back">← {t('nav.meetings')}</a>
        {roomOnly ? <a href={href(`/meetings/${id}`)}>{t('meeting.details')}</a> : (
          <a href={href(`/meetings/${id}/live`)}>{t('meeting.room')}</a>
        )}
        {meeting.status === 'CLOSED' ? (
          <a class="button small secondary" href={href(`/meetings/${id}/minutes`)} data-testid="minutes-link">{t('minutes.title')}</a>
        ) : null}
      </div>
      <ErrorBanner detail error={error} />
      <MeetingHeader meeting={meeting} />
      <div class="meeting-layout">
        <div class="meeting-main">
          {showRoom ? <LiveRoom me={me} live={live} /> : null}
          {roomOnly ? null : (
            <>
              <Agenda me={me} meeting={meeting} act={act} />
              {organiser && meeting.status !== 'CLOSED' ? <AddItemForm act={act} /> : null}
            </>
          )}
        </div>
        <aside class="side">
          <Members me={me} meeting={meeting} act={act} />
          {roomOnly ? null : (
            <>
              {memberOf(meeting, me.id) && meeting.status === 'SCHEDULED' ? <RsvpForm me={me} meeting={meeting} act={act} /> : null}
              <Invitations meeting={meeting} organiser={organiser} reload={live.reload} />
              <PollResults meeting={meeting} />
              {meeting.recording ? (
                <section class="card" aria-labelledby="recording-title">
                  <h2 id="recording-title">{t('meeting.recording')}</h2>
                  <DocumentLink meetingId={meeting.id} doc={meeting.recording} />
                </section>
              ) : null}
            </>
          )}
        </aside>
      </div>
    </section>
  );
}

function Agenda({ me, meeting, act }: { me: Me; meeting: Meeting; act: MeetingAct }) {
  const { t, lang } = useI18n();
  return (
    <section class="card agenda" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('meeting.agenda')}</h2>
      <ol class="sections" data-testid="agenda">
        {agendaSections(meeting.agenda).map((s) => (
          <li key={s.number} data-section={s.number}>
            <h3>{t('meeting.section', { n: s.number })} {lang === 'th' ? s.th : s.en}</h3>
            {s.items.length === 0 ? <p class="muted">{t('meeting.noItems')}</p> : (
              <ol class="items">
                {s.items.map((item) => (
                  <AgendaEntry key={item.itemId} me={me} meeting={meeting} item={item} act={act} />
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
      {meeting.agenda.length ? <p class="muted">{t('meeting.itemCount', { n: meeting.agenda.length })}</p> : null}
    </section>
  );
}

function AgendaEntry({ me, meeting, item, act }: { me: Me; meeting: Meeting; item: AgendaItem; act: MeetingAct }) {
  const { t, id, n } = useI18n();
  const current = meeting.currentItem === item.itemId;
  return (
    <li class={`item${current ? ' current' : ''}`} data-item-id={item.itemId} data-current={current ? 'true' : undefined}>
      <p class="item-title">
        <span class="item-number">{id(item.number)}</span> {item.title}
        {current ? <span class="badge plain now">{t('meeting.now')}</span> : null}
      </p>
      {item.description ? <p class="description">{item.description}</p> : null}
      {item.presenter ? <p class="muted">{t('meeting.presenter')}: {item.presenter}</p> : null}
      {item.documents.length ? (
        <ul class="documents">
          {item.documents.map((d) => <li key={d.sha256}><DocumentLink meetingId={meeting.id} doc={d} /></li>)}
        </ul>
      ) : null}
      {item.recused.length ? (
        <p class="recused muted" data-testid="recused">
          {t('meeting.recused')}: {item.recused.map((r) => r.name).join(', ')}
        </p>
      ) : null}
      {item.quorumAtStart ? (
        <p class="muted">{t('meeting.quorumAtStart', { p: item.quorumAtStart.present, r: item.quorumAtStart.required })}</p>
      ) : null}
      {item.resolution ? (
        <div class="resolution" data-testid="resolution" data-type={item.resolution.type}>
          <strong>{t('meeting.resolution')}</strong> {item.resolution.typeThai}{item.resolution.text ? ` ${item.resolution.text}` : ''}
          {Object.keys(item.resolution.counts ?? {}).length ? (
            <span class="muted"> ({Object.entries(item.resolution.counts).map(([o, c]) => `${o} ${n(c)}`).join(' · ')})</span>
          ) : null}
        </div>
      ) : null}
      {meeting.status !== 'CLOSED' ? <ItemControls me={me} meeting={meeting} item={item} act={act} /> : null}
    </li>
  );
}

function Members({ me, meeting, act }: { me: Me; meeting: Meeting; act: MeetingAct }) {
  const { t, id, dateTime } = useI18n();
  const chair = roleOf(meeting, me.id) === 'CHAIR';
  const session = inSession(meeting);
  return (
    <section class="card" aria-labelledby="members-title">
      <h2 id="members-title">{t('meeting.members')}</h2>
      <ul class="members" data-testid="members">
        {meeting.members.map((m, i) => (
          <li key={m.personId ?? i} data-person-id={m.personId ?? undefined} data-role={m.role}
            data-present={session ? String(m.present) : undefined}>
            {session ? (
              <span class={`presence ${m.present ? 'in' : 'out'}`} title={m.present ? t('meeting.present') : t('meeting.absent')}
                aria-label={m.present ? t('meeting.present') : t('meeting.absent')} />
            ) : null}
            <div>
              <strong>{m.name}</strong>
              <small>{m.committeePosition ?? t(`meeting.role.${m.role}` as Key)}{m.position ? ` · ${m.position}` : ''}</small>
              <RsvpLine member={m} />
              {m.invitation ? (
                <small class="invitation">
                  {m.invitation.deliveredAt ? t('meeting.invitationDelivered', { t: dateTime(m.invitation.deliveredAt, true) }) : t('meeting.invitationSent')}
                  {m.invitation.receivingNumber ? ` · ${t('col.receivingNumber')} ${id(m.invitation.receivingNumber)}` : ''}
                </small>
              ) : null}
              {m.muted ? <small class="badge pending" data-testid="muted">{t('meeting.muted')}</small> : null}
            </div>
            {chair && session && m.present && m.personId && m.personId !== me.id ? (
              <ParticipantControls member={m} act={act} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RsvpLine({ member }: { member: MeetingMember }) {
  const { t } = useI18n();
  const r = member.rsvp;
  if (!r) return null;
  return (
    <small class={`rsvp rsvp-${r.response.toLowerCase()}`} data-rsvp={r.response}>
      {t(`rsvp.${r.response}` as Key)}
      {r.response === 'DELEGATE' && r.delegateName ? `: ${r.delegateName}${r.delegatePosition ? ` (${r.delegatePosition})` : ''}` : ''}
      {r.reason ? ` · ${r.reason}` : ''}
    </small>
  );
}

/** The chair mutes or unmutes a participant, or removes them from the session (MDES process 5). */
function ParticipantControls({ member, act }: { member: MeetingMember; act: MeetingAct }) {
  const { t } = useI18n();
  const [error, busy, go] = useAction();
  const pid = member.personId!;
  return (
    <div class="participant-controls">
      <button type="button" class="small secondary" disabled={busy}
        onClick={() => go(() => act(`/participants/${pid}/mute`, { muted: !member.muted }))}>
        {member.muted ? t('meeting.unmute') : t('meeting.mute')}
      </button>
      <button type="button" class="small danger" disabled={busy}
        onClick={() => go(() => act('/leave', { personId: pid, reason: t('meeting.removedReason') }))}>
        {t('meeting.remove')}
      </button>
      <ErrorBanner detail error={error} />
    </div>
  );
}

const RSVP: RsvpResponse[] = ['ATTENDING', 'NOT_ATTENDING', 'DELEGATE'];

function RsvpForm({ me, meeting, act }: { me: Me; meeting: Meeting; act: MeetingAct }) {
  const { t } = useI18n();
  const mine = memberOf(meeting, me.id)?.rsvp;
  const [response, setResponse] = useState<RsvpResponse>(mine?.response ?? 'ATTENDING');
  const [reason, setReason] = useState(mine?.reason ?? '');
  const [delegateName, setDelegateName] = useState(mine?.delegateName ?? '');
  const [delegatePosition, setDelegatePosition] = useState(mine?.delegatePosition ?? '');
  const [done, setDone] = useState(false);
  const [error, busy, go] = useAction();
  const submit = (ev: Event) => {
    ev.preventDefault();
    setDone(false);
    void go(async () => {
      await act('/rsvp', {
        response, reason: reason || null,
        delegateName: response === 'DELEGATE' ? delegateName || null : null,
        delegatePosition: response === 'DELEGATE' ? delegatePosition || null : null,
      });
      setDone(true);
    });
  };
  return (
    <form class="card rsvp-form" onSubmit={submit} aria-labelledby="rsvp-title">
      <h2 id="rsvp-title">{t('rsvp.title')}</h2>
      {mine ? <p class="muted" data-testid="my-rsvp">{t('rsvp.current')}: {t(`rsvp.${mine.response}` as Key)}</p> : null}
      {done ? <p class="banner success" role="status">{t('rsvp.saved')}</p> : null}
      <ErrorBanner detail error={error} shown={['response', 'reason', 'delegateName', 'delegatePosition']} />
      <fieldset class="choices">
        <legend>{t('rsvp.response')}</legend>
        {RSVP.map((r) => (
          <label key={r} class="check">
            <input type="radio" name="rsvp" value={r} checked={response === r} onChange={() => setResponse(r)} /> {t(`rsvp.${r}` as Key)}
          </label>
        ))}
      </fieldset>
      {response === 'DELEGATE' ? (
        <>
          <Field id="delegateName" label="rsvp.delegateName" error={error} required>
            <input id="delegateName" value={delegateName} onInput={(ev) => setDelegateName(ev.currentTarget.value)} />
          </Field>
          <Field id="delegatePosition" label="rsvp.delegatePosition" error={error}>
            <input id="delegatePosition" value={delegatePosition} onInput={(ev) => setDelegatePosition(ev.currentTarget.value)} />
          </Field>
        </>
      ) : null}
      {response !== 'ATTENDING' ? (
        <Field id="rsvp-reason" name="reason" label="rsvp.reason" error={error}>
          <input id="rsvp-reason" value={reason} onInput={(ev) => setReason(ev.currentTarget.value)} />
        </Field>
      ) : null}
      <button type="submit" class="primary" disabled={busy}>{t('rsvp.submit')}</button>
    </form>
  );
}

/** The invitations go out as official letters: drafted here, then approved, signed and dispatched as letters. */
function Invitations({ meeting, organiser, reload }: { meeting: Meeting; organiser: boolean; reload: () => Promise<void> }) {
  const { t, e, dateTime } = useI18n();
  const [error, busy, go] = useAction();
  const [made, setMade] = useState<string | null>(null);
  const invitations = meeting.invitations ?? [];
  if (!organiser && !invitations.length) return null;
  const send = () => go(async () => {
    const r = await request<{ letterId: string }>('POST', `/api/meetings/${meeting.id}/invitations`, {});
    setMade(r.letterId);
    // the meeting now lists the new draft
    await reload();
  });
  return (
    <section class="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('meeting.invitations')}</h2>
      {invitations.length === 0 ? <p class="muted">{t('meeting.noInvitations')}</p> : (
        <ul class="invitations" data-testid="invitations">
          {invitations.map((i) => (
            <li key={i.letterId} data-status={i.status}>
              <a href={href(`/letters/${i.letterId}`)}>{t('meeting.invitationLetter')}</a> · {e(i.status)}
              <small> {dateTime(i.dispatchedAt ?? i.at, true)}</small>
            </li>
          ))}
        </ul>
      )}
      {made ? (
        <p class="banner success" role="status">
          {t('meeting.invitationDrafted')} <a href={href(`/letters/${made}`)}>{t('meeting.openLetter')}</a>
        </p>
      ) : null}
      <ErrorBanner detail error={error} />
      {organiser && meeting.status === 'SCHEDULED' ? (
        <button type="button" class="secondary" disabled={busy} onClick={send}>{t('meeting.sendInvitations')}</button>
      ) : null}
    </section>
  );
}

interface DocRow { title: string; sha256: string | null; fileName: string | null; contentType: string | null; size: number | null; uploading: boolean; error: string }

function AddItemForm({ act }: { act: MeetingAct }) {
  const { t, lang } = useI18n();
  const [section, setSection] = useState('5');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [presenter, setPresenter] = useState('');
  const [docs, setDocs] = useState<DocRow[]>([]);
  const [done, setDone] = useState(false);
  const [error, busy, go] = useAction();

  const upload = async (i: number, file: File) => {
    const mark = (p: Partial<DocRow>) => setDocs((ds) => ds.map((d, j) => (j === i ? { ...d, ...p } : d)));
    mark({ uploading: true, error: '', fileName: file.name, title: docs[i].title || file.name.replace(/\.[^.]+$/, '') });
    const form = new FormData();
    form.append('file', file);
    try {
      const r = await request<{ sha256: string; contentType: string | null; size: number | null }>('POST', '/api/files', form);
      mark({ sha256: r.sha256, contentType: r.contentType ?? file.type, size: r.size ?? file.size, uploading: false });
    } catch (err) {
      mark({ uploading: false, error: (err as Error).message });
    }
  };

  const submit = (ev: Event) => {
    ev.preventDefault();
    setDone(false);
    void go(async () => {
      await act('/agenda-items', {
        section: Number(section), title: title || null, description: description || null, presenter: presenter || null,
        documents: docs.filter((d) => d.sha256).map((d) => ({
          title: d.title || d.fileName, sha256: d.sha256, fileName: d.fileName, contentType: d.contentType, size: d.size,
        })),
      });
      setTitle('');
      setDescription('');
      setPresenter('');
      setDocs([]);
      setDone(true);
    });
  };
  return (
    <form class="card add-item" onSubmit={submit} aria-labelledby="add-item-title">
      <h2 id="add-item-title">{t('meeting.addItem')}</h2>
      {done ? <p class="banner success" role="status">{t('meeting.itemAdded')}</p> : null}
      <ErrorBanner detail error={error} shown={['section', 'title', 'description', 'presenter', 'documents']} />
      <div class="form-grid">
        <Field id="section" label="meeting.sectionField" error={error} required>
          <select id="section" value={section} onChange={(ev) => setSection(ev.currentTarget.value)}>
            {agendaSections([]).map((s) => (
              <option key={s.number} value={String(s.number)}>{t('meeting.section', { n: s.number })} {lang === 'th' ? s.th : s.en}</option>
            ))}
          </select>
        </Field>
        <Field id="item-title" name="title" label="meeting.itemTitle" error={error} required wide>
          <input id="item-title" value={title} onInput={(ev) => setTitle(ev.currentTarget.value)} />
        </Field>
        <Field id="item-description" name="description" label="meeting.description" error={error} wide>
          <textarea id="item-description" rows={3} value={description} onInput={(ev) => setDescription(ev.currentTarget.value)} />
        </Field>
        <Field id="presenter" label="meeting.presenter" error={error} wide>
          <input id="presenter" value={presenter} onInput={(ev) => setPresenter(ev.currentTarget.value)} />
        </Field>
        <div class="field wide" data-field="documents">
          <label>{t('meeting.documents')}</label>
          <div class="rows">
            {docs.map((d, i) => (
              <div class="row" key={i}>
                <input aria-label={`${t('field.enclosure.title')} ${i + 1}`} value={d.title}
                  onInput={(ev) => { const v = ev.currentTarget.value; setDocs((ds) => ds.map((x, j) => (j === i ? { ...x, title: v } : x))); }} />
                <input type="file" aria-label={`${t('field.enclosure.file')} ${i + 1}`}
                  onChange={(ev) => { const f = ev.currentTarget.files?.[0]; if (f) void upload(i, f); }} />
                {d.uploading ? <span class="upload-state">{t('compose.uploading')}</span>
                  : d.sha256 ? <span class="upload-state" data-sha256={d.sha256}>✓ {t('compose.uploaded')}</span> : null}
                {d.error ? <p class="field-error">{d.error}</p> : null}
                <button type="button" class="link" onClick={() => setDocs((ds) => ds.filter((_, j) => j !== i))}>{t('compose.remove')}</button>
              </div>
            ))}
            <button type="button" class="small secondary" onClick={() => setDocs([...docs, {
              title: '', sha256: null, fileName: null, contentType: null, size: null, uploading: false, error: '',
            }])}>+ {t('meeting.addDocument')}</button>
          </div>
        </div>
      </div>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy || docs.some((d) => d.uploading)}>{t('meeting.addItem')}</button>
      </div>
    </form>
  );
}

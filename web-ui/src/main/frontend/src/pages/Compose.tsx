import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, patch, post, request } from '../api';
import {
  approvedUnsent, DateInput, EditAfterApprovalWarning, EnumSelect, ErrorBanner, Field, KINDS, Loading, SECRECIES, URGENCIES, useReason,
} from '../components';
import { useAgencies, usePeople } from '../directory';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import type { Letter, Me } from '../types';

// Which parts each kind's form has (ระเบียบสารบรรณ ข้อ ๑๑–๒๖, DOMAIN.md §1.3); the server decides
// what is required, and its errors are shown beside these fields.
const ADDRESSED = ['EXTERNAL', 'INTERNAL', 'STAMPED', 'MEMO'];
const FORM_LETTERS = ['EXTERNAL', 'INTERNAL', 'STAMPED'];
const has = {
  subject: (k: string) => k !== 'STAMPED' && k !== 'CERTIFICATE',
  salutation: (k: string) => FORM_LETTERS.includes(k) || k === 'MEMO',
  to: (k: string) => ADDRESSED.includes(k) || k === 'ORDER' || k === 'CERTIFICATE',
  references: (k: string) => FORM_LETTERS.includes(k) || k === 'MEMO',
  closing: (k: string) => k === 'EXTERNAL',
  signatory: (k: string) => k !== 'STATEMENT' && k !== 'NEWS',
  ownerUnit: (k: string) => FORM_LETTERS.includes(k) || k === 'MEMO',
  copiesTo: (k: string) => ADDRESSED.includes(k) || k === 'ORDER',
  circular: (k: string) => FORM_LETTERS.includes(k),
  stampedPurpose: (k: string) => k === 'STAMPED',
};
const REQUIRED = {
  subject: (k: string) => has.subject(k),
  salutation: (k: string) => FORM_LETTERS.includes(k),
  to: (k: string) => ADDRESSED.includes(k),
  closing: (k: string) => k === 'EXTERNAL',
  signatory: (k: string) => has.signatory(k),
  ownerUnit: (k: string) => FORM_LETTERS.includes(k),
};
const PURPOSES = ['REQUEST_DETAILS', 'SEND_COPIES', 'ACKNOWLEDGE_RECEIPT', 'REPORT_COMPLETION', 'REMINDER', 'DESIGNATED_BY_ORDER'];
const DEFAULT_SALUTATION: Record<string, string> = { EXTERNAL: 'เรียน', INTERNAL: 'เรียน', STAMPED: 'ถึง', MEMO: 'เรียน' };

interface RecipientRow { agencyCode: string; unitCode: string; position: string }
interface EnclosureRow { title: string; sha256: string; fileName: string; uploading: boolean; error: string }

interface Draft {
  kind: string;
  circular: boolean;
  urgency: string;
  deliverBy: string;
  secrecy: string;
  subject: string;
  salutation: string;
  to: RecipientRow[];
  references: string[];
  enclosures: EnclosureRow[];
  body: string;
  closing: string;
  signatory: string;
  ownerName: string;
  ownerPhone: string;
  ownerEmail: string;
  copiesTo: RecipientRow[];
  stampedPurpose: string;
}

function emptyDraft(me: Me): Draft {
  return {
    kind: 'EXTERNAL', circular: false, urgency: 'NORMAL', deliverBy: '', secrecy: 'NONE', subject: '',
    salutation: 'เรียน', to: [{ agencyCode: '', unitCode: '', position: '' }], references: [], enclosures: [],
    body: '', closing: 'ขอแสดงความนับถือ', signatory: '', ownerName: me.unitName ?? '', ownerPhone: '', ownerEmail: '',
    copiesTo: [], stampedPurpose: '',
  };
}

function fromLetter(l: Letter): Draft {
  const rows = (rs: Letter['to']) => rs.map((r) => ({ agencyCode: r.agencyCode ?? '', unitCode: r.unitCode ?? '', position: r.position ?? '' }));
  return {
    kind: l.kind, circular: l.circular, urgency: l.urgency, deliverBy: l.deliverBy ? l.deliverBy.slice(0, 10) : '',
    secrecy: l.secrecy, subject: l.subject ?? '', salutation: l.salutation ?? '', to: rows(l.to),
    references: [...l.references],
    enclosures: l.enclosures.map((x) => ({ title: x.title, sha256: x.sha256 ?? '', fileName: x.fileName ?? '', uploading: false, error: '' })),
    body: l.body.join('\n\n'), closing: l.closing ?? '', signatory: l.signatory?.id ?? '',
    ownerName: l.ownerUnit?.name ?? '', ownerPhone: l.ownerUnit?.phone ?? '', ownerEmail: l.ownerUnit?.email ?? '',
    copiesTo: rows(l.copiesTo), stampedPurpose: l.stampedPurpose ?? '',
  };
}

/** The request body of API.md "Letters": only the parts this kind's form has. */
function toRequest(d: Draft): Record<string, unknown> {
  const k = d.kind;
  const recipients = (rows: RecipientRow[]) => rows
    .filter((r) => r.agencyCode || r.position.trim())
    .map((r) => ({ agencyCode: r.agencyCode || null, unitCode: r.unitCode || null, position: r.position.trim() || null }));
  const paragraphs = d.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return {
    kind: k,
    circular: has.circular(k) ? d.circular : false,
    urgency: d.urgency,
    deliverBy: d.deliverBy ? `${d.deliverBy}T16:30:00+07:00` : null,
    secrecy: d.secrecy,
    subject: has.subject(k) ? d.subject.trim() || null : null,
    salutation: has.salutation(k) ? d.salutation.trim() || null : null,
    to: has.to(k) ? recipients(d.to) : [],
    references: has.references(k) ? d.references.map((r) => r.trim()).filter(Boolean) : [],
    enclosures: d.enclosures.map((x) => ({ title: x.title.trim(), sha256: x.sha256 || null })),
    body: paragraphs,
    closing: has.closing(k) ? d.closing.trim() || null : null,
    signatory: has.signatory(k) ? d.signatory || null : null,
    ownerUnit: has.ownerUnit(k) && (d.ownerName || d.ownerPhone || d.ownerEmail)
      ? { name: d.ownerName.trim() || null, phone: d.ownerPhone.trim() || null, email: d.ownerEmail.trim() || null }
      : null,
    copiesTo: has.copiesTo(k) ? recipients(d.copiesTo) : [],
    stampedPurpose: has.stampedPurpose(k) ? d.stampedPurpose || null : null,
  };
}

/** Compose a letter of any kind, or edit a draft; a refused form keeps every typed character. */
export function Compose({ me, letterId }: { me: Me; letterId?: string }) {
  const { t } = useI18n();
  const reason = useReason();
  const [draft, setDraft] = useState<Draft | null>(letterId ? null : emptyDraft(me));
  const [version, setVersion] = useState<number | null>(null);
  const [editing, setEditing] = useState<Letter | null>(null);
  const agencies = useAgencies();
  const signers = usePeople(me.agencyCode, 'SIGNER');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  // a refused form takes the clerk to the first field the server named
  useEffect(() => {
    if (!error?.errors.length) return;
    const first = document.querySelector<HTMLElement>('.compose .field.invalid :is(input, select, textarea), .compose .row .field-error');
    first?.scrollIntoView({ block: 'center' });
    if (first && first.matches('input, select, textarea')) first.focus();
  }, [error]);

  useEffect(() => {
    if (!letterId) {
      setDraft(emptyDraft(me));
      setVersion(null);
      setEditing(null);
      return;
    }
    get<Letter>(`/api/letters/${letterId}`).then((l) => {
      setDraft(fromLetter(l));
      setVersion(l.version);
      setEditing(l);
    }).catch((err) => setError(err as ApiError));
  }, [letterId]);

  if (!draft) return error ? <ErrorBanner error={error} /> : <Loading />;
  const k = draft.kind;
  const set = (p: Partial<Draft>) => setDraft({ ...draft, ...p });
  const setKind = (kind: string) => set({
    kind,
    salutation: draft.salutation || DEFAULT_SALUTATION[kind] || '',
    closing: draft.closing || (kind === 'EXTERNAL' ? 'ขอแสดงความนับถือ' : ''),
  });

  const save = async (ev: Event) => {
    ev.preventDefault();
    if (draft.enclosures.some((x) => x.uploading)) return;
    setBusy(true);
    try {
      const body = toRequest(draft);
      const saved = letterId
        ? await patch<Letter>(`/api/letters/${letterId}`, body, version !== null ? { 'If-Match': `"${version}"` } : {})
        : await post<Letter>('/api/letters', body);
      setError(null);
      navigate(`/letters/${saved.id}`);
    } catch (err) {
      setError(err as ApiError); // the draft state stays as typed
    } finally {
      setBusy(false);
    }
  };

  const upload = async (i: number, file: File) => {
    const rows = [...draft.enclosures];
    rows[i] = { ...rows[i], uploading: true, error: '', fileName: file.name, title: rows[i].title || file.name.replace(/\.[^.]+$/, '') };
    setDraft((d) => (d ? { ...d, enclosures: rows } : d));
    const form = new FormData();
    form.append('file', file);
    try {
      const r = await request<{ sha256: string }>('POST', '/api/files', form);
      setDraft((d) => {
        if (!d) return d;
        const next = [...d.enclosures];
        next[i] = { ...next[i], sha256: r.sha256, uploading: false };
        return { ...d, enclosures: next };
      });
    } catch (err) {
      setDraft((d) => {
        if (!d) return d;
        const next = [...d.enclosures];
        next[i] = { ...next[i], uploading: false, error: (err as ApiError).detail };
        return { ...d, enclosures: next };
      });
    }
  };

  const shownFields = ['kind', 'circular', 'urgency', 'deliverBy', 'secrecy', 'subject', 'salutation', 'to', 'references',
    'enclosures', 'body', 'closing', 'signatory', 'ownerUnit', 'copiesTo', 'stampedPurpose'];

  const recipientRows = (field: 'to' | 'copiesTo') => (
    <div class="rows">
      {draft[field].map((r, i) => {
        const units = agencies.find((a) => a.code === r.agencyCode)?.units ?? [];
        const update = (p: Partial<RecipientRow>) => {
          const rows = [...draft[field]];
          rows[i] = { ...rows[i], ...p };
          set({ [field]: rows } as Partial<Draft>);
        };
        const rowReason = reason(error?.errors.find((x) => x.field === `${field}[${i}]`)?.reason);
        return (
          <div class="row recipient" key={i} data-row={i}>
            <select aria-label={`${t('field.to.agency')} ${i + 1}`} value={r.agencyCode} name={`${field}[${i}].agencyCode`}
              onChange={(ev) => update({ agencyCode: ev.currentTarget.value, unitCode: '' })}>
              <option value="">{t('field.to.agency')}</option>
              {agencies.map((a) => <option key={a.code} value={a.code}>{a.name} ({a.code})</option>)}
            </select>
            {units.length ? (
              <select aria-label={`${t('action.toUnit')} ${i + 1}`} value={r.unitCode} name={`${field}[${i}].unitCode`}
                onChange={(ev) => update({ unitCode: ev.currentTarget.value })}>
                <option value="">{t('field.choose')}</option>
                {units.map((u) => <option key={u.code} value={u.code}>{u.code} {u.name}</option>)}
              </select>
            ) : null}
            <input aria-label={`${t('field.to.position')} ${i + 1}`} placeholder={t('field.to.position')} value={r.position}
              name={`${field}[${i}].position`} onInput={(ev) => update({ position: ev.currentTarget.value })} />
            <button type="button" class="link" onClick={() => set({ [field]: draft[field].filter((_, j) => j !== i) } as Partial<Draft>)}>
              {t('compose.remove')}
            </button>
            {rowReason ? <p class="field-error" role="alert">{rowReason}</p> : null}
          </div>
        );
      })}
      <button type="button" class="secondary small"
        onClick={() => set({ [field]: [...draft[field], { agencyCode: '', unitCode: '', position: '' }] } as Partial<Draft>)}>
        + {t('compose.addRecipient')}
      </button>
    </div>
  );

  return (
    <section class="compose" aria-labelledby="compose-title">
      <div class="page-head">
        <h1 id="compose-title">{!letterId ? t('compose.title') : editing && approvedUnsent(editing) ? t('compose.editApproved') : t('compose.edit')}</h1>
      </div>
      <form class="card form-grid" onSubmit={save} noValidate>
        {editing && approvedUnsent(editing) ? <div class="wide"><EditAfterApprovalWarning letter={editing} /></div> : null}
        <ErrorBanner error={error} shown={shownFields} />
        <Field id="kind" label="field.kind" error={error} required>
          <EnumSelect id="kind" values={KINDS} value={k} onChange={setKind} />
        </Field>
        <Field id="urgency" label="field.urgency" error={error}>
          <EnumSelect id="urgency" values={URGENCIES} value={draft.urgency} onChange={(urgency) => set({ urgency })} />
        </Field>
        <Field id="deliverBy" label="field.deliverBy" error={error}>
          <DateInput id="deliverBy" name="deliverBy" value={draft.deliverBy} onInput={(deliverBy) => set({ deliverBy })} />
        </Field>
        <Field id="secrecy" label="field.secrecy" error={error}>
          <EnumSelect id="secrecy" values={SECRECIES} value={draft.secrecy} onChange={(secrecy) => set({ secrecy })} />
        </Field>
        {has.circular(k) ? (
          <Field id="circular" label="field.circular" error={error}>
            <input id="circular" name="circular" type="checkbox" checked={draft.circular} onChange={(ev) => set({ circular: ev.currentTarget.checked })} />
          </Field>
        ) : null}
        {has.stampedPurpose(k) ? (
          <Field id="stampedPurpose" label="field.stampedPurpose" error={error} required wide>
            <EnumSelect id="stampedPurpose" values={PURPOSES} value={draft.stampedPurpose} none={t('field.choose')}
              onChange={(stampedPurpose) => set({ stampedPurpose })} />
          </Field>
        ) : null}
        {has.subject(k) ? (
          <Field id="subject" label="field.subject" error={error} required={REQUIRED.subject(k)} wide>
            <input id="subject" name="subject" value={draft.subject} maxLength={500} onInput={(ev) => set({ subject: ev.currentTarget.value })} />
          </Field>
        ) : null}
        {has.salutation(k) ? (
          <Field id="salutation" label="field.salutation" error={error} required={REQUIRED.salutation(k)}>
            <input id="salutation" name="salutation" value={draft.salutation} onInput={(ev) => set({ salutation: ev.currentTarget.value })} />
          </Field>
        ) : null}
        {has.to(k) ? (
          <Field id="to" label="field.to" error={error} required={REQUIRED.to(k)} wide>
            {recipientRows('to')}
          </Field>
        ) : null}
        {has.references(k) ? (
          <Field id="references" label="field.references" error={error} wide>
            <div class="rows">
              {draft.references.map((r, i) => (
                <div class="row" key={i}>
                  <input aria-label={`${t('field.references')} ${i + 1}`} value={r} name={`references[${i}]`} onInput={(ev) => {
                    const rows = [...draft.references];
                    rows[i] = ev.currentTarget.value;
                    set({ references: rows });
                  }} />
                  <button type="button" class="link" onClick={() => set({ references: draft.references.filter((_, j) => j !== i) })}>
                    {t('compose.remove')}
                  </button>
                </div>
              ))}
              <button type="button" class="secondary small" onClick={() => set({ references: [...draft.references, ''] })}>
                + {t('compose.addReference')}
              </button>
            </div>
          </Field>
        ) : null}
        <Field id="enclosures" label="field.enclosures" error={error} wide>
          <div class="rows">
            {draft.enclosures.map((x, i) => (
              <div class="row enclosure" key={i} data-row={i}>
                <input aria-label={`${t('field.enclosure.title')} ${i + 1}`} placeholder={t('field.enclosure.title')} value={x.title}
                  name={`enclosures[${i}].title`} onInput={(ev) => {
                    const rows = [...draft.enclosures];
                    rows[i] = { ...rows[i], title: ev.currentTarget.value };
                    set({ enclosures: rows });
                  }} />
                <input type="file" aria-label={`${t('field.enclosure.file')} ${i + 1}`} name={`enclosures[${i}].file`}
                  onChange={(ev) => { const f = ev.currentTarget.files?.[0]; if (f) void upload(i, f); }} />
                <span class="upload-state" data-sha256={x.sha256 || undefined}>
                  {x.uploading ? t('compose.uploading') : x.sha256 ? `✓ ${t('compose.uploaded')} ${x.fileName}` : ''}
                </span>
                <button type="button" class="link" onClick={() => set({ enclosures: draft.enclosures.filter((_, j) => j !== i) })}>
                  {t('compose.remove')}
                </button>
                {x.error ? <p class="field-error" role="alert">{x.error}</p> : null}
              </div>
            ))}
            <button type="button" class="secondary small"
              onClick={() => set({ enclosures: [...draft.enclosures, { title: '', sha256: '', fileName: '', uploading: false, error: '' }] })}>
              + {t('compose.addEnclosure')}
            </button>
          </div>
        </Field>
        <Field id="body" label="field.body" error={error} required hint="field.body.hint" wide>
          <textarea id="body" name="body" rows={10} value={draft.body} onInput={(ev) => set({ body: ev.currentTarget.value })} />
        </Field>
        {has.closing(k) ? (
          <Field id="closing" label="field.closing" error={error} required={REQUIRED.closing(k)}>
            <input id="closing" name="closing" value={draft.closing} onInput={(ev) => set({ closing: ev.currentTarget.value })} />
          </Field>
        ) : null}
        {has.signatory(k) ? (
          <Field id="signatory" label="field.signatory" error={error} required={REQUIRED.signatory(k)}>
            <select id="signatory" name="signatory" value={draft.signatory} onChange={(ev) => set({ signatory: ev.currentTarget.value })}>
              <option value="">{t('field.choose')}</option>
              {signers.map((p) => <option key={p.id} value={p.id}>{p.displayName} — {p.position}</option>)}
            </select>
          </Field>
        ) : null}
        {has.ownerUnit(k) ? (
          <>
            <Field id="ownerUnit.name" name="ownerUnit.name" label="field.ownerUnit.name" error={error} required={REQUIRED.ownerUnit(k)} wide>
              <input id="ownerUnit.name" name="ownerUnit.name" value={draft.ownerName} onInput={(ev) => set({ ownerName: ev.currentTarget.value })} />
            </Field>
            <Field id="ownerUnit.phone" name="ownerUnit.phone" label="field.ownerUnit.phone" error={error}>
              <input id="ownerUnit.phone" name="ownerUnit.phone" value={draft.ownerPhone} onInput={(ev) => set({ ownerPhone: ev.currentTarget.value })} />
            </Field>
            <Field id="ownerUnit.email" name="ownerUnit.email" label="field.ownerUnit.email" error={error}>
              <input id="ownerUnit.email" name="ownerUnit.email" type="email" value={draft.ownerEmail} onInput={(ev) => set({ ownerEmail: ev.currentTarget.value })} />
            </Field>
          </>
        ) : null}
        {has.copiesTo(k) ? (
          <Field id="copiesTo" label="field.copiesTo" error={error} wide>
            {recipientRows('copiesTo')}
          </Field>
        ) : null}
        <div class="form-actions wide">
          <button type="submit" class="primary" disabled={busy || draft.enclosures.some((x) => x.uploading)}>{t('compose.save')}</button>
          <button type="button" class="secondary" onClick={() => history.back()}>{t('common.back')}</button>
        </div>
      </form>
    </section>
  );
}

import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, getBlob, post } from '../api';
import {
  approvedUnsent, DateInput, EditAfterApprovalWarning, ErrorBanner, Field, Loading, SecrecyBadge, StatusBadge, UrgencyBadge, useAction,
} from '../components';
import { useAgencies, usePeople } from '../directory';
import { currentYearBE } from '../format';
import { type Key, useI18n } from '../i18n';
import { onLetterNotice, onReconnect } from '../live';
import { href } from '../router';
import { revisionChain, shortHash, signatorySignature, signsDigitally } from '../signing';
import type { Letter, Me, PersonRef, Route } from '../types';
import { RecordedVerification, verifyPdf, type VerifyReport, VerifyReportView } from '../verification';

type Act = (path: string, body?: unknown, done?: (l: Letter) => string) => Promise<boolean>;

/** One letter: its text as the form lays it out, what the caller may do next, routing and history. */
export function LetterPage({ me, id }: { me: Me; id: string }) {
  const { t, e, date, dateTime } = useI18n();
  const [letter, setLetter] = useState<Letter | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = () => get<Letter>(`/api/letters/${id}`).then((l) => { setLetter(l); setError(null); })
    .catch((err) => setError(err as ApiError));
  useEffect(() => {
    setLetter(null);
    setNotice(null);
    void load();
  }, [id]);
  useEffect(() => onLetterNotice((n) => { if (n.letterId === id) void load(); }), [id]);
  useEffect(() => onReconnect(() => void load()), [id]);

  if (!letter) return error ? <ErrorBanner error={error} /> : <Loading />;

  const act: Act = async (path, body, done) => {
    try {
      let next = await post<Letter>(`/api/letters/${id}${path}`, body ?? {}, { 'If-Match': `"${letter.version}"` });
      // 202 {id, seq, settled: false}: stored, but the view has not caught up yet; read it again
      if ((next as unknown as { settled?: boolean }).settled === false) {
        await new Promise((r) => setTimeout(r, 1000));
        next = await get<Letter>(`/api/letters/${id}`);
      }
      setLetter(next);
      setError(null);
      setNotice(done ? done(next) : t('action.done'));
      return true;
    } catch (err) {
      setNotice(null);
      throw err;
    }
  };

  const incoming = letter.direction === 'INCOMING';
  const signed = signatorySignature(letter);
  return (
    <section class="letter-page" aria-labelledby="letter-title" data-status={letter.status}>
      <div class="page-head">
        <a href={href(incoming ? '/inbox' : '/outbox')} class="back">← {incoming ? t('nav.inbox') : t('nav.outbox')}</a>
      </div>
      {notice ? <div class="banner success" role="status" data-testid="notice">{notice}</div> : null}
      <ErrorBanner error={error} />
      <div class="letter-layout">
        <article class="paper card" aria-label={e(letter.kind)}>
          <div class="marks">
            <UrgencyBadge urgency={letter.urgency} />
            <SecrecyBadge secrecy={letter.secrecy} />
            {letter.circular ? <span class="badge plain">{t('field.circular')}</span> : null}
            <StatusBadge status={letter.status} />
          </div>
          {letter.receiptStamp ? <ReceiptStamp stamp={letter.receiptStamp} /> : null}
          <p class="kind">{e(letter.kind)}{incoming ? ` · ${t('letter.copyOf', { a: letter.fromAgencyName })}` : ''}</p>
          <dl class="heading">
            <Row label="col.number" value={letter.number ?? '—'} testid="number" />
            <Row label="col.from" value={letter.fromAgencyName} />
            <Row label="col.date" value={letter.date ? date(letter.date) : '—'} />
            {letter.subject ? <Row label="col.subject" value={letter.subject} /> : null}
            {letter.to.length ? (
              <Row label="col.to" value={`${letter.salutation ? `${letter.salutation} ` : ''}${letter.to.map(recipientLabel).join(', ')}`} />
            ) : null}
            {letter.references.length ? <Row label="field.references" value={letter.references.join(' ; ')} /> : null}
            {letter.deliverBy ? <Row label="field.deliverBy" value={dateTime(letter.deliverBy)} /> : null}
          </dl>
          {letter.enclosures.length ? (
            <div class="enclosures">
              <strong>{t('field.enclosures')}</strong>
              <ol>
                {letter.enclosures.map((x, i) => (
                  <li key={i}>
                    {x.sha256 ? <a href={`/api/letters/${letter.id}/enclosures/${i}`} target="_blank" rel="noopener">{x.title}</a> : x.title}
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
          <div class="body">
            {letter.body.map((p, i) => <p key={i}>{p}</p>)}
          </div>
          {letter.closing ? <p class="closing">{letter.closing}</p> : null}
          {letter.signatory ? (
            <div class="signature">
              {signed?.method === 'PADES' ? <p class="e-sign" data-testid="e-signed">✓ {t('letter.eSigned')}</p>
                : signed ? <p class="typed-sign" title={t('letter.typedName')}>{letter.signatory.displayName}</p>
                  : <p class="sign-space" />}
              <p>({letter.signatory.displayName})</p>
              <p>{letter.signatory.position}</p>
            </div>
          ) : null}
          {letter.ownerUnit?.name ? (
            <div class="owner">
              <p>{letter.ownerUnit.name}</p>
              {letter.ownerUnit.phone ? <p>{t('field.ownerUnit.phone')} {letter.ownerUnit.phone}</p> : null}
              {letter.ownerUnit.email ? <p>{letter.ownerUnit.email}</p> : null}
            </div>
          ) : null}
          {letter.copiesTo.length ? <p class="copies">{t('field.copiesTo')}: {letter.copiesTo.map(recipientLabel).join(', ')}</p> : null}
          <p class="no-print pdf-link">
            <a href={`/api/letters/${letter.id}/pdf`} target="_blank" rel="noopener" data-testid="letter-pdf">
              {letter.scanSha256 ? t('letter.pdf') : letter.pdfSha256 ? t('pdf.open') : t('letter.pdfForm')}
            </a>
            {' · '}
            <a href={`/api/letters/${letter.id}/disclosure-copy`} target="_blank" rel="noopener" data-testid="disclosure-copy">
              {t('letter.disclosureCopy')}
            </a>
          </p>
          {letter.redactions?.length ? (
            <p class="banner warn" role="note" data-testid="redacted">
              {t('letter.redacted', { basis: letter.redactions.map((r) => r.legalBasis ?? '').join(', ') })}
            </p>
          ) : null}
        </article>
        <aside class="side">
          {letter.verification ? <RecordedVerification verification={letter.verification} /> : null}
          <Actions me={me} letter={letter} act={act} />
          {letter.pdfSha256 ? <PdfOfRecord letter={letter} /> : null}
          {incoming ? <Routes letter={letter} /> : <Deliveries letter={letter} />}
          <Signatures letter={letter} />
          {letter.filing ? (
            <section class="card" aria-labelledby="filing-title">
              <h2 id="filing-title">{t('letter.filing')}</h2>
              <p data-testid="filing">{letter.filing.fileCode} · {letter.filing.stamp}</p>
              <p class="muted">{letter.filing.by.displayName} · {dateTime(letter.filing.at)}</p>
              {(letter.onLoan ?? []).map((l) => (
                <p key={l.loanId} data-testid="on-loan">{t('letter.onLoan', { who: l.borrower.displayName, due: l.dueDateThai })}</p>
              ))}
            </section>
          ) : null}
          <History letter={letter} />
        </aside>
      </div>
    </section>
  );
}

function recipientLabel(r: { agencyCode: string | null; position: string | null; name?: string | null }): string {
  return [r.position ?? r.name, r.agencyCode ? `(${r.agencyCode})` : null].filter(Boolean).join(' ');
}

function Row({ label, value, testid }: { label: Key; value: string; testid?: string }) {
  const { t } = useI18n();
  return (
    <>
      <dt>{t(label)}</dt>
      <dd data-testid={testid}>{value}</dd>
    </>
  );
}

function ReceiptStamp({ stamp }: { stamp: NonNullable<Letter['receiptStamp']> }) {
  const { t } = useI18n();
  return (
    <div class="receipt-stamp" aria-label={t('letter.receipt')} data-testid="receipt-stamp">
      <strong>{stamp.agencyCode}</strong>
      <span>{t('col.receivingNumber')} <b data-testid="receiving-number">{stamp.receivingNumber}</b></span>
      <span>{t('col.date')} {stamp.date}</span>
      <span>{t('col.time')} {stamp.time}</span>
    </div>
  );
}

function Routes({ letter }: { letter: Letter }) {
  const { t, date, dateTime } = useI18n();
  const routes = letter.routes ?? [];
  return (
    <section class="card" aria-labelledby="routes-title">
      <h2 id="routes-title">{t('letter.routes')}</h2>
      {routes.length === 0 ? <p class="muted">{t('letter.noRoutes')}</p> : (
        <ol class="routes" data-testid="routes">
          {routes.map((r) => (
            <li key={r.routeId} class={`route ${r.state.toLowerCase()}`} data-route-id={r.routeId} data-state={r.state}>
              <p class="to">→ {r.toUnitName ?? r.toPerson?.displayName}</p>
              <p class="instruction">“{r.instruction}”</p>
              <p class="muted">{r.by.displayName} · {r.by.position} · {dateTime(r.at)}</p>
              {r.dueDate ? <p class="muted">{t('route.due', { d: date(r.dueDate) })}</p> : null}
              <p class="state">{t(`route.state.${r.state}` as Key)}</p>
              {r.acknowledgedBy && r.acknowledgedAt ? (
                <p class="muted">{t('route.ackBy', { p: r.acknowledgedBy.displayName, t: dateTime(r.acknowledgedAt) })}</p>
              ) : null}
              {r.completedBy && r.completedAt ? (
                <p class="muted">{t('route.doneBy', { p: r.completedBy.displayName, t: dateTime(r.completedAt) })}{r.note ? `: ${r.note}` : ''}</p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Deliveries({ letter }: { letter: Letter }) {
  const { t, e, id, dateTime } = useI18n();
  const deliveries = letter.deliveries ?? [];
  if (!deliveries.length) return null;
  return (
    <section class="card" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">{t('letter.deliveries')}</h2>
      <ul class="deliveries">
        {deliveries.map((d, i) => (
          <li key={i} data-state={String(d.status ?? '')}>
            <strong>{String(d.label ?? d.agencyCode)}</strong> ({d.agencyCode}) — {e(String(d.status ?? ''))}
            {d.receivingNumber ? <span> · {t('col.receivingNumber')} {id(String(d.receivingNumber))}</span> : null}
            {d.acknowledgedAt ? <span class="muted"> · {dateTime(String(d.acknowledgedAt))}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Who signed, in what role, how, and when; what the signature covers (the approved content, the signed PDF). */
function Signatures({ letter }: { letter: Letter }) {
  const { t, dateTime } = useI18n();
  const signatures = letter.signatures ?? [];
  if (!signatures.length) return null;
  return (
    <section class="card" aria-labelledby="signatures-title">
      <h2 id="signatures-title">{t('letter.signatures')}</h2>
      <ul class="signature-list" data-testid="signatures">
        {signatures.map((s, i) => {
          const role = s.role === 'VISA' ? 'VISA' : 'SIGNATORY';
          return (
            <li key={i} data-method={s.method} data-role={role}>
              <p class="role">{t(`letter.role.${role}`)}</p>
              <strong>{s.signer.displayName}</strong> · {s.signer.position}
              <p class="muted">
                {s.method === 'TYPED_NAME' ? t('letter.typedName') : s.method === 'PADES' ? t('letter.method.PADES') : s.method}
                {s.at ? ` · ${dateTime(s.at)}` : ''}
              </p>
              {s.contentHash ? (
                <p class="muted">{t('letter.contentHash')} <code class="hash" title={s.contentHash}>{shortHash(s.contentHash)}</code></p>
              ) : null}
              {s.pdfSha256 ? (
                <p class="muted">{t('letter.signedPdf')} <code class="hash" title={s.pdfSha256}>{shortHash(s.pdfSha256)}</code></p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const PDF_STEPS = ['RENDERED', 'VISA', 'SIGNATURE', 'RECEIPT_STAMP', 'PRESERVED'];

/** The signed PDF of record: its fingerprint, how it was made revision by revision, download and verify. */
function PdfOfRecord({ letter }: { letter: Letter }) {
  const { t, dateTime } = useI18n();
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [error, busy, go] = useAction();
  // a new revision (a signature, the receipt stamp) makes a report of the previous one stale
  useEffect(() => setReport(null), [letter.pdfSha256]);
  const path = `/api/letters/${letter.id}/pdf`;
  const verify = () => go(async () => {
    setReport(null);
    setReport(await verifyPdf(await getBlob(path), `letter-${letter.id}.pdf`));
  });
  const revisions = revisionChain(letter);
  return (
    <section class="card pdf-record" aria-labelledby="pdf-title" data-testid="pdf-record">
      <h2 id="pdf-title">{t('pdf.title')}</h2>
      <p class="muted">{t('pdf.fingerprint')} <code class="hash" title={letter.pdfSha256 ?? ''}>{shortHash(letter.pdfSha256)}</code></p>
      {revisions.length ? (
        <ol class="revisions" data-testid="pdf-revisions">
          {revisions.map((r) => (
            <li key={r.sha256} data-step={r.step}>
              <p class="what">{PDF_STEPS.includes(r.step) ? t(`pdf.step.${r.step}` as Key) : r.step}</p>
              <p class="muted">{r.by ? `${r.by.displayName} · ` : ''}<time dateTime={r.at}>{dateTime(r.at)}</time></p>
            </li>
          ))}
        </ol>
      ) : null}
      <div class="buttons">
        <a class="button secondary" href={path} download="" data-testid="pdf-download">{t('pdf.download')}</a>
        <button type="button" class="secondary" disabled={busy} onClick={verify}>{busy ? t('common.loading') : t('pdf.verify')}</button>
      </div>
      <ErrorBanner error={error} />
      {report ? <VerifyReportView report={report} testid="pdf-verify-report" /> : null}
    </section>
  );
}

function History({ letter }: { letter: Letter }) {
  const { t, dateTime } = useI18n();
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('letter.history')}</h2>
      <ol class="timeline" data-testid="history">
        {(letter.history ?? []).map((h) => (
          <li key={h.seq} data-type={h.type}>
            <p class="what">{h.what}</p>
            {h.detail ? <p class="detail">{h.detail}</p> : null}
            <p class="muted">
              {h.by ? `${h.by.displayName} · ${h.by.position} · ` : ''}
              <time dateTime={h.at}>{dateTime(h.at)}</time>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

// ------------------------------------------------------------------ actions

function isMe(me: Me, p: PersonRef | null | undefined): boolean {
  return !!p && p.id === me.id;
}

function Actions({ me, letter, act }: { me: Me; letter: Letter; act: Act }) {
  const { t, id, dateTime } = useI18n();
  const roles = new Set(me.roles);
  const s = letter.status;
  const items: ComponentChildren[] = [];
  const myRoutes = (letter.routes ?? []).filter((r) => r.state !== 'COMPLETED'
    && ((r.toUnitCode && r.toUnitCode === me.unitCode) || isMe(me, r.toPerson)));

  if (letter.direction === 'OUTGOING') {
    // only the author edits and submits a draft (the server refuses anyone else: NOT_THE_AUTHOR)
    if ((s === 'DRAFT' || s === 'RETURNED') && isMe(me, letter.author)) {
      if (s === 'RETURNED' && letter.returnReason) {
        items.push(<div class="banner warn" key="reason">{t('action.return')}: {String(letter.returnReason)}</div>);
      }
      items.push(<a key="edit" class="button secondary" href={href(`/letters/${letter.id}/edit`)}>{t('action.edit')}</a>);
      items.push(<SubmitForm key="submit" me={me} act={act} />);
    }
    if (s === 'PENDING_APPROVAL' && (isMe(me, letter.approver) || (!letter.approver && roles.has('APPROVER')))) {
      const hint = signsDigitally(me, letter) ? isMe(me, letter.signatory) ? 'approve.digitalSelf' : 'approve.digital' : undefined;
      items.push(<ApproveForm key="approve" act={act} hint={hint} />);
    }
    if (s === 'APPROVED' && letter.signatory && isMe(me, letter.signatory)) {
      items.push(<SignForm key="sign" me={me} letter={letter} act={act} />);
    }
    if (roles.has('CLERK') && (s === 'SIGNED' || (s === 'APPROVED' && !letter.signatory))) {
      items.push(
        <ActionButton key="dispatch" label="action.dispatch" primary
          run={() => act('/dispatch', {}, (l) => t('action.dispatched', { n: id(l.number) }))} />,
      );
    }
    if (approvedUnsent(letter) && isMe(me, letter.author)) {
      items.push(
        <div class="action" key="edit-approved">
          <EditAfterApprovalWarning letter={letter} />
          <a class="button secondary" href={href(`/letters/${letter.id}/edit`)}>{t('action.editApproved')}</a>
        </div>,
      );
    }
    // a letter numbered at approval (signed digitally) may be cancelled before it is sent, voiding its number
    if (roles.has('CLERK') && (s === 'DISPATCHED' || (approvedUnsent(letter) && letter.number))) {
      items.push(<ReasonForm key="cancel" label="action.cancel" field="reason" fieldLabel="action.cancelReason" path="/cancel" act={act} />);
    }
  } else {
    if (roles.has('CLERK') && s === 'DELIVERED') {
      items.push(
        <ActionButton key="receive" label="action.receive" primary
          run={() => act('/receive', {}, (l) => t('action.received', { n: id(l.receivingNumber), t: dateTime(l.receivedAt) }))} />,
      );
    }
    if (roles.has('CLERK') && s === 'RECEIVED') {
      items.push(<RouteForm key="route" me={me} act={act} />);
    }
    myRoutes.forEach((r) => items.push(<RouteActions key={r.routeId} route={r} act={act} />));
    if (roles.has('CLERK') && s === 'RECEIVED') {
      items.push(<FileForm key="file" me={me} act={act} />);
    }
  }

  return (
    <section class="card actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('letter.actions')}</h2>
      {letter.number ? <p class="muted">{t('col.number')} {id(letter.number)}{letter.receivingNumber ? ` · ${t('col.receivingNumber')} ${id(letter.receivingNumber)}` : ''}</p> : null}
      {items.length ? items : <p class="muted">{t('letter.noActions')}</p>}
    </section>
  );
}

function ActionButton({ label, run, primary }: { label: Key; run: () => Promise<unknown>; primary?: boolean }) {
  const { t } = useI18n();
  const [error, busy, go] = useAction();
  return (
    <div class="action">
      <ErrorBanner error={error} />
      <button type="button" class={primary ? 'primary' : 'secondary'} disabled={busy} onClick={() => go(run)}>{t(label)}</button>
    </div>
  );
}

function SubmitForm({ me, act }: { me: Me; act: Act }) {
  const { t } = useI18n();
  const approvers = usePeople(me.agencyCode, 'APPROVER');
  const [approverId, setApproverId] = useState('');
  const [error, busy, go] = useAction();
  return (
    <form class="action" onSubmit={(ev) => { ev.preventDefault(); void go(() => act('/submit', { approverId: approverId || null })); }}>
      <ErrorBanner error={error} shown={['approverId']} />
      <Field id="approverId" label="action.approver" error={error} required>
        <select id="approverId" value={approverId} onChange={(ev) => setApproverId(ev.currentTarget.value)}>
          <option value="">{t('field.choose')}</option>
          {approvers.map((p) => <option key={p.id} value={p.id}>{p.displayName} — {p.position}</option>)}
        </select>
      </Field>
      <button type="submit" class="primary" disabled={busy}>{t('action.submit')}</button>
    </form>
  );
}

/** Approve or return; {@code hint} says what else approving does (numbering, the PDF of record, the visa). */
function ApproveForm({ act, hint }: { act: Act; hint?: Key }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [error, busy, go] = useAction();
  return (
    <form class="action" onSubmit={(ev) => ev.preventDefault()}>
      {hint ? <p class="banner info" data-testid="digital-approval-hint">{t(hint)}</p> : null}
      <ErrorBanner error={error} shown={['comment', 'reason']} />
      <Field id="approval-text" name="reason" label="action.comment" error={error}>
        <textarea id="approval-text" rows={2} value={text} onInput={(ev) => setText(ev.currentTarget.value)} />
      </Field>
      <div class="buttons">
        <button type="button" class="primary" disabled={busy} onClick={() => go(() => act('/approve', { comment: text || null }))}>
          {t('action.approve')}
        </button>
        <button type="button" class="danger" disabled={busy} onClick={() => go(() => act('/return', { reason: text || null }))}>
          {t('action.return')}
        </button>
      </div>
    </form>
  );
}

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * The signatory signs by typing their own name: that is the signature itself for a letter signed by typed
 * name (API.md /sign), and the confirmation of who signs for a letter with a PDF of record, whose PAdES
 * signature appearance the server shows beforehand.
 */
function SignForm({ me, letter, act }: { me: Me; letter: Letter; act: Act }) {
  const { t } = useI18n();
  const digital = !!letter.pdfSha256;
  const [typed, setTyped] = useState('');
  const [previewFailed, setPreviewFailed] = useState(false);
  const [error, busy, go] = useAction();
  const sign = () => go(async () => {
    if (normalise(typed) !== normalise(me.displayName)) {
      throw new ApiError(422, 'TYPED_NAME_MISMATCH', t('err.typedName'), [{ field: 'typedName', reason: t('err.typedName') }]);
    }
    await act('/sign', { typedName: normalise(typed) });
  });
  return (
    <form class="action sign" onSubmit={(ev) => { ev.preventDefault(); void sign(); }}>
      {digital ? (
        <figure class="signature-preview" data-testid="signature-preview">
          <figcaption>{t('sign.preview')}</figcaption>
          {previewFailed ? <p class="muted">{t('sign.previewFailed')}</p> : (
            <img src={`/api/letters/${letter.id}/signature-preview`} alt={t('sign.preview')} onError={() => setPreviewFailed(true)} />
          )}
        </figure>
      ) : null}
      <Field id="typedName" label="action.typedName" error={error} hint={digital ? 'action.typedName.hintDigital' : 'action.typedName.hint'} required>
        <input id="typedName" value={typed} placeholder={me.displayName} autoComplete="off" onInput={(ev) => setTyped(ev.currentTarget.value)} />
      </Field>
      {digital ? null : <p class="sign-preview" aria-hidden="true">{typed || me.displayName}</p>}
      <button type="submit" class="primary" disabled={busy}>{digital ? t('action.signDigital') : t('action.sign')}</button>
    </form>
  );
}

function ReasonForm({ label, field, fieldLabel, path, act }: { label: Key; field: string; fieldLabel: Key; path: string; act: Act }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [error, busy, go] = useAction();
  return (
    <form class="action" onSubmit={(ev) => { ev.preventDefault(); void go(() => act(path, { [field]: text || null })); }}>
      <ErrorBanner error={error} shown={[field]} />
      <Field id={`${path.slice(1)}-${field}`} name={field} label={fieldLabel} error={error}>
        <input id={`${path.slice(1)}-${field}`} value={text} onInput={(ev) => setText(ev.currentTarget.value)} />
      </Field>
      <button type="submit" class="danger" disabled={busy}>{t(label)}</button>
    </form>
  );
}

function RouteForm({ me, act }: { me: Me; act: Act }) {
  const { t } = useI18n();
  const units = useAgencies().find((a) => a.code === me.agencyCode)?.units ?? [];
  const people = usePeople(me.agencyCode);
  const [toUnit, setToUnit] = useState('');
  const [toPerson, setToPerson] = useState('');
  const [instruction, setInstruction] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [error, busy, go] = useAction();
  const submit = (ev: Event) => {
    ev.preventDefault();
    void go(async () => {
      await act('/routes', { toUnit: toUnit || null, toPerson: toPerson || null, instruction: instruction || null, dueDate: dueDate || null });
      setInstruction('');
      setDueDate('');
    });
  };
  return (
    <form class="action route-form" onSubmit={submit}>
      <h3>{t('action.route')}</h3>
      <ErrorBanner error={error} shown={['toUnit', 'toPerson', 'instruction', 'dueDate']} />
      <Field id="toUnit" label="action.toUnit" error={error}>
        <select id="toUnit" value={toUnit} onChange={(ev) => setToUnit(ev.currentTarget.value)}>
          <option value="">{t('field.choose')}</option>
          {units.map((u) => <option key={u.code} value={u.code}>{u.code} {u.name}</option>)}
        </select>
      </Field>
      <Field id="toPerson" label="action.toPerson" error={error}>
        <select id="toPerson" value={toPerson} onChange={(ev) => setToPerson(ev.currentTarget.value)}>
          <option value="">{t('field.choose')}</option>
          {people.map((p) => <option key={p.id} value={p.id}>{p.displayName} — {p.position}</option>)}
        </select>
      </Field>
      <Field id="instruction" label="action.instruction" error={error} required>
        <textarea id="instruction" rows={2} value={instruction} onInput={(ev) => setInstruction(ev.currentTarget.value)} />
      </Field>
      <Field id="dueDate" label="action.dueDate" error={error}>
        <DateInput id="dueDate" value={dueDate} onInput={setDueDate} />
      </Field>
      <button type="submit" class="primary" disabled={busy}>{t('action.route')}</button>
    </form>
  );
}

function RouteActions({ route, act }: { route: Route; act: Act }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [error, busy, go] = useAction();
  return (
    <form class="action route-actions" data-route-id={route.routeId} onSubmit={(ev) => ev.preventDefault()}>
      <p class="instruction">“{route.instruction}”</p>
      <ErrorBanner error={error} shown={['note']} />
      {route.state === 'OPEN' ? (
        <button type="button" class="primary" disabled={busy}
          onClick={() => go(() => act(`/routes/${route.routeId}/acknowledge`))}>{t('action.acknowledge')}</button>
      ) : null}
      <Field id={`note-${route.routeId}`} name="note" label="action.note" error={error}>
        <textarea id={`note-${route.routeId}`} rows={2} value={note} onInput={(ev) => setNote(ev.currentTarget.value)} />
      </Field>
      <button type="button" class="secondary" disabled={busy}
        onClick={() => go(() => act(`/routes/${route.routeId}/complete`, { note: note || null }))}>{t('action.complete')}</button>
    </form>
  );
}

function FileForm({ me, act }: { me: Me; act: Act }) {
  const { t, id } = useI18n();
  const year = currentYearBE();
  const [fileCode, setFileCode] = useState(`${me.agencyCode}${me.unitCode ? `.${me.unitCode}` : ''}/${year}`);
  const [years, setYears] = useState('10');
  const [permanent, setPermanent] = useState(false);
  // the agency's file plan, when it keeps one: its codes decide the retention. Until it has
  // arrived (null) the form cannot know which fields it has, so it shows neither and cannot be sent.
  type Code = { code: string; title: string; retentionThai: string };
  const [plan, setPlan] = useState<Code[] | null>(null);
  useEffect(() => {
    get<Code[]>('/api/archive/file-plan')
      .then((codes) => {
        if (codes.length) setFileCode(codes[0].code);
        setPlan(codes);
      })
      .catch(() => setPlan([]));
  }, []);
  const [error, busy, go] = useAction();
  const planned = plan !== null && plan.length > 0;
  return (
    <form class="action file-form" onSubmit={(ev) => {
      ev.preventDefault();
      if (plan === null) return;
      void go(() => act('/file', planned ? { fileCode: fileCode || null }
        : { fileCode: fileCode || null, retentionYears: permanent ? null : Number(years) || null, permanent }));
    }}>
      <h3>{t('action.file')}</h3>
      <ErrorBanner error={error} shown={['fileCode', 'retentionYears', 'permanent']} />
      <Field id="fileCode" label="action.fileCode" error={error} required>
        {plan === null ? (
          <select id="fileCode" disabled aria-busy="true"><option value="">{t('common.loading')}</option></select>
        ) : planned ? (
          <select id="fileCode" value={fileCode} onChange={(ev) => setFileCode(ev.currentTarget.value)}>
            {plan.map((c) => <option key={c.code} value={c.code}>{id(c.code)} {c.title} ({c.retentionThai})</option>)}
          </select>
        ) : <input id="fileCode" value={fileCode} onInput={(ev) => setFileCode(ev.currentTarget.value)} />}
      </Field>
      {plan === null || planned ? null : (
        <>
          <Field id="retentionYears" label="action.retentionYears" error={error}>
            <input id="retentionYears" type="number" min={1} value={years} disabled={permanent} onInput={(ev) => setYears(ev.currentTarget.value)} />
          </Field>
          <label class="check">
            <input type="checkbox" checked={permanent} onChange={(ev) => setPermanent(ev.currentTarget.checked)} /> {t('action.permanent')}
          </label>
        </>
      )}
      <button type="submit" class="primary" disabled={busy || plan === null}>{t('action.file')}</button>
    </form>
  );
}

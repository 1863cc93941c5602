import { request } from './api';
import { type Key, useI18n } from './i18n';
import { padesLevel } from './signing';
import type { SignatureCheck, Verification } from './types';

// How a verification of a signed PDF reads, wherever it is shown: the public verify page, the letter
// page's "verify" button, and the verification the receiving agency recorded on its copy.

/** One signature or document timestamp of a POST /api/verify report. */
interface ReportedSignature extends SignatureCheck {
  revision: number;
  subject: string | null;
  issuer: string | null;
  claimedTime: string | null;
  coversWholeDocument: boolean;
  laterChanges: { kind: string; detail: string }[];
  certificateStatusThai: string;
  notes: string[];
}

/** POST /api/verify's answer. */
export interface VerifyReport {
  status: 'READ' | 'MALFORMED' | 'TOO_LARGE';
  problem: string | null;
  valid: boolean;
  signed: boolean;
  summaryThai: string;
  signatures: ReportedSignature[];
}

/** Sends a PDF to the public verifier (multipart field `file`); nothing is stored. */
export function verifyPdf(pdf: Blob, name: string): Promise<VerifyReport> {
  const form = new FormData();
  form.append('file', pdf, name);
  return request<VerifyReport>('POST', '/api/verify', form);
}

/** The verdict of a report and each signature it found. */
export function VerifyReportView({ report, file, testid }: { report: VerifyReport; file?: string; testid?: string }) {
  const { t, lang } = useI18n();
  const verdict = lang === 'th' ? report.summaryThai : report.valid ? t('verify.valid')
    : report.signed ? t('verify.invalid') : report.status === 'READ' ? t('verify.unsigned') : t('verify.unreadable');
  return (
    <div class="card report" data-valid={String(report.valid)} data-status={report.status} data-testid={testid}>
      {file ? <p class="file">{file}</p> : null}
      <p class={`verdict ${report.valid ? 'ok' : 'bad'}`} data-testid="verdict">{verdict}</p>
      <SignatureChecks checks={report.signatures.map((s) => ({ ...s, signingTime: s.claimedTime }))} />
    </div>
  );
}

/** What the receiving agency's clerk found when they received the copy, kept with it. */
export function RecordedVerification({ verification: v }: { verification: Verification }) {
  const { t, lang, dateTime } = useI18n();
  return (
    <section class={`card verification ${v.valid ? 'ok' : 'bad'}`} aria-labelledby="verification-title"
      data-valid={String(v.valid)} data-testid="verification">
      <h2 id="verification-title">{t('verification.title')}</h2>
      <p class={`verdict ${v.valid ? 'ok' : 'bad'}`} data-testid="verification-status">
        {v.valid ? `✓ ${t('verification.valid')}` : `✗ ${t('verification.invalid')}`}
      </p>
      <p>{lang === 'th' ? v.summaryThai : v.valid ? t('verify.valid') : t('verify.invalid')}</p>
      {v.level ? <p>{t('verify.level')}: {padesLevel(v.level)}</p> : null}
      <SignatureChecks checks={v.signatures} />
      <p class="muted">{t('verification.by', { p: v.by.displayName, t: dateTime(v.at) })}</p>
    </section>
  );
}

const CERTIFICATE_STATUSES = ['VALID', 'REVOCATION_UNKNOWN', 'REVOKED', 'EXPIRED', 'NOT_TRUSTED', 'NO_CERTIFICATE'];

/** Each signature in the order the PDF's revisions carry them: who, intact or not, certificate, times, level. */
function SignatureChecks({ checks }: { checks: (SignatureCheck & Partial<ReportedSignature>)[] }) {
  const { t, lang, n, dateTime } = useI18n();
  const certificate = (s: SignatureCheck & Partial<ReportedSignature>) => {
    if (lang === 'th' && s.certificateStatusThai) return s.certificateStatusThai;
    return s.certificateStatus && CERTIFICATE_STATUSES.includes(s.certificateStatus)
      ? t(`cert.${s.certificateStatus}` as Key) : s.certificateStatus ?? '';
  };
  return (
    <ol class="checks">
      {checks.map((s, i) => (
        <li key={s.revision ?? i} data-intact={String(s.intact)} data-kind={s.kind}>
          <p class="what">
            {n(s.revision ?? i + 1)}. {s.kind === 'SIGNATURE' ? t('verify.signature') : t('verify.docTimestamp')}
            {s.signerName ? ` — ${s.signerName}` : ''}
          </p>
          <p>{s.intact ? `✓ ${t('verify.intact')}` : `✗ ${t('verify.broken')}`}</p>
          {s.signingTime ? <p>{t('verify.signingTime')}: {dateTime(s.signingTime)}</p> : null}
          {s.timestampTime ? <p>{t('verify.time')}: {dateTime(s.timestampTime)}</p> : null}
          <p>{t('verify.certificate')}: {certificate(s)}</p>
          {s.level ? <p>{t('verify.level')}: {padesLevel(s.level)}</p> : null}
          {s.issuer ? <p class="muted">{t('verify.issuer')}: {s.issuer}</p> : null}
          {s.laterChanges?.length ? (
            <p class="muted">{t('verify.later')}: {s.laterChanges.map((c) => c.detail || c.kind).join(', ')}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

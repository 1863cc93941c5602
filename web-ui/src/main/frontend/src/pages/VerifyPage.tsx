import { useState } from 'preact/hooks';
import { ApiError, request } from '../api';
import { ErrorBanner } from '../components';
import { useI18n } from '../i18n';

interface SignatureReport {
  revision: number;
  kind: 'SIGNATURE' | 'DOCUMENT_TIMESTAMP';
  signerName: string | null;
  subject: string | null;
  issuer: string | null;
  timestampTime: string | null;
  claimedTime: string | null;
  intact: boolean;
  coversWholeDocument: boolean;
  laterChanges: { kind: string; detail: string }[];
  certificateStatus: string;
  certificateStatusThai: string;
  level: string | null;
  notes: string[];
}

interface Report {
  status: 'READ' | 'MALFORMED' | 'TOO_LARGE';
  problem: string | null;
  valid: boolean;
  signed: boolean;
  summaryThai: string;
  signatures: SignatureReport[];
}

/** The public verification page: anyone drops a PDF and reads who signed it, when, and whether it is intact. */
export function VerifyPage() {
  const { t, lang, n, dateTime } = useI18n();
  const [report, setReport] = useState<Report | null>(null);
  const [file, setFile] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (f: File) => {
    setBusy(true);
    setFile(f.name);
    setReport(null);
    const form = new FormData();
    form.append('file', f);
    try {
      setReport(await request<Report>('POST', '/api/verify', form));
      setError(null);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="verify" aria-labelledby="verify-title">
      <div class="page-head"><h1 id="verify-title">{t('verify.title')}</h1></div>
      <p class="muted">{t('verify.intro')}</p>
      <label class="drop card" onDragOver={(ev) => ev.preventDefault()}
        onDrop={(ev) => { ev.preventDefault(); const f = ev.dataTransfer?.files?.[0]; if (f) void check(f); }}>
        <span>{busy ? t('common.loading') : t('verify.drop')}</span>
        <input type="file" accept="application/pdf,.pdf" aria-label={t('verify.file')}
          onChange={(ev) => { const f = ev.currentTarget.files?.[0]; if (f) void check(f); }} />
      </label>
      <ErrorBanner error={error} />
      {report ? (
        <div class="card report" data-valid={String(report.valid)} data-status={report.status}>
          <p class="file">{file}</p>
          <p class={`verdict ${report.valid ? 'ok' : 'bad'}`} data-testid="verdict">
            {lang === 'th' ? report.summaryThai : report.valid ? t('verify.valid')
              : report.signed ? t('verify.invalid') : report.status === 'READ' ? t('verify.unsigned') : t('verify.unreadable')}
          </p>
          <ol class="signatures">
            {report.signatures.map((s) => (
              <li key={s.revision} data-intact={String(s.intact)}>
                <p class="what">
                  {n(s.revision)}. {s.kind === 'SIGNATURE' ? t('verify.signature') : t('verify.docTimestamp')}
                  {s.signerName ? ` — ${s.signerName}` : ''}
                </p>
                <p>{s.intact ? `✓ ${t('verify.intact')}` : `✗ ${t('verify.broken')}`}</p>
                {s.timestampTime ? <p>{t('verify.time')}: {dateTime(s.timestampTime)}</p> : null}
                <p>{t('verify.certificate')}: {lang === 'th' ? s.certificateStatusThai : s.certificateStatus}</p>
                {s.level ? <p>{t('verify.level')}: {s.level}</p> : null}
                {s.issuer ? <p class="muted">{t('verify.issuer')}: {s.issuer}</p> : null}
                {s.laterChanges.length ? (
                  <p class="muted">{t('verify.later')}: {s.laterChanges.map((c) => c.detail || c.kind).join(', ')}</p>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}

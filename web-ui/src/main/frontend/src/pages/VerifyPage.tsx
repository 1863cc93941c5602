import { useState } from 'preact/hooks';
import type { ApiError } from '../api';
import { ErrorBanner } from '../components';
import { useI18n } from '../i18n';
import { verifyPdf, type VerifyReport, VerifyReportView } from '../verification';

/** The public verification page: anyone drops a PDF and reads who signed it, when, and whether it is intact. */
export function VerifyPage() {
  const { t } = useI18n();
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [file, setFile] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (f: File) => {
    setBusy(true);
    setFile(f.name);
    setReport(null);
    try {
      setReport(await verifyPdf(f, f.name));
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
      {report ? <VerifyReportView report={report} file={file} /> : null}
    </section>
  );
}

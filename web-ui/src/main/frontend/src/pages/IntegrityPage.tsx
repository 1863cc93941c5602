import { useEffect, useState } from 'preact/hooks';
import { type ApiError, get, post } from '../api';
import { ErrorBanner } from '../components';
import { useI18n } from '../i18n';
import type { Me } from '../types';

interface Checkpoint { position: number; hash: string; at: string; atThai: string; algorithm: string; valid: boolean }
interface Integrity { head: { position: number; hash: string }; checkpoint: Checkpoint | null }
interface Verification {
  intact: boolean;
  chain: { checked: number; headPosition: number; headHash: string | null; brokenAt: number | null; problem: string | null };
  checkpoints: number;
  checkpointProblems: string[];
}

/**
 * The event log's integrity (issue 6): the hash chain's head and the latest signed checkpoint for everyone;
 * records officers and administrators sign a checkpoint now or walk the whole chain, which names the first
 * event that was changed, removed or moved.
 */
export function IntegrityPage({ me }: { me: Me }) {
  const { t, n, dateTime } = useI18n();
  const [state, setState] = useState<Integrity | null>(null);
  const [report, setReport] = useState<Verification | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const keeper = me.roles.includes('RECORDS_OFFICER') || me.roles.includes('ADMIN');

  const load = () => get<Integrity>('/api/integrity').then(setState).catch((e) => setError(e as ApiError));
  useEffect(() => { void load(); }, []);

  const run = async (f: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await f();
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="integrity" aria-labelledby="integrity-title">
      <div class="page-head"><h1 id="integrity-title">{t('integrity.title')}</h1></div>
      <p class="muted">{t('integrity.intro')}</p>
      <ErrorBanner error={error} />
      {state ? (
        <div class="card">
          <dl class="heading">
            <dt>{t('integrity.head')}</dt>
            <dd data-testid="integrity-head">{t('integrity.position', { p: n(state.head.position) })}
              {' '}<code class="hash">{state.head.hash.slice(0, 16)}…</code></dd>
            <dt>{t('integrity.checkpoint')}</dt>
            <dd data-testid="integrity-checkpoint">
              {state.checkpoint ? (
                <>
                  {t('integrity.position', { p: n(state.checkpoint.position) })} · {dateTime(state.checkpoint.at)}
                  {' '}<span class={`badge ${state.checkpoint.valid ? 'plain' : 'urgency'}`}>
                    {t(state.checkpoint.valid ? 'integrity.sealed' : 'integrity.sealBroken')}
                  </span>
                </>
              ) : t('integrity.noCheckpoint')}
            </dd>
          </dl>
          {keeper ? (
            <div class="actions">
              <button type="button" class="secondary" disabled={busy}
                onClick={() => run(async () => { await post('/api/integrity/checkpoints'); await load(); })}>
                {t('integrity.checkpointNow')}
              </button>
              <button type="button" class="primary" disabled={busy}
                onClick={() => run(async () => setReport(await post<Verification>('/api/integrity/verify')))}>
                {busy ? t('common.loading') : t('integrity.verify')}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      {report ? (
        <div class={`banner ${report.intact ? 'success' : 'error'}`} role="status" data-testid="integrity-report">
          {report.intact
            ? t('integrity.intact', { e: n(report.chain.checked), c: n(report.checkpoints) })
            : report.chain.brokenAt != null
              ? t('integrity.broken', { p: n(report.chain.brokenAt), why: report.chain.problem ?? '' })
              : t('integrity.checkpointsBroken', { why: report.checkpointProblems.join('; ') })}
        </div>
      ) : null}
    </section>
  );
}

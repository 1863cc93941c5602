import { useState } from 'preact/hooks';
import { type ApiError, get, getBlob } from '../api';
import { DateInput, ErrorBanner, StatusBadge } from '../components';
import { useI18n } from '../i18n';
import { href } from '../router';

interface Hit {
  id: string; subject: string | null; number: string | null; date: string | null; status: string; kind: string;
  snippet: string | null; score: number;
  /** Where and how long it is kept, once filed. */
  filing?: { fileCode: string; stamp: string } | null;
}
interface Page { items: Hit[]; total: number; partial?: boolean; searched?: number }

/**
 * Archive search (issue 6): Thai free text without spaces, numbers and dates in either digits and either era,
 * with the letter kind as a filter; each hit opens the letter, and its archive bundle downloads for offline
 * verification. "Filed only" searches the filed letters (GET /api/archive), and without words lists them all in
 * the dates, each with its file code and how long it is kept.
 */
export function ArchivePage() {
  const { t, e, n, id, date } = useI18n();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [filed, setFiled] = useState(false);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  // all: read every letter, where the server searched only the latest changed of a very large store
  const run = async (all: boolean) => {
    setBusy(true);
    try {
      const params = new URLSearchParams({ q, size: '50' });
      if (kind) params.set('kind', kind);
      if (from) params.set('from', from);
      if (to) params.set('to', to);
      if (all) params.set('all', 'true');
      setPage(await get<Page>(`${filed ? '/api/archive' : '/api/search'}?${params}`));
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const search = (ev: Event) => {
    ev.preventDefault();
    void run(false);
  };

  const bundle = async (hit: Hit) => {
    try {
      const blob = await getBlob(`/api/archive/${encodeURIComponent(hit.id)}/bundle`);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `saraban-bundle-${hit.id}.zip`;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <section class="archive" aria-labelledby="archive-title">
      <div class="page-head"><h1 id="archive-title">{t('archive.title')}</h1></div>
      <form class="card search" onSubmit={search} role="search">
        <label for="archive-q">{t('archive.query')}</label>
        <div class="row">
          <input id="archive-q" type="search" value={q} placeholder={t('archive.placeholder')}
            onInput={(e) => setQ(e.currentTarget.value)} />
          <select aria-label={t('archive.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">{t('archive.anyKind')}</option>
            {['EXTERNAL', 'INTERNAL', 'STAMPED', 'ORDER', 'REGULATION', 'ANNOUNCEMENT', 'STATEMENT', 'NEWS', 'CERTIFICATE',
              'MINUTES', 'MEMO'].map((k) => <option key={k} value={k}>{e(k)}</option>)}
          </select>
          <button type="submit" class="primary" disabled={busy || (!q.trim() && !filed)}>{t('archive.search')}</button>
        </div>
        <div class="row dates">
          <label>{t('archive.from')} <DateInput name="from" value={from} onInput={setFrom} /></label>
          <label>{t('archive.to')} <DateInput name="to" value={to} onInput={setTo} /></label>
          <label class="check">
            <input type="checkbox" name="filed" checked={filed} onChange={(e) => setFiled(e.currentTarget.checked)} />
            {' '}{t('archive.filedOnly')}
          </label>
        </div>
        <p class="hint">{t('archive.hint')}</p>
      </form>
      <ErrorBanner error={error} />
      {page ? (
        <div class="card results" data-testid="archive-results">
          <p class="muted">{t('archive.found', { n: n(page.total) })}</p>
          {page.partial ? (
            <p class="banner warn" data-testid="archive-partial">
              {t('archive.partial', { n: n(page.searched ?? 0) })}{' '}
              <button type="button" class="secondary" disabled={busy} onClick={() => void run(true)}>
                {t('archive.searchAll')}
              </button>
            </p>
          ) : null}
          <ol>
            {page.items.map((hit) => (
              <li key={hit.id} data-letter={hit.id}>
                <a href={href(`/letters/${hit.id}`)}>{hit.subject ?? t('common.none')}</a>
                {' '}<StatusBadge status={hit.status} />
                <div class="meta">{hit.number ? id(hit.number) : ''}{hit.date ? ` · ${date(hit.date)}` : ''}
                  {hit.filing ? ` · ${t('archive.file', { code: hit.filing.fileCode })} · ${hit.filing.stamp}` : ''}</div>
                {hit.snippet ? <p class="snippet">{id(hit.snippet)}</p> : null}
                <button type="button" class="link" onClick={() => void bundle(hit)}>{t('archive.bundle')}</button>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get, withQuery } from '../api';
import { EnumSelect, ErrorBanner, KINDS, Loading, SecrecyBadge, StatusBadge, URGENCIES, UrgencyBadge } from '../components';
import { daysUntil } from '../format';
import { useI18n } from '../i18n';
import { onLetterNotice, onReconnect } from '../live';
import { href } from '../router';
import type { LetterSummary, Me, Page } from '../types';

const INBOX_STATUSES = ['DELIVERED', 'RECEIVED', 'FILED'];
const OUTBOX_STATUSES = ['DRAFT', 'PENDING_APPROVAL', 'RETURNED', 'APPROVED', 'SIGNED', 'DISPATCHED', 'CANCELLED'];
const SIZE = 25;

interface Filters { q: string; status: string; urgency: string; kind: string; flag: boolean }
const EMPTY: Filters = { q: '', status: '', urgency: '', kind: '', flag: false };

/** The inbox (letters received by the caller's agency) or the outbox (drafts to dispatched). */
export function LetterList({ me, box }: { me: Me; box: 'inbox' | 'outbox' }) {
  const { t, e, n, id, date } = useI18n();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const [data, setData] = useState<Page<LetterSummary> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [arrived, setArrived] = useState(0);
  const generation = useRef(0);

  useEffect(() => {
    setFilters(EMPTY);
    setSearch('');
    setPage(0);
    setData(null);
  }, [box]);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const path = withQuery(`/api/${box}`, {
        q: filters.q, status: filters.status, urgency: filters.urgency, kind: filters.kind,
        unread: box === 'inbox' && filters.flag, unacknowledged: box === 'outbox' && filters.flag,
        page, size: SIZE,
      });
      const result = await get<Page<LetterSummary>>(path);
      if (mine === generation.current) {
        setData(result);
        setError(null);
      }
    } catch (err) {
      if (mine === generation.current) setError(err as ApiError);
    }
  }, [box, filters, page]);

  useEffect(() => {
    void load();
  }, [load]);

  // a letter that arrives or changes is fetched without a reload (DESIGN.md §7)
  useEffect(() => onLetterNotice((notice) => {
    const mineBox = box === 'inbox' ? 'INCOMING' : 'OUTGOING';
    if (notice.direction !== mineBox) return;
    if (notice.type === 'LetterDelivered') {
      setArrived((x) => x + 1);
      setFresh((s) => new Set(s).add(notice.letterId));
    }
    void load();
  }), [box, load]);

  useEffect(() => onReconnect(() => void load()), [load]);

  const set = (patch: Partial<Filters>) => {
    setPage(0);
    setFilters({ ...filters, ...patch });
  };
  const statuses = box === 'inbox' ? INBOX_STATUSES : OUTBOX_STATUSES;
  const pages = data ? Math.max(1, Math.ceil(data.total / SIZE)) : 1;

  return (
    <section class="letter-list" aria-labelledby="list-title">
      <div class="page-head">
        <h1 id="list-title">{box === 'inbox' ? t('list.inbox') : t('list.outbox')}</h1>
        {box === 'outbox' && me.roles.some((r) => r === 'OFFICER' || r === 'CLERK') ? (
          <a class="button primary" href={href('/compose')}>{t('nav.compose')}</a>
        ) : null}
        {data ? <span class="count" data-testid="total">{t('list.total', { n: data.total })}</span> : null}
        {arrived > 0 && box === 'inbox' ? (
          <span class="banner info arrived" role="status" data-testid="arrived">{t('list.arrived')} ({n(arrived)})</span>
        ) : null}
      </div>
      <form class="filters" role="search" onSubmit={(ev) => { ev.preventDefault(); set({ q: search }); }}>
        <input type="search" aria-label={t('list.search')} placeholder={t('list.search')} value={search}
          onInput={(ev) => setSearch(ev.currentTarget.value)} name="q" />
        <EnumSelect label={t('list.status')} values={statuses} value={filters.status} onChange={(status) => set({ status })}
          none={`${t('list.status')}: ${t('list.all')}`} />
        <EnumSelect label={t('list.urgency')} values={URGENCIES} value={filters.urgency} onChange={(urgency) => set({ urgency })}
          none={`${t('list.urgency')}: ${t('list.all')}`} />
        <EnumSelect label={t('list.kind')} values={KINDS} value={filters.kind} onChange={(kind) => set({ kind })}
          none={`${t('list.kind')}: ${t('list.all')}`} />
        <label class="check">
          <input type="checkbox" checked={filters.flag} onChange={(ev) => set({ flag: ev.currentTarget.checked })} />
          {box === 'inbox' ? t('list.unreadOnly') : t('list.pendingReceipt')}
        </label>
      </form>
      <ErrorBanner error={error} />
      {!data ? <Loading /> : data.items.length === 0 ? <p class="empty">{t('list.empty')}</p> : (
        <div class="table-wrap">
          <table class="letters">
            <thead>
              <tr>
                <th class="marks" />
                <th>{box === 'inbox' ? t('col.receivingNumber') : t('col.number')}</th>
                <th>{t('col.subject')}</th>
                <th class="opt">{box === 'inbox' ? t('col.from') : t('list.kind')}</th>
                <th class="opt">{t('col.date')}</th>
                <th>{t('col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((l) => {
                const unread = box === 'inbox' && l.read === false;
                const due = l.dueDate ?? (l.deliverBy ? l.deliverBy.slice(0, 10) : null);
                const overdue = due !== null && daysUntil(due) < 0 && l.status !== 'FILED';
                return (
                  <tr key={l.id} class={`${unread ? 'unread' : ''}${fresh.has(l.id) ? ' fresh' : ''}`} data-letter-id={l.id}>
                    <td class="marks">
                      {unread ? <span class="dot" title={t('list.unread')} aria-label={t('list.unread')} data-unread="true" /> : null}
                    </td>
                    <td class="num">
                      {(box === 'inbox' ? id(l.receivingNumber) : id(l.number)) || '—'}
                      {box === 'inbox' && l.number ? <small>{t('col.number')} {id(l.number)}</small> : null}
                    </td>
                    <td class="subject">
                      <div class="badges">
                        <UrgencyBadge urgency={l.urgency} />
                        <SecrecyBadge secrecy={l.secrecy} />
                        {l.circular ? <span class="badge plain">{t('field.circular')}</span> : null}
                      </div>
                      <a href={href(`/letters/${l.id}`)}>{l.subject ?? e(l.kind)}</a>
                      <div class="sub">
                        {l.unacknowledgedRoutes ? (
                          <span class="badge pending" data-unacknowledged-routes={l.unacknowledgedRoutes}>
                            {t('list.unacknowledgedRoutes', { n: l.unacknowledgedRoutes })}
                          </span>
                        ) : l.openRoutes > 0 ? <span class="badge pending" data-open-routes={l.openRoutes}>{t('list.openRoutes', { n: l.openRoutes })}</span> : null}
                        {due ? (
                          <span class={`due${overdue ? ' overdue' : ''}`} data-due={due}>
                            {overdue ? `${t('list.overdue')} · ` : ''}{t('list.due', { d: date(due, true) })}
                          </span>
                        ) : null}
                        {box === 'outbox' && l.unacknowledged ? <span class="badge pending">{t('list.pendingReceipt')}</span> : null}
                      </div>
                    </td>
                    <td class="opt">{box === 'inbox' ? l.fromAgencyName : e(l.kind)}</td>
                    <td class="opt nowrap">{date(l.date ?? l.deliveredAt ?? null, true)}</td>
                    <td><StatusBadge status={l.status} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {data && pages > 1 ? (
        <div class="pager">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>{t('list.prev')}</button>
          <span>{n(page + 1)} / {n(pages)}</span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>{t('list.next')}</button>
        </div>
      ) : null}
    </section>
  );
}

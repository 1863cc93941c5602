import { useEffect, useState } from 'preact/hooks';
import { ApiError, get } from '../api';
import { ErrorBanner, Loading } from '../components';
import { currentYearBE } from '../format';
import { type Key, useI18n } from '../i18n';
import { href, navigate } from '../router';
import type { Me, Register } from '../types';

const BOOKS = ['received', 'sent', 'circular', 'order', 'announcement'];

/** The regulation's registers of the caller's agency, per book and Buddhist-Era year; print and CSV. */
export function Registers({ me, query }: { me: Me; query: URLSearchParams }) {
  const { t, n, id, date, dateTime } = useI18n();
  const book = BOOKS.includes(query.get('book') ?? '') ? query.get('book')! : 'received';
  const thisYear = currentYearBE();
  const year = Number(query.get('year')) || thisYear;
  const [register, setRegister] = useState<Register | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const path = `/api/registers/${encodeURIComponent(me.agencyCode)}/${book}/${year}`;

  useEffect(() => {
    setRegister(null);
    get<Register>(path).then((r) => { setRegister(r); setError(null); }).catch((err) => setError(err as ApiError));
  }, [path]);

  const choose = (b: string, y: number) => navigate(`/registers?book=${b}&year=${y}`);
  const received = book === 'received';
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

  return (
    <section class="registers" aria-labelledby="register-title">
      <div class="page-head no-print">
        <h1>{t('register.title')}</h1>
      </div>
      <form class="filters no-print" onSubmit={(ev) => ev.preventDefault()}>
        <label>
          {t('register.book')}{' '}
          <select name="book" value={book} onChange={(ev) => choose(ev.currentTarget.value, year)}>
            {BOOKS.map((b) => <option key={b} value={b}>{t(`book.${b}` as Key)}</option>)}
          </select>
        </label>
        <label>
          {t('register.year')}{' '}
          <select name="year" value={String(year)} onChange={(ev) => choose(book, Number(ev.currentTarget.value))}>
            {years.map((y) => <option key={y} value={y}>{n(y)}</option>)}
          </select>
        </label>
        <button type="button" class="secondary" onClick={() => window.print()}>{t('register.print')}</button>
        <a class="button secondary" href={`${path}?format=csv`} download={`${book}-${year}.csv`}>{t('register.csv')}</a>
        <a class="button secondary" href={`${path}?format=pdf`} target="_blank" rel="noopener">{t('register.pdf')}</a>
      </form>
      <ErrorBanner error={error} />
      <h2 id="register-title" class="print-title">
        {t(`book.${book}` as Key)} · {me.agencyName} · {t('register.year')} {n(year)}
      </h2>
      {!register ? (error ? null : <Loading />) : register.rows.length === 0 ? <p class="empty">{t('register.empty')}</p> : (
        <div class="table-wrap">
          <table class="register" data-book={book}>
            <thead>
              <tr>
                <th>{t('col.registerNumber')}</th>
                <th>{t('col.number')}</th>
                <th>{t('col.date')}</th>
                <th>{t('col.from')}</th>
                <th>{t('col.to')}</th>
                <th>{t('col.subject')}</th>
                <th>{t('col.action')}</th>
                <th>{t('col.remark')}</th>
              </tr>
            </thead>
            <tbody>
              {register.rows.map((r) => (
                <tr key={r.registerNumber} class={r.voided ? 'voided' : ''} data-letter-id={r.letterId}>
                  <td class="num">{received && r.receivingNumber ? id(r.receivingNumber) : n(r.registerNumber)}
                    <small class="muted">{dateTime(r.registeredAt, true)}</small></td>
                  <td class="nowrap">{id(r.number) || '—'}</td>
                  <td class="nowrap">{date(r.date, true)}</td>
                  <td>{r.from}</td>
                  <td>{r.to}</td>
                  <td><a href={href(`/letters/${r.letterId}`)}>{r.subject}</a></td>
                  <td>{r.action}</td>
                  <td>{r.voided ? `${t('register.voided')} ` : ''}{r.remark}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

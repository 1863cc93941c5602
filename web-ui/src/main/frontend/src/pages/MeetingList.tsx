import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, get } from '../api';
import { ErrorBanner, Loading } from '../components';
import { formatMonth } from '../format';
import { useI18n } from '../i18n';
import { onReconnect } from '../live';
import { addMonths, bangkokDay, byDay, monthGrid } from '../meeting';
import { href, navigate } from '../router';
import type { MeetingSummary } from '../types';
import { MeetingStatusBadge } from './meetingKit';

const WEEKDAYS = { th: ['อา.', 'จ.', 'อ.', 'พ.', 'พฤ.', 'ศ.', 'ส.'], en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] };

/** The caller's meetings (#/meetings): a list, and a month calendar with each meeting on its day. */
export function MeetingList({ query }: { query: URLSearchParams }) {
  const { t, lang, n, id, dateTime, time } = useI18n();
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const view = query.get('view') === 'calendar' ? 'calendar' : 'list';

  const load = () => get<MeetingSummary[]>('/api/meetings').then((m) => { setMeetings(m); setError(null); })
    .catch((err) => setError(err as ApiError));
  useEffect(() => { void load(); }, []);
  useEffect(() => onReconnect(() => void load()), []);

  // the calendar opens on the month asked for (?month=2026-11), else this month in Bangkok
  const today = bangkokDay(new Date().toISOString());
  const asked = /^(\d{4})-(\d{2})$/.exec(query.get('month') ?? '');
  const year = asked ? Number(asked[1]) : Number(today.slice(0, 4));
  const month = asked ? Number(asked[2]) : Number(today.slice(5, 7));
  const days = useMemo(() => byDay(meetings ?? []), [meetings]);
  const monthParam = (d: number) => {
    const m = addMonths(year, month, d);
    return `/meetings?view=calendar&month=${m.year}-${String(m.month).padStart(2, '0')}`;
  };

  return (
    <section class="meeting-list" aria-labelledby="meetings-title">
      <div class="page-head">
        <h1 id="meetings-title">{t('meeting.list')}</h1>
        {meetings ? <span class="count" data-testid="meetings-total">{t('meeting.total', { n: meetings.length })}</span> : null}
        <div class="view-switch" role="group" aria-label={t('meeting.view')}>
          <a class={`button small ${view === 'list' ? 'primary' : 'secondary'}`} href={href('/meetings')}
            aria-current={view === 'list' ? 'page' : undefined}>{t('meeting.view.list')}</a>
          <a class={`button small ${view === 'calendar' ? 'primary' : 'secondary'}`} href={href('/meetings?view=calendar')}
            aria-current={view === 'calendar' ? 'page' : undefined}>{t('meeting.view.calendar')}</a>
        </div>
      </div>
      <ErrorBanner detail error={error} />
      {!meetings ? <Loading /> : view === 'list' ? (
        meetings.length === 0 ? <p class="empty">{t('meeting.empty')}</p> : (
          <div class="table-wrap">
            <table class="meetings">
              <thead>
                <tr>
                  <th>{t('meeting.number')}</th>
                  <th>{t('meeting.titleCol')}</th>
                  <th>{t('meeting.when')}</th>
                  <th class="opt">{t('meeting.place')}</th>
                  <th>{t('col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {[...meetings].reverse().map((m) => (
                  <tr key={m.id} data-meeting-id={m.id}>
                    <td class="num">{id(m.number)}</td>
                    <td class="subject">
                      <a href={href(`/meetings/${m.id}`)}>{m.title}</a>
                      <div class="sub muted">{m.committeeName}</div>
                    </td>
                    <td class="nowrap">{dateTime(m.startsAt)}</td>
                    <td class="opt">{m.place ?? ''}{m.online ? <span class="badge plain online">{t('meeting.online')}</span> : null}</td>
                    <td>
                      <MeetingStatusBadge status={m.status} />
                      {m.status === 'OPEN' ? (
                        <div class="sub muted">{t('meeting.quorumShort', { p: m.quorum.present, r: m.quorum.required })}</div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : (
        <div class="calendar card" data-testid="calendar" data-month={`${year}-${String(month).padStart(2, '0')}`}>
          <div class="calendar-head">
            <a class="button small secondary" href={href(monthParam(-1))} aria-label={t('meeting.prevMonth')}>‹</a>
            <h2>{formatMonth(year, month, lang)}</h2>
            <a class="button small secondary" href={href(monthParam(1))} aria-label={t('meeting.nextMonth')}>›</a>
          </div>
          <table class="month" role="grid">
            <thead>
              <tr>{WEEKDAYS[lang].map((d) => <th key={d} scope="col">{d}</th>)}</tr>
            </thead>
            <tbody>
              {monthGrid(year, month).map((week) => (
                <tr key={week[0].date}>
                  {week.map((d) => (
                    <td key={d.date} class={`${d.inMonth ? '' : 'other'}${d.date === today ? ' today' : ''}`} data-date={d.date}>
                      <span class="day">{n(d.day)}</span>
                      {(days.get(d.date) ?? []).map((m) => (
                        <a key={m.id} class={`event status-${m.status.toLowerCase()}`} href={href(`/meetings/${m.id}`)}
                          title={`${m.committeeName} ${m.number}`} onClick={(ev) => { ev.preventDefault(); navigate(`/meetings/${m.id}`); }}>
                          <time dateTime={m.startsAt}>{time(m.startsAt)}</time> {m.title}
                        </a>
                      ))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

import { describe, expect, it } from 'vitest';
import {
  addMonths, agendaSections, applyEvent, bangkokDay, bangkokInstant, byDay, EventCursor, monthGrid, tally, voteBlocker,
} from './meeting';
import type { AgendaItem, Meeting, Poll } from './types';

describe('the month calendar', () => {
  it('lays November 2026 out in whole weeks from Sunday', () => {
    const weeks = monthGrid(2026, 11);
    // 1 November 2026 is a Sunday; 30 days fill five weeks
    expect(weeks).toHaveLength(5);
    expect(weeks[0][0]).toEqual({ date: '2026-11-01', day: 1, inMonth: true });
    expect(weeks[4][1]).toEqual({ date: '2026-11-30', day: 30, inMonth: true });
    expect(weeks[4][6]).toEqual({ date: '2026-12-05', day: 5, inMonth: false });
    expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(30);
  });
  it('fills the first week with the previous month', () => {
    const weeks = monthGrid(2027, 1); // 1 January 2027 is a Friday
    expect(weeks[0].slice(0, 5).every((d) => !d.inMonth)).toBe(true);
    expect(weeks[0][0].date).toBe('2026-12-27');
    expect(weeks[0][5].date).toBe('2027-01-01');
  });
  it('moves across years', () => {
    expect(addMonths(2026, 12, 1)).toEqual({ year: 2027, month: 1 });
    expect(addMonths(2026, 1, -1)).toEqual({ year: 2025, month: 12 });
  });
  it('puts a meeting on its Bangkok day, even when UTC is still the day before', () => {
    expect(bangkokDay('2026-11-16T20:00:00Z')).toBe('2026-11-17');
    const days = byDay([
      { id: 'b', startsAt: '2026-11-16T06:00:00Z' },
      { id: 'a', startsAt: '2026-11-16T02:30:00Z' },
      { id: 'c', startsAt: '2026-11-18T02:30:00Z' },
    ]);
    expect(days.get('2026-11-16')!.map((m) => m.id)).toEqual(['a', 'b']);
    expect(days.get('2026-11-18')!.map((m) => m.id)).toEqual(['c']);
  });
  it('reads a datetime-local value as Bangkok time', () => {
    expect(bangkokInstant('2026-11-23T16:30')).toBe('2026-11-23T09:30:00.000Z');
  });
});

describe('the agenda', () => {
  it('always has its six sections, each with its own items in order', () => {
    const item = (itemId: string, section: number) => ({ itemId, section }) as AgendaItem;
    const sections = agendaSections([item('a', 1), item('b', 5), item('c', 5)]);
    expect(sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sections[1].items).toEqual([]);
    expect(sections[4].items.map((i) => i.itemId)).toEqual(['b', 'c']);
    expect(sections[4].th).toBe('เรื่องเสนอเพื่อพิจารณา');
  });
});

const poll = (p: Partial<Poll>): Poll => ({
  pollId: 'p', itemId: 'i', question: 'เห็นชอบหรือไม่', options: ['เห็นชอบ', 'ไม่เห็นชอบ', 'งดออกเสียง'], secret: false,
  status: 'OPEN', eligible: ['a', 'b', 'c'], present: 3, required: 2, voted: [], votes: 0,
  counts: { เห็นชอบ: 0, ไม่เห็นชอบ: 0, งดออกเสียง: 0 }, openedAt: '2026-11-16T03:00:00Z', ...p,
});

describe('tallies', () => {
  it('shows a named poll its running counts while it is open', () => {
    const t = tally(poll({ voted: ['a', 'b'], votes: 2, counts: { เห็นชอบ: 1, ไม่เห็นชอบ: 1, งดออกเสียง: 0 } }));
    expect(t.sealed).toBe(false);
    expect(t.rows.map((r) => r.count)).toEqual([1, 1, 0]);
    expect(t.rows[0].share).toBe(0.5);
    expect(t.votes).toBe(2);
    expect(t.eligible).toBe(3);
    expect(t.leading).toBeNull();
  });
  it('shows a secret poll only how many voted until it is closed', () => {
    const open = tally(poll({ secret: true, counts: null, voted: ['a'], votes: 1 }));
    expect(open.sealed).toBe(true);
    expect(open.rows.map((r) => r.count)).toEqual([null, null, null]);
    expect(open.votes).toBe(1);
    const closed = tally(poll({ secret: true, status: 'CLOSED', votes: 3, counts: { เห็นชอบ: 2, ไม่เห็นชอบ: 1, งดออกเสียง: 0 } }));
    expect(closed.sealed).toBe(false);
    expect(closed.rows.map((r) => r.count)).toEqual([2, 1, 0]);
    expect(closed.leading).toBe('เห็นชอบ');
  });
  it('names no leading option on a tie', () => {
    expect(tally(poll({ status: 'CLOSED', counts: { เห็นชอบ: 1, ไม่เห็นชอบ: 1, งดออกเสียง: 0 } })).leading).toBeNull();
  });
});

describe('who may vote', () => {
  const meeting = (status: Meeting['status'], present: string[]) => ({
    status, members: ['a', 'b', 'c', 'd'].map((personId) => ({ personId, present: present.includes(personId) })),
  }) as unknown as Meeting;
  it('a member present and eligible when the poll opened, once', () => {
    const m = meeting('OPEN', ['a', 'b', 'c']);
    expect(voteBlocker(m, poll({}), 'a')).toBeNull();
    expect(voteBlocker(m, poll({ voted: ['a'] }), 'a')).toBe('voted');
    expect(voteBlocker(m, poll({}), 'd')).toBe('notEligible');
    expect(voteBlocker(meeting('OPEN', ['b']), poll({}), 'a')).toBe('absent');
    expect(voteBlocker(meeting('SUSPENDED', ['a']), poll({}), 'a')).toBe('suspended');
    expect(voteBlocker(m, poll({ status: 'CLOSED' }), 'a')).toBe('closed');
  });
});

describe('the live cursor', () => {
  it('takes each event once, in order, and skips what the state already shows', () => {
    const c = new EventCursor(10);
    expect(c.take(9)).toBe(false);
    expect(c.take(10)).toBe(false);
    expect(c.take(12)).toBe(true);
    expect(c.take(12)).toBe(false);
    c.seen(20);
    expect(c.take(15)).toBe(false);
    expect(c.last).toBe(20);
  });
});

describe('events applied to the state', () => {
  const anna = { id: 'p-anna', displayName: 'นางสาวอันนา รักงาน', position: 'กรรมการ' };
  const base = (): Meeting => ({
    id: 'm1', committeeId: 'c1', committeeName: 'คณะกรรมการ', agencyCode: 'สพร', number: '๑/๒๕๖๙', yearBE: 2569,
    sequence: 1, title: 'ประชุม', startsAt: '2026-11-20T09:30:00+07:00', place: null, online: true,
    conferenceUrl: null, status: 'OPEN', participants: ['p-anna', 'p-ben'],
    members: [
      { personId: 'p-anna', name: anna.displayName, position: null, agencyCode: 'สพร', committeePosition: null, role: 'MEMBER', present: false },
      { personId: 'p-ben', name: 'นายเบญจ', position: null, agencyCode: 'สพร', committeePosition: null, role: 'MEMBER', present: true },
    ],
    quorum: { present: 1, members: 2, required: 1, met: true }, attendance: [], agenda: [], currentItem: null,
    polls: [
      { pollId: 'named', itemId: 'i1', question: 'q', options: ['เห็นชอบ', 'ไม่เห็นชอบ'], secret: false, status: 'OPEN',
        eligible: ['p-anna', 'p-ben'], present: 2, required: 1, voted: [], votes: 0,
        counts: { เห็นชอบ: 0, ไม่เห็นชอบ: 0 }, openedAt: '2026-11-20T09:40:00+07:00' },
      { pollId: 'secret', itemId: 'i1', question: 'q', options: ['เห็นชอบ', 'ไม่เห็นชอบ'], secret: true, status: 'OPEN',
        eligible: ['p-anna', 'p-ben'], present: 2, required: 1, voted: [], votes: 0, counts: null,
        openedAt: '2026-11-20T09:41:00+07:00' },
    ],
    speakers: [], speaking: null, problems: [], recording: null, seq: 10,
  });
  const ev = (seq: number, type: string, payload: Record<string, unknown>) =>
    ({ seq, type, at: '2026-11-20T09:45:00+07:00', payload });

  it('counts a named vote once, with its choice', () => {
    const once = applyEvent(base(), ev(11, 'VoteCast', { pollId: 'named', voter: anna, choice: 'เห็นชอบ' }))!;
    expect(once.seq).toBe(11);
    expect(once.polls[0]).toMatchObject({ voted: ['p-anna'], votes: 1, counts: { เห็นชอบ: 1, ไม่เห็นชอบ: 0 } });
    // a repeat of the same event (as a reconnect may bring) changes nothing
    expect(applyEvent(once, ev(11, 'VoteCast', { pollId: 'named', voter: anna, choice: 'เห็นชอบ' }))).toBe(once);
  });

  it('counts a secret ballot as "voted" only', () => {
    const m = applyEvent(base(), ev(11, 'BallotCast', { pollId: 'secret', voter: anna }))!;
    expect(m.polls[1]).toMatchObject({ voted: ['p-anna'], votes: 1, counts: null });
    expect(m.polls[0].votes).toBe(0);
  });

  it('logs a join, marks the member present and takes the new quorum', () => {
    let m = applyEvent(base(), ev(11, 'ParticipantIdentityVerified', { person: anna, method: 'TOTP' }))!;
    m = applyEvent(m, ev(12, 'ParticipantJoined', { person: anna, address: '10.0.0.7', client: 'Firefox' }))!;
    m = applyEvent(m, ev(13, 'QuorumChanged', { present: 2, members: 2, required: 1, met: true }))!;
    expect(m.attendance.map((a) => [a.what, a.personId])).toEqual([['IDENTITY_VERIFIED', 'p-anna'], ['JOINED', 'p-anna']]);
    expect(m.attendance[0].method).toBe('TOTP');
    expect(m.attendance[1].address).toBe('10.0.0.7');
    expect(m.members[0].present).toBe(true);
    expect(m.quorum.present).toBe(2);
    expect(m.seq).toBe(13);
  });

  it('takes a leaver off the speakers\u2019 queue', () => {
    let m = applyEvent(base(), ev(11, 'FloorRequested', { person: anna, withdrawn: false }))!;
    expect(m.speakers.map((s) => s.personId)).toEqual(['p-anna']);
    m = applyEvent(m, ev(12, 'ParticipantLeft', { person: anna, removedBy: null, reason: null }))!;
    expect(m.speakers).toEqual([]);
    expect(m.attendance.at(-1)?.what).toBe('LEFT');
  });

  it('leaves any other event, or a vote on a poll it does not know, to a fetch of the state', () => {
    expect(applyEvent(base(), ev(11, 'PollOpened', { pollId: 'new' }))).toBeNull();
    expect(applyEvent(base(), ev(11, 'VoteCast', { pollId: 'unknown', voter: anna, choice: 'เห็นชอบ' }))).toBeNull();
  });
});

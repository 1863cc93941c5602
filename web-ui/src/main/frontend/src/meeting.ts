import type { AgendaItem, AttendanceEntry, CommitteeRole, Me, Meeting, MeetingEvent, MeetingMember, Poll } from './types';

// The meeting screens' own logic, kept apart from the components so it can be tested without a browser:
// the month calendar, the agenda's six sections, who may do what, the tallies, and the live cursor.

const ZONE = 'Asia/Bangkok';

/** The day ("2026-11-16") an instant falls on in Bangkok. */
export function bangkokDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(iso));
}

export interface CalendarDay {
  /** "2026-11-16" */
  date: string;
  day: number;
  inMonth: boolean;
}

/**
 * The weeks of a month as a wall calendar shows them, Sunday first as Thai calendars print them: whole
 * weeks, so the first and last rows are filled with the neighbouring months' days.
 * {@code month} is 1..12 of the Gregorian year.
 */
export function monthGrid(year: number, month: number): CalendarDay[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const start = new Date(first);
  start.setUTCDate(1 - first.getUTCDay());
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const weeks = Math.ceil((first.getUTCDay() + daysInMonth) / 7);
  const out: CalendarDay[][] = [];
  for (let w = 0; w < weeks; w++) {
    const row: CalendarDay[] = [];
    for (let d = 0; d < 7; d++) {
      const at = new Date(start);
      at.setUTCDate(start.getUTCDate() + w * 7 + d);
      row.push({ date: at.toISOString().slice(0, 10), day: at.getUTCDate(), inMonth: at.getUTCMonth() === month - 1 });
    }
    out.push(row);
  }
  return out;
}

/** The month after (+1) or before (-1) a year and month. */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const i = year * 12 + (month - 1) + delta;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

/** Things with a start time, by the Bangkok day they start on, each day's in order. */
export function byDay<T extends { startsAt: string }>(items: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = bangkokDay(x.startsAt);
    out.set(day, [...(out.get(day) ?? []), x]);
  }
  return out;
}

/** The six sections of a Thai agenda (ระเบียบวาระที่ ๑–๖, DOMAIN.md §4.2), in Thai and in English. */
export const SECTIONS: { number: number; th: string; en: string }[] = [
  { number: 1, th: 'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ', en: 'Matters the chair reports' },
  { number: 2, th: 'รับรองรายงานการประชุม', en: 'Certifying the previous minutes' },
  { number: 3, th: 'เรื่องสืบเนื่อง', en: 'Matters carried over' },
  { number: 4, th: 'เรื่องเสนอเพื่อทราบ', en: 'Matters for information' },
  { number: 5, th: 'เรื่องเสนอเพื่อพิจารณา', en: 'Matters for consideration' },
  { number: 6, th: 'เรื่องอื่น ๆ', en: 'Other matters' },
];

/** Every section with its items (an empty section stays: the agenda prints all six). */
export function agendaSections(agenda: AgendaItem[]): { number: number; th: string; en: string; items: AgendaItem[] }[] {
  return SECTIONS.map((s) => ({ ...s, items: agenda.filter((i) => i.section === s.number) }));
}

export function memberOf(meeting: Meeting, personId: string): MeetingMember | undefined {
  return meeting.members.find((m) => m.personId === personId);
}

export function roleOf(meeting: Meeting, personId: string): CommitteeRole | undefined {
  return memberOf(meeting, personId)?.role;
}

/** The chair, the secretary, or a clerk of the organising agency compiles the agenda and sends invitations. */
export function isOrganiser(meeting: Meeting, me: Me): boolean {
  const role = roleOf(meeting, me.id);
  return role === 'CHAIR' || role === 'SECRETARY' || (meeting.agencyCode === me.agencyCode && me.roles.includes('CLERK'));
}

export function isPresent(meeting: Meeting, personId: string): boolean {
  return !!memberOf(meeting, personId)?.present;
}

/** The session is under way (the chair may suspend it; a suspended session is still open). */
export function inSession(meeting: Meeting): boolean {
  return meeting.status === 'OPEN' || meeting.status === 'SUSPENDED';
}

export function openPoll(meeting: Meeting): Poll | undefined {
  return meeting.polls.find((p) => p.status === 'OPEN');
}

/** Why the person may not vote in the poll now, or null when they may. */
export function voteBlocker(meeting: Meeting, poll: Poll, personId: string): 'closed' | 'suspended' | 'notEligible' | 'absent' | 'voted' | null {
  if (poll.status !== 'OPEN') return 'closed';
  if (meeting.status === 'SUSPENDED') return 'suspended';
  if (!poll.eligible.includes(personId)) return 'notEligible';
  if (!isPresent(meeting, personId)) return 'absent';
  if (poll.voted.includes(personId)) return 'voted';
  return null;
}

export interface Tally {
  /** each option with its count, or null where the count is not known yet (a secret poll still open) */
  rows: { option: string; count: number | null; share: number }[];
  votes: number;
  eligible: number;
  /** the counts are sealed until the poll is closed */
  sealed: boolean;
  /** the option with the most votes once closed, when one has strictly more than every other */
  leading: string | null;
}

/**
 * What a poll's tally shows: a named poll its running counts, a secret poll only how many voted until it is
 * closed and counted (the choices stay sealed in the ballot box till then).
 */
export function tally(poll: Poll): Tally {
  const sealed = (poll.secret && poll.status === 'OPEN') || !poll.counts;
  const counts = poll.counts ?? {};
  const total = sealed ? 0 : poll.options.reduce((s, o) => s + (counts[o] ?? 0), 0);
  const rows = poll.options.map((option) => {
    const count = sealed ? null : counts[option] ?? 0;
    return { option, count, share: count && total ? count / total : 0 };
  });
  let leading: string | null = null;
  if (!sealed && poll.status === 'CLOSED') {
    const sorted = [...rows].sort((a, b) => (b.count ?? 0) - (a.count ?? 0));
    if (sorted.length && (sorted.length === 1 || (sorted[0].count ?? 0) > (sorted[1].count ?? 0))) leading = sorted[0].option;
  }
  return { rows, votes: poll.votes, eligible: poll.eligible.length, sealed, leading };
}

/**
 * The last event a screen has seen, so a pushed event is taken once and a reconnecting screen asks for
 * exactly what it missed ({@code GET /api/meetings/{id}/events?after=}); {@code seq} only grows.
 */
export class EventCursor {
  constructor(public last = 0) {}

  /** Whether an event at {@code seq} is new; moves the cursor past it. */
  take(seq: number): boolean {
    if (seq <= this.last) return false;
    this.last = seq;
    return true;
  }

  /** The state reflects every event up to {@code seq}: none before it needs taking again. */
  seen(seq: number): void {
    if (seq > this.last) this.last = seq;
  }
}

/** A datetime-local input's value ("2026-11-23T16:30", Bangkok time) as an ISO instant. */
export function bangkokInstant(local: string): string {
  return new Date(`${local}:00+07:00`).toISOString();
}

type Payload = Record<string, unknown>;
type Ref = { id: string; displayName: string; position?: string | null } | null | undefined;

/**
 * The meeting after one of its frequent events, worked out here as the server's projection does, so a room of
 * 1,000 members does not fetch the whole state 1,000 times for every vote; null for any other event (the caller
 * fetches the state then). An event the state already reflects changes nothing.
 */
export function applyEvent(m: Meeting, e: MeetingEvent): Meeting | null {
  if (e.seq <= m.seq) return m;
  const p = e.payload as Payload;
  const at = { at: e.at, atThai: (e as unknown as Payload).atThai };
  const person = p.person as Ref;
  const next: Meeting = { ...m, seq: e.seq };
  const attend = (what: string, more: Payload) => {
    if (!person) return;
    next.attendance = [...m.attendance, {
      personId: person.id, name: person.displayName, position: person.position ?? null, what, ...at, ...more,
    } as AttendanceEntry];
  };
  const present = (id: string, value: boolean) => {
    next.members = m.members.map((x) => (x.personId === id ? { ...x, present: value } : x));
  };
  switch (e.type) {
    case 'VoteCast':
    case 'BallotCast': {
      const voter = p.voter as Ref;
      if (!voter) return null;
      let found = false;
      next.polls = m.polls.map((poll) => {
        if (poll.pollId !== p.pollId) return poll;
        found = true;
        if (poll.voted.includes(voter.id)) return poll;
        const choice = p.choice as string | undefined;
        const counts = poll.counts && choice !== undefined
          ? { ...poll.counts, [choice]: (poll.counts[choice] ?? 0) + 1 } : poll.counts;
        return { ...poll, voted: [...poll.voted, voter.id], votes: poll.votes + 1, counts };
      });
      return found ? next : null;
    }
    case 'QuorumChanged':
      next.quorum = { present: p.present as number, members: p.members as number, required: p.required as number,
        met: p.met as boolean };
      return next;
    case 'ParticipantIdentityVerified':
      if (!person) return null;
      attend('IDENTITY_VERIFIED', { method: p.method });
      return next;
    case 'ParticipantJoined':
      if (!person) return null;
      attend('JOINED', { address: p.address, client: p.client });
      present(person.id, true);
      return next;
    case 'ParticipantLeft':
      if (!person) return null;
      attend('LEFT', { removedBy: p.removedBy ?? null, reason: p.reason ?? null });
      present(person.id, false);
      next.speakers = m.speakers.filter((s) => s.personId !== person.id);
      return next;
    case 'FloorRequested': {
      if (!person) return null;
      const rest = m.speakers.filter((s) => s.personId !== person.id);
      next.speakers = p.withdrawn ? rest : [...rest, { personId: person.id, name: person.displayName, at: e.at }];
      return next;
    }
    case 'ProblemReported':
      if (!person) return null;
      next.problems = [...m.problems, { personId: person.id, name: person.displayName, text: p.text as string, at: e.at }];
      return next;
    default:
      return null;
  }
}

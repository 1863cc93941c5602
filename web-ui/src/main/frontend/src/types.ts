// Shapes of the API (../shared/API.md) as the UI uses them; the server sends more.

export interface Me {
  id: string;
  username: string;
  displayName: string;
  position: string;
  agencyCode: string;
  agencyName: string;
  unitCode: string | null;
  unitName: string | null;
  roles: string[];
  /** The letter kinds the caller's agency signs with an electronic signature (PAdES) rather than a typed name. */
  signatureRequired: string[];
  /** Whether the person confirmed a TOTP authenticator (issue 5): a code then verifies them when joining a meeting. */
  totpEnabled?: boolean;
}

export interface Unit { code: string; name: string }
export interface Agency { code: string; name: string; nameEn?: string; units: Unit[] }

export interface Person {
  id: string;
  username: string;
  displayName: string;
  position: string;
  agencyCode: string;
  unitCode: string | null;
  roles: string[];
}

export interface PersonRef { id: string; displayName: string; position: string; agencyCode: string; unitCode?: string }

export interface Recipient {
  agencyCode: string | null;
  unitCode?: string | null;
  personId?: string | null;
  position: string | null;
  name?: string | null;
}

export interface Enclosure { title: string; sha256?: string | null; fileName?: string | null; contentType?: string | null }

export interface Route {
  routeId: string;
  by: PersonRef;
  toUnitCode: string | null;
  toUnitName: string | null;
  toPerson: PersonRef | null;
  instruction: string;
  dueDate: string | null;
  state: 'OPEN' | 'ACKNOWLEDGED' | 'COMPLETED';
  at: string;
  acknowledgedBy?: PersonRef;
  acknowledgedAt?: string;
  completedBy?: PersonRef;
  completedAt?: string;
  note?: string | null;
}

export interface HistoryEntry {
  seq: number;
  type: string;
  what: string;
  by: PersonRef | null;
  detail: string | null;
  at: string;
  atThai: string;
}

export interface Delivery {
  agencyCode: string;
  state?: string;
  receivingNumber?: string | null;
  receivedAt?: string | null;
  [k: string]: unknown;
}

/** A signature on the letter: the approver's visa or the signatory's, by typed name or PAdES on the PDF of record. */
export interface Signature {
  signer: PersonRef;
  method: 'PADES' | 'TYPED_NAME' | string;
  role?: 'VISA' | 'SIGNATORY' | string;
  at?: string;
  atThai?: string;
  contentHash?: string;
  /** The PDF of record's revision that carries this signature. */
  pdfSha256?: string;
  assurance?: string;
}

/** One revision of the PDF of record, in the order they were made. */
export interface PdfRevision {
  step: 'RENDERED' | 'VISA' | 'SIGNATURE' | 'RECEIPT_STAMP' | 'PRESERVED' | string;
  sha256: string;
  previousSha256: string | null;
  by: PersonRef | null;
  at: string;
  atThai: string;
}

/** One signature or document timestamp as a verification found it. */
export interface SignatureCheck {
  kind: 'SIGNATURE' | 'DOCUMENT_TIMESTAMP' | string;
  signerName: string | null;
  /** PAdES level: B_T, B_LT, B_LTA as recorded, or PAdES-BASELINE-T as /api/verify writes it. */
  level: string | null;
  intact: boolean;
  certificateStatus: string | null;
  signingTime?: string | null;
  timestampTime?: string | null;
}

/** The receiving agency's verification of the delivered PDF, recorded on its copy at receipt. */
export interface Verification {
  valid: boolean;
  level: string | null;
  summaryThai: string;
  pdfSha256: string;
  signatures: SignatureCheck[];
  by: PersonRef;
  at: string;
  atThai: string;
}

export interface Letter {
  id: string;
  version: number;
  direction: 'OUTGOING' | 'INCOMING';
  agencyCode: string;
  fromAgencyCode: string;
  fromAgencyName: string;
  kind: string;
  circular: boolean;
  urgency: string;
  deliverBy: string | null;
  secrecy: string;
  subject: string | null;
  salutation: string | null;
  to: Recipient[];
  references: string[];
  enclosures: Enclosure[];
  body: string[];
  closing: string | null;
  signatory: PersonRef | null;
  ownerUnit: { name: string | null; phone: string | null; fax: string | null; email: string | null } | null;
  copiesTo: Recipient[];
  stampedPurpose: string | null;
  status: string;
  number?: string | null;
  date?: string | null;
  read?: boolean;
  approver?: PersonRef | null;
  author?: PersonRef | null;
  returnReason?: string | null;
  dateThai?: string | null;
  signatures?: Signature[];
  /** The current PDF of record, for a letter its agency signs digitally. */
  pdfSha256?: string | null;
  pdfRevisions?: PdfRevision[];
  verification?: Verification | null;
  routes?: Route[];
  deliveries?: Delivery[];
  receivingNumber?: string | null;
  receivedAt?: string | null;
  receiptStamp?: { agencyCode: string; receivingNumber: string; date: string; time: string } | null;
  filing?: { fileCode: string; retentionYears: number | null; permanent: boolean; stamp: string; at: string; by: PersonRef } | null;
  /** Loans the letter is out on (issue 6): the borrower and the due date. */
  onLoan?: { loanId: string; borrower: PersonRef; dueDate: string; dueDateThai: string }[];
  /** PDPA decisions that redacted personal data from this letter's views and disclosure copies. */
  redactions?: { requestId: string; legalBasis: string | null; reason: string | null; at: string }[];
  history?: HistoryEntry[];
  copyOnly?: boolean;
  scanSha256?: string | null;
  [k: string]: unknown;
}

export interface LetterSummary {
  id: string;
  version: number;
  direction: string;
  kind: string;
  status: string;
  subject: string | null;
  urgency: string;
  deliverBy: string | null;
  secrecy: string;
  circular: boolean;
  fromAgencyCode: string;
  fromAgencyName: string;
  number?: string | null;
  date?: string | null;
  receivingNumber?: string | null;
  receivedAt?: string | null;
  deliveredAt?: string | null;
  dispatchedAt?: string | null;
  unacknowledged?: boolean;
  copyOnly?: boolean;
  read?: boolean;
  openRoutes: number;
  unacknowledgedRoutes?: number;
  dueDate: string | null;
}

export interface Page<T> { items: T[]; total: number; page: number; size: number }

export interface RegisterRow {
  registerNumber: number;
  letterId: string;
  receivingNumber?: string;
  number: string | null;
  date: string | null;
  registeredAt: string;
  from: string | null;
  to: string | null;
  subject: string | null;
  action: string | null;
  remark: string | null;
  voided: boolean;
}

export interface Register {
  agencyCode: string;
  book: string;
  bookThai: string;
  yearBE: number;
  rows: RegisterRow[];
}

// ------------------------------------------------------------------ meetings (API.md "Meetings")

export type CommitteeRole = 'CHAIR' | 'SECRETARY' | 'MEMBER' | 'INVITEE';
export type MeetingStatus = 'SCHEDULED' | 'OPEN' | 'SUSPENDED' | 'CLOSED';
export type RsvpResponse = 'ATTENDING' | 'NOT_ATTENDING' | 'DELEGATE';

/** A meeting document in the blob store, by the SHA-256 of its bytes. */
export interface MeetingDocument { title: string; sha256: string; fileName?: string | null; contentType?: string | null; size?: number | null }

export interface Rsvp {
  response: RsvpResponse;
  reason?: string | null;
  delegateName?: string | null;
  delegatePosition?: string | null;
  at: string;
}

export interface MeetingMember {
  /** null for someone outside Saraban, who is listed but cannot join online */
  personId: string | null;
  name: string;
  position: string | null;
  agencyCode: string | null;
  committeePosition: string | null;
  role: CommitteeRole;
  present: boolean;
  muted?: boolean;
  invitation?: { letterId: string; deliveredAt: string | null; receivingNumber: string | null } | null;
  rsvp?: Rsvp | null;
}

export interface Quorum { present: number; members: number; required: number; met: boolean }

export interface Resolution {
  type: string;
  typeThai: string;
  text: string | null;
  pollId: string | null;
  counts: Record<string, number>;
  by: PersonRef;
}

export interface AgendaItem {
  itemId: string;
  section: number;
  sectionThai: string;
  /** "๕.๑" */
  number: string;
  title: string;
  description: string | null;
  presenter: string | null;
  documents: MeetingDocument[];
  recused: { personId: string; name: string; reason: string | null }[];
  resolution: Resolution | null;
  quorumAtStart?: { present: number; eligible: number; required: number; met: boolean };
}

export interface Poll {
  pollId: string;
  itemId: string;
  question: string;
  options: string[];
  secret: boolean;
  status: 'OPEN' | 'CLOSED';
  /** the members eligible when it opened (present, voting, not recused) */
  eligible: string[];
  present: number;
  required: number;
  voted: string[];
  votes: number;
  /** running counts of a named poll; null for a secret poll until it is closed */
  counts: Record<string, number> | null;
  openedAt: string;
  closedAt?: string;
}

export interface AttendanceEntry {
  personId: string;
  name: string;
  position: string | null;
  what: 'IDENTITY_VERIFIED' | 'JOINED' | 'LEFT' | string;
  at: string;
  method?: string;
  address?: string;
  client?: string;
  removedBy?: PersonRef | null;
  reason?: string | null;
}

export interface Invitation { letterId: string; status: 'DRAFT' | 'DISPATCHED' | string; at: string; dispatchedAt: string | null }

export interface Meeting {
  id: string;
  committeeId: string;
  committeeName: string;
  agencyCode: string;
  /** "ครั้งที่ ๑/๒๕๖๙" */
  number: string;
  yearBE: number;
  sequence: number;
  title: string;
  startsAt: string;
  endsAt?: string | null;
  place: string | null;
  online: boolean;
  conferenceUrl: string | null;
  status: MeetingStatus;
  members: MeetingMember[];
  participants: string[];
  quorum: Quorum;
  attendance: AttendanceEntry[];
  agenda: AgendaItem[];
  polls: Poll[];
  currentItem: string | null;
  speakers: { personId: string; name: string; at: string }[];
  speaking: { personId: string; name: string; since: string } | null;
  problems: { personId: string; name: string; text: string; at: string }[];
  recording: (MeetingDocument & { by?: PersonRef }) | null;
  suspendedReason?: string | null;
  openedAt?: string;
  closedAt?: string;
  invitations?: Invitation[];
  /** the position of the last event the state reflects */
  seq: number;
}

export interface MeetingSummary {
  id: string;
  committeeId: string;
  committeeName: string;
  number: string;
  title: string;
  startsAt: string;
  place: string | null;
  online: boolean;
  status: MeetingStatus;
  quorum: Quorum;
  seq: number;
}

/** One event of a meeting, pushed on /topic/meetings/{id} and returned by /events?after= */
export interface MeetingEvent { seq: number; type: string; at: string; payload: Record<string, unknown>; meetingId?: string }

/** What replaying a meeting's events up to a poll's opening shows (issue 5 contract). */
export interface PollProof {
  pollId: string;
  itemId: string;
  openedAt: string;
  eventsReplayed: number;
  present: { personId: string; name: string; role: CommitteeRole; joinedAt: string }[];
  recused: { personId: string; name: string }[];
  eligible: string[];
  quorum: Quorum;
  recorded: { eligible: string[]; present: number; required: number };
  matches: boolean;
}

export type MinutesStatus = 'DRAFT' | 'CIRCULATED' | 'CERTIFIED' | 'SIGNED' | 'FILED';

export interface Minutes {
  meetingId: string;
  status: MinutesStatus;
  revision: number;
  text: string;
  draftedAt: string;
  editedAt: string | null;
  editedBy: PersonRef | string | null;
  circulation: { deadline: string; at: string; objections: { personId: string; name: string; text: string; at: string }[] } | null;
  certification: {
    method: 'NEXT_MEETING' | 'CIRCULATION';
    meetingId: string | null;
    meetingNumber: string | null;
    itemId: string | null;
    at: string;
    by: PersonRef | string | null;
  } | null;
  signatures: { role: 'SECRETARY' | 'CHAIR'; personId: string; name: string; at: string }[];
  pdf: { sha256: string } | null;
  filed: { fileCode: string; retentionYears: number | null; permanent: boolean; at: string } | null;
}

import { useEffect, useState } from 'preact/hooks';
import { get, post, withQuery } from '../api';
import { DateInput, ErrorBanner, Loading, useAction } from '../components';
import { useAgencies } from '../directory';
import { useI18n } from '../i18n';
import { href } from '../router';
import type { Me, Person } from '../types';

// The records officer's desk (issue 6): the file plan, the storage register and the units' lists sent for
// storage, loan cards, the destruction and 20-year lists, and PDPA requests. Heads approve here too.

type Lang = 'th' | 'en';
const words = {
  th: {
    title: 'งานเก็บรักษาหนังสือ',
    tabPlan: 'แผนการจัดเก็บ', tabStorage: 'ทะเบียนหนังสือเก็บ', tabLoans: 'การยืม', tabLists: 'ทำลายและส่งมอบ',
    tabPdpa: 'คำขอตาม PDPA',
    code: 'รหัสแฟ้ม', fileTitle: 'ชื่อแฟ้ม', retention: 'อายุการเก็บ', years: 'ปี', permanent: 'ห้ามทำลาย (เก็บตลอดไป)',
    define: 'บันทึกรหัสแฟ้ม', retire: 'เลิกใช้', retired: 'เลิกใช้แล้ว', noCodes: 'ยังไม่มีแผนการจัดเก็บ: เก็บได้ทุกรหัส',
    year: 'ปี พ.ศ.', show: 'แสดง', unit: 'หน่วยงานเจ้าของเรื่อง', wholeAgency: 'ทั้งส่วนราชการ (ทะเบียนหนังสือเก็บ)',
    sentList: 'บัญชีหนังสือส่งเก็บ (แบบที่ ๑๙)', register: 'ทะเบียนหนังสือเก็บ',
    item: 'ลำดับที่', filedAt: 'วันเก็บ', number: 'ที่', date: 'ลงวันที่', subject: 'เรื่อง', remark: 'หมายเหตุ',
    none: 'ไม่มีรายการ',
    letterIds: 'รหัสหนังสือที่ขอยืม (คั่นด้วยจุลภาค)', borrower: 'ผู้ยืม', self: 'ตนเอง', purpose: 'ยืมไปเพื่อ',
    due: 'กำหนดส่งคืน', askLoan: 'บันทึกคำขอยืม', overdue: 'เกินกำหนด', approve: 'อนุมัติ', reject: 'ไม่อนุมัติ',
    reason: 'เหตุผล', handover: 'ส่งมอบให้ผู้ยืม', giveBack: 'รับคืน', checkOverdue: 'ตรวจรายการเกินกำหนดเดี๋ยวนี้',
    lentOn: 'วันยืม', returnedOn: 'วันส่งคืน', recipient: 'ผู้รับ', returner: 'ผู้ส่งคืน', status: 'สถานะ',
    survey: 'สำรวจหนังสือครบอายุการเก็บ ณ สิ้นปี พ.ศ.', candidates: 'หนังสือที่ครบอายุการเก็บ',
    prepare: 'จัดทำบัญชีหนังสือขอทำลาย (แบบที่ ๒๕)', lists: 'บัญชีหนังสือขอทำลาย', chair: 'ประธานกรรมการ',
    members: 'กรรมการ (อย่างน้อย ๒ คน)', appoint: 'แต่งตั้งคณะกรรมการ', keepLonger: 'ขยายเวลาเก็บ (เลือก)',
    report: 'รายงานของคณะกรรมการ', review: 'ส่งผลการพิจารณา', headApprove: 'หัวหน้าส่วนราชการอนุมัติ',
    archivesAgree: 'กรมศิลปากรไม่ทักท้วง', archivesObject: 'กรมศิลปากรทักท้วง', destroy: 'ทำลาย',
    transferYear: 'หนังสือครบ ๒๐ ปีในปี พ.ศ.', transferPrepare: 'จัดทำบัญชีส่งมอบและบัญชีขอเก็บเอง',
    keepReason: 'เหตุผลที่ขอเก็บเอง (เว้นว่าง = ส่งมอบ)', handoverReceipt: 'เลขที่หนังสือรับมอบของกรมศิลปากร',
    recordHandover: 'บันทึกการส่งมอบ', transferList: 'บัญชีส่งมอบ', keepList: 'บัญชีขอเก็บเอง', late: 'ล่าช้ากว่ากำหนด',
    kind: 'ประเภทคำขอ', subjectName: 'เจ้าของข้อมูล', details: 'รายละเอียด',
    terms: 'ข้อมูลส่วนบุคคลที่ปรากฏในหนังสือ (บรรทัดละรายการ)', pdpaLetters: 'รหัสหนังสือที่เกี่ยวข้อง (คั่นด้วยจุลภาค)',
    receive: 'บันทึกคำขอ', answerBy: 'ต้องตอบภายใน', outcome: 'ผลการพิจารณา', legalBasis: 'ฐานทางกฎหมาย',
    decide: 'บันทึกผลการพิจารณา', granted: 'ดำเนินการตามคำขอ', rejected: 'ปฏิเสธ', redacted: 'ปกปิดข้อมูล (เก็บบันทึกไว้)',
  },
  en: {
    title: 'Records',
    tabPlan: 'File plan', tabStorage: 'Storage register', tabLoans: 'Loans', tabLists: 'Destruction & transfer',
    tabPdpa: 'PDPA requests',
    code: 'File code', fileTitle: 'Title', retention: 'Retention', years: 'years', permanent: 'Never destroy (permanent)',
    define: 'Save the code', retire: 'Retire', retired: 'retired', noCodes: 'No file plan yet: any code may be used',
    year: 'BE year', show: 'Show', unit: 'Owning unit', wholeAgency: 'Whole agency (storage register)',
    sentList: 'Letters sent for storage (form 19)', register: 'Storage register',
    item: 'No.', filedAt: 'Filed', number: 'Number', date: 'Dated', subject: 'Subject', remark: 'Remarks',
    none: 'Nothing listed',
    letterIds: 'Letter ids to borrow (comma separated)', borrower: 'Borrower', self: 'myself', purpose: 'Purpose',
    due: 'Due back', askLoan: 'Record the loan request', overdue: 'overdue', approve: 'Approve', reject: 'Refuse',
    reason: 'Reason', handover: 'Hand over', giveBack: 'Take back', checkOverdue: 'Check for overdue loans now',
    lentOn: 'Lent', returnedOn: 'Returned', recipient: 'Received by', returner: 'Returned by', status: 'Status',
    survey: 'Survey letters whose keeping ended by the end of BE', candidates: 'Letters past their retention',
    prepare: 'Prepare the destruction list (form 25)', lists: 'Destruction lists', chair: 'Chair',
    members: 'Members (at least 2)', appoint: 'Appoint the committee', keepLonger: 'Keep longer (tick)',
    report: 'Committee report', review: 'Report the review', headApprove: 'Head of agency approves',
    archivesAgree: 'National Archives: no objection', archivesObject: 'National Archives objected', destroy: 'Destroy',
    transferYear: 'Letters reaching 20 years in BE', transferPrepare: 'Prepare the transfer and self-keep lists',
    keepReason: 'Reason to keep (blank = transfer)', handoverReceipt: 'National Archives receipt reference',
    recordHandover: 'Record the handover', transferList: 'Transfer list', keepList: 'Kept by the agency', late: 'late',
    kind: 'Kind of request', subjectName: 'Data subject', details: 'Details',
    terms: 'Personal data as it appears in the letters (one per line)', pdpaLetters: 'Letter ids concerned (comma separated)',
    receive: 'Record the request', answerBy: 'Answer by', outcome: 'Outcome', legalBasis: 'Legal basis',
    decide: 'Record the decision', granted: 'Granted', rejected: 'Rejected', redacted: 'Redacted (record kept)',
  },
};
type W = typeof words.th;
const useWords = (): W => words[useI18n().lang as Lang];

const ids = (s: string) => s.split(/[,\s]+/).map((x) => x.trim()).filter(Boolean);
const thisYearBE = () => new Date().getFullYear() + 543;

type Doc = Record<string, any>;

export function RecordsPage({ me, tab }: { me: Me; tab?: string }) {
  const w = useWords();
  const keeper = me.roles.includes('RECORDS_OFFICER');
  const tabs: [string, string][] = [['plan', w.tabPlan], ['storage', w.tabStorage], ['loans', w.tabLoans],
    ['lists', w.tabLists], ['pdpa', w.tabPdpa]];
  const current = tab && tabs.some(([k]) => k === tab) ? tab : keeper ? 'plan' : 'loans';
  return (
    <section class="records" aria-labelledby="records-title">
      <div class="page-head"><h1 id="records-title">{w.title}</h1></div>
      <nav class="tabs" aria-label={w.title}>
        {tabs.map(([k, label]) => (
          <a key={k} href={href(`/records/${k}`)} class={k === current ? 'active' : ''}
            aria-current={k === current ? 'page' : undefined} data-tab={k}>{label}</a>
        ))}
      </nav>
      {current === 'plan' ? <FilePlan me={me} /> : null}
      {current === 'storage' ? <Storage me={me} /> : null}
      {current === 'loans' ? <Loans me={me} /> : null}
      {current === 'lists' ? <Lists me={me} /> : null}
      {current === 'pdpa' ? <Pdpa me={me} /> : null}
    </section>
  );
}

function FilePlan({ me }: { me: Me }) {
  const w = useWords();
  const { n, id } = useI18n();
  const [codes, setCodes] = useState<Doc[] | null>(null);
  const [form, setForm] = useState({ code: '', title: '', years: '10', permanent: false });
  const [error, busy, run] = useAction();
  const keeper = me.roles.includes('RECORDS_OFFICER');
  useEffect(() => { void run(async () => setCodes(await get<Doc[]>('/api/archive/file-plan?retired=true'))); }, []);
  const save = (ev: Event) => {
    ev.preventDefault();
    void run(async () => setCodes(await post<Doc[]>('/api/archive/file-plan', {
      code: form.code, title: form.title, permanent: form.permanent,
      retentionYears: form.permanent ? null : Number(form.years) || null,
    })));
  };
  return (
    <div class="card" data-testid="file-plan">
      <ErrorBanner error={error} shown={['code', 'title', 'retentionYears']} />
      {codes === null ? <Loading /> : codes.length === 0 ? <p class="muted">{w.noCodes}</p> : (
        <table class="register">
          <thead><tr><th>{w.code}</th><th>{w.fileTitle}</th><th>{w.retention}</th><th /></tr></thead>
          <tbody>
            {codes.map((c) => (
              <tr key={c.code} class={c.active ? '' : 'muted'} data-code={c.code}>
                <td>{id(c.code)}</td><td>{c.title}</td>
                <td>{c.permanent ? w.permanent : `${n(c.retentionYears)} ${w.years}`}{c.active ? '' : ` (${w.retired})`}</td>
                <td>{keeper && c.active ? (
                  <button type="button" class="link" disabled={busy} onClick={() => void run(async () =>
                    setCodes(await post<Doc[]>('/api/archive/file-plan/retire', { code: c.code })))}>{w.retire}</button>
                ) : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {keeper ? (
        <form class="row" onSubmit={save}>
          <label>{w.code}<input value={form.code} onInput={(e) => setForm({ ...form, code: e.currentTarget.value })}
            aria-invalid={!!error?.forField('code')} name="code" /></label>
          <label>{w.fileTitle}<input value={form.title} onInput={(e) => setForm({ ...form, title: e.currentTarget.value })}
            aria-invalid={!!error?.forField('title')} name="title" /></label>
          <label>{w.retention}<input type="number" min={1} max={100} value={form.years} disabled={form.permanent}
            onInput={(e) => setForm({ ...form, years: e.currentTarget.value })} name="retentionYears" /></label>
          <label class="check"><input type="checkbox" checked={form.permanent}
            onChange={(e) => setForm({ ...form, permanent: e.currentTarget.checked })} /> {w.permanent}</label>
          <button type="submit" class="primary" disabled={busy}>{w.define}</button>
        </form>
      ) : null}
    </div>
  );
}

function Storage({ me }: { me: Me }) {
  const w = useWords();
  const { id } = useI18n();
  const agencies = useAgencies();
  const units = agencies.find((a) => a.code === me.agencyCode)?.units ?? [];
  const [year, setYear] = useState(String(thisYearBE()));
  const [unit, setUnit] = useState('');
  const [sheet, setSheet] = useState<Doc | null>(null);
  const [error, busy, run] = useAction();
  const show = (ev?: Event) => {
    ev?.preventDefault();
    void run(async () => setSheet(await get<Doc>(unit
      ? withQuery('/api/archive/storage-lists', { year, unit })
      : withQuery('/api/archive/storage-register', { year }))));
  };
  useEffect(() => show(), []);
  return (
    <div class="card" data-testid="storage">
      <form class="row" onSubmit={show}>
        <label>{w.year}<input type="number" value={year} onInput={(e) => setYear(e.currentTarget.value)} /></label>
        <label>{w.unit}<select value={unit} onChange={(e) => setUnit(e.currentTarget.value)}>
          <option value="">{w.wholeAgency}</option>
          {units.map((u) => <option key={u.code} value={u.code}>{u.code} {u.name}</option>)}
        </select></label>
        <button type="submit" class="primary" disabled={busy}>{w.show}</button>
      </form>
      <ErrorBanner error={error} />
      {sheet ? (
        <>
          <h2>{sheet.unitName ? `${w.sentList} · ${sheet.unitName}` : w.register} · {sheet.agencyName ?? ''} · {w.year} {sheet.yearThai}</h2>
          <table class="register">
            <thead><tr><th>{w.item}</th><th>{w.filedAt}</th><th>{w.number}</th><th>{w.date}</th><th>{w.subject}</th>
              <th>{w.code}</th><th>{w.retention}</th><th>{w.remark}</th></tr></thead>
            <tbody>
              {(sheet.rows as Doc[]).length === 0 ? <tr><td colSpan={8} class="muted">{w.none}</td></tr> : null}
              {(sheet.rows as Doc[]).map((r) => (
                <tr key={r.letterId} data-letter={r.letterId}>
                  <td>{id(r.itemThai)}</td><td>{r.filedAtThai}</td><td>{id(r.number ?? '')}</td><td>{r.dateThai ?? ''}</td>
                  <td><a href={href(`/letters/${r.letterId}`)}>{r.subject}</a></td><td>{id(r.fileCode)}</td>
                  <td>{id(r.retention)}</td><td>{r.remark}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}

function useAllPeople(): Person[] {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => { get<Person[]>('/api/people').then(setPeople).catch(() => setPeople([])); }, []);
  return people;
}

function Loans({ me }: { me: Me }) {
  const w = useWords();
  const { id } = useI18n();
  const people = useAllPeople();
  const keeper = me.roles.includes('RECORDS_OFFICER');
  const head = me.roles.includes('APPROVER');
  const [loans, setLoans] = useState<Doc[] | null>(null);
  const [form, setForm] = useState({ letterIds: '', borrowerId: '', purpose: '', dueDate: '' });
  const [reason, setReason] = useState('');
  const [error, busy, run] = useAction();
  const load = async () => setLoans(await get<Doc[]>('/api/archive/loans'));
  useEffect(() => { void run(load); }, []);
  const act = (loan: string, what: string, body?: unknown) => run(async () => {
    await post(`/api/archive/loans/${loan}/${what}`, body);
    await load();
  });
  const ask = (ev: Event) => {
    ev.preventDefault();
    void run(async () => {
      await post('/api/archive/loans', { letterIds: ids(form.letterIds), borrowerId: form.borrowerId || null,
        purpose: form.purpose, dueDate: form.dueDate || null });
      setForm({ letterIds: '', borrowerId: '', purpose: '', dueDate: '' });
      await load();
    });
  };
  return (
    <div class="card" data-testid="loans">
      <ErrorBanner error={error} shown={['letterIds', 'borrowerId', 'purpose', 'dueDate']} />
      {loans === null ? <Loading /> : loans.length === 0 ? <p class="muted">{w.none}</p> : (
        <table class="register">
          <thead><tr><th>{w.subject}</th><th>{w.borrower}</th><th>{w.purpose}</th><th>{w.lentOn}</th><th>{w.due}</th>
            <th>{w.returnedOn}</th><th>{w.status}</th><th /></tr></thead>
          <tbody>
            {loans.map((l) => (
              <tr key={l.id} data-loan={l.id} class={l.overdue ? 'overdue' : ''}>
                <td>{(l.items as Doc[]).map((i) => (
                  <div key={i.letterId}><a href={href(`/letters/${i.letterId}`)}>{i.subject}</a> {i.fileCode ? `(${id(i.fileCode)})` : ''}</div>
                ))}</td>
                <td>{l.borrower.displayName}<small class="muted"> {l.borrower.position}</small></td>
                <td>{l.purpose}</td>
                <td>{l.lent?.atThai ?? ''}</td>
                <td>{l.dueDateThai}{l.overdue ? <strong class="badge danger"> {w.overdue}</strong> : null}</td>
                <td>{l.returned ? `${l.returned.atThai} · ${w.returner} ${l.returned.returnedBy.displayName}` : ''}</td>
                <td data-status={l.status}>{l.statusThai}</td>
                <td class="actions">
                  {head && l.status === 'REQUESTED' ? (
                    <>
                      <button type="button" disabled={busy} onClick={() => void act(l.id, 'approve')}>{w.approve}</button>
                      <input placeholder={w.reason} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
                      <button type="button" disabled={busy} onClick={() => void act(l.id, 'reject', { reason })}>{w.reject}</button>
                    </>
                  ) : null}
                  {keeper && l.status === 'APPROVED' ? (
                    <button type="button" disabled={busy} onClick={() => void act(l.id, 'handover')}>{w.handover}</button>
                  ) : null}
                  {keeper && l.status === 'LENT' ? (
                    <button type="button" disabled={busy} onClick={() => void act(l.id, 'return')}>{w.giveBack}</button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {keeper ? (
        <button type="button" class="link" disabled={busy} onClick={() => void run(async () => {
          await post('/api/archive/loans/overdue-check');
          await load();
        })}>{w.checkOverdue}</button>
      ) : null}
      <form class="grid" onSubmit={ask}>
        <label>{w.letterIds}<input value={form.letterIds} name="letterIds" aria-invalid={!!error?.forField('letterIds')}
          onInput={(e) => setForm({ ...form, letterIds: e.currentTarget.value })} /></label>
        {keeper ? (
          <label>{w.borrower}<select value={form.borrowerId} onChange={(e) => setForm({ ...form, borrowerId: e.currentTarget.value })}>
            <option value="">{w.self}</option>
            {people.filter((p) => p.agencyCode).map((p) => (
              <option key={p.id} value={p.id}>{p.displayName} · {p.position} · {p.agencyCode}</option>
            ))}
          </select></label>
        ) : null}
        <label>{w.purpose}<input value={form.purpose} name="purpose" aria-invalid={!!error?.forField('purpose')}
          onInput={(e) => setForm({ ...form, purpose: e.currentTarget.value })} /></label>
        <label>{w.due}<DateInput value={form.dueDate} name="dueDate" invalid={!!error?.forField('dueDate')}
          onInput={(dueDate) => setForm({ ...form, dueDate })} /></label>
        <button type="submit" class="primary" disabled={busy}>{w.askLoan}</button>
      </form>
    </div>
  );
}

function Lists({ me }: { me: Me }) {
  const w = useWords();
  const { id, e } = useI18n();
  const keeper = me.roles.includes('RECORDS_OFFICER');
  const head = me.roles.includes('APPROVER');
  const people = useAllPeople().filter((p) => p.agencyCode === me.agencyCode);
  const [lists, setLists] = useState<Doc[]>([]);
  const [survey, setSurvey] = useState(String(thisYearBE() - 1));
  const [candidates, setCandidates] = useState<Doc[] | null>(null);
  const [committee, setCommittee] = useState<{ chair: string; members: string[] }>({ chair: '', members: [] });
  const [keepLonger, setKeepLonger] = useState<string[]>([]);
  const [report, setReport] = useState('');
  const [tYear, setTYear] = useState(String(thisYearBE()));
  const [tCandidates, setTCandidates] = useState<Doc[] | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [transfer, setTransfer] = useState<Doc | null>(null);
  const [receipt, setReceipt] = useState('');
  const [error, busy, run] = useAction();
  const load = async () => setLists(await get<Doc[]>('/api/archive/destruction-lists'));
  useEffect(() => { void run(load); }, []);
  const step = (list: string, what: string, body?: unknown) => run(async () => {
    await post(`/api/archive/destruction-lists/${list}/${what}`, body);
    await load();
  });
  return (
    <div data-testid="lists">
      <ErrorBanner error={error} />
      <div class="card">
        <h2>{w.lists}</h2>
        {keeper ? (
          <form class="row" onSubmit={(ev) => { ev.preventDefault(); void run(async () =>
            setCandidates(await get<Doc[]>(withQuery('/api/archive/destruction/candidates', { year: survey })))); }}>
            <label>{w.survey}<input type="number" value={survey} onInput={(e) => setSurvey(e.currentTarget.value)} /></label>
            <button type="submit" disabled={busy}>{w.show}</button>
          </form>
        ) : null}
        {candidates ? (
          <>
            <h3>{w.candidates}</h3>
            <ul>{candidates.map((c) => <li key={c.letterId}>{id(c.number ?? '')} {c.subject} · {id(c.fileCode ?? '')}</li>)}</ul>
            {candidates.length ? (
              <button type="button" class="primary" disabled={busy} onClick={() => void run(async () => {
                await post('/api/archive/destruction-lists', { surveyYearBE: Number(survey) });
                setCandidates(null);
                await load();
              })}>{w.prepare}</button>
            ) : <p class="muted">{w.none}</p>}
          </>
        ) : null}
        {lists.map((l) => (
          <article key={l.id} class="list-card" data-list={l.id} data-status={l.status}>
            <h3>{w.lists} {w.year} {l.surveyYearThai} · {e(l.status)}
              {l.late ? <strong class="badge danger"> {w.late}</strong> : null}</h3>
            <ol>{(l.items as Doc[] ?? []).map((i) => (
              <li key={i.letterId}>
                {id(i.number ?? '')} {i.subject} · {id(i.fileCode ?? '')}
                {l.status === 'COMMITTEE_APPOINTED' && me.id === l.committee?.chair?.id ? (
                  <label class="check"><input type="checkbox" checked={keepLonger.includes(i.letterId)}
                    onChange={(e) => setKeepLonger(e.currentTarget.checked ? [...keepLonger, i.letterId]
                      : keepLonger.filter((x) => x !== i.letterId))} /> {w.keepLonger}</label>
                ) : null}
              </li>
            ))}</ol>
            {head && l.status === 'PREPARED' ? (
              <div class="row">
                <label>{w.chair}<select value={committee.chair} onChange={(e) => setCommittee({ ...committee, chair: e.currentTarget.value })}>
                  <option value="" />
                  {people.map((p) => <option key={p.id} value={p.id}>{p.displayName}</option>)}
                </select></label>
                <label>{w.members}<select multiple name="memberIds"
                  onChange={(e) => setCommittee({ ...committee, members: Array.from(e.currentTarget.selectedOptions).map((o) => o.value) })}>
                  {people.map((p) => <option key={p.id} value={p.id} selected={committee.members.includes(p.id)}>{p.displayName}</option>)}
                </select></label>
                <button type="button" disabled={busy} onClick={() => void step(l.id, 'committee',
                  { chairId: committee.chair || null, memberIds: committee.members })}>{w.appoint}</button>
              </div>
            ) : null}
            {l.status === 'COMMITTEE_APPOINTED' && me.id === l.committee?.chair?.id ? (
              <div class="row">
                <label>{w.report}<input value={report} onInput={(e) => setReport(e.currentTarget.value)} /></label>
                <button type="button" disabled={busy} onClick={() => void step(l.id, 'review', { keepLonger, report })}>{w.review}</button>
              </div>
            ) : null}
            {head && l.status === 'REVIEWED' ? (
              <button type="button" disabled={busy} onClick={() => void step(l.id, 'approve')}>{w.headApprove}</button>
            ) : null}
            {keeper && l.status === 'AT_THE_ARCHIVES' ? (
              <div class="row">
                <button type="button" disabled={busy} onClick={() => void step(l.id, 'archives-reply', { objection: false })}>{w.archivesAgree}</button>
                <button type="button" disabled={busy} onClick={() => void step(l.id, 'archives-reply', { objection: true })}>{w.archivesObject}</button>
                <button type="button" class="danger" disabled={busy} onClick={() => void step(l.id, 'destroy')}>{w.destroy}</button>
              </div>
            ) : null}
            {keeper && l.status === 'ARCHIVES_AGREED' ? (
              <button type="button" class="danger" disabled={busy} onClick={() => void step(l.id, 'destroy')}>{w.destroy}</button>
            ) : null}
          </article>
        ))}
      </div>
      <div class="card">
        <h2>{w.transferList} · {w.keepList}</h2>
        {keeper ? (
          <form class="row" onSubmit={(ev) => { ev.preventDefault(); void run(async () =>
            setTCandidates(await get<Doc[]>(withQuery('/api/archive/transfer/candidates', { year: tYear })))); }}>
            <label>{w.transferYear}<input type="number" value={tYear} onInput={(e) => setTYear(e.currentTarget.value)} /></label>
            <button type="submit" disabled={busy}>{w.show}</button>
          </form>
        ) : null}
        {tCandidates ? (
          <>
            <ul>{tCandidates.map((c) => (
              <li key={c.letterId}>{id(c.number ?? '')} {c.subject}
                <input placeholder={w.keepReason} value={reasons[c.letterId] ?? ''}
                  onInput={(e) => setReasons({ ...reasons, [c.letterId]: e.currentTarget.value })} />
              </li>
            ))}</ul>
            {tCandidates.length ? (
              <button type="button" class="primary" disabled={busy} onClick={() => void run(async () => {
                const keep = Object.entries(reasons).filter(([, r]) => r.trim()).map(([letterId, reason]) => ({ letterId, reason }));
                setTransfer(await post<Doc>('/api/archive/transfer-lists', { yearBE: Number(tYear), keep }));
                setTCandidates(null);
              })}>{w.transferPrepare}</button>
            ) : <p class="muted">{w.none}</p>}
          </>
        ) : null}
        {transfer ? (
          <article class="list-card" data-transfer={transfer.id} data-status={transfer.status}>
            <h3>{w.transferList} ({e(transfer.status)})</h3>
            <ol>{(transfer.transfer as Doc[]).map((i) => <li key={i.letterId}>{id(i.number ?? '')} {i.subject}</li>)}</ol>
            <h3>{w.keepList}</h3>
            <ol>{(transfer.keep as Doc[]).map((i) => <li key={i.letterId}>{id(i.number ?? '')} {i.subject} — {i.keepReason}</li>)}</ol>
            {head && transfer.status === 'PREPARED' ? (
              <button type="button" disabled={busy} onClick={() => void run(async () =>
                setTransfer(await post<Doc>(`/api/archive/transfer-lists/${transfer.id}/approve`)))}>{w.headApprove}</button>
            ) : null}
            {keeper && transfer.status === 'APPROVED' ? (
              <div class="row">
                <label>{w.handoverReceipt}<input value={receipt} onInput={(e) => setReceipt(e.currentTarget.value)} /></label>
                <button type="button" disabled={busy} onClick={() => void run(async () =>
                  setTransfer(await post<Doc>(`/api/archive/transfer-lists/${transfer.id}/handover`, { receipt })))}>{w.recordHandover}</button>
              </div>
            ) : null}
          </article>
        ) : null}
      </div>
    </div>
  );
}

function Pdpa({ me }: { me: Me }) {
  const w = useWords();
  const { e } = useI18n();
  const keeper = me.roles.includes('RECORDS_OFFICER');
  const head = me.roles.includes('APPROVER');
  const [requests, setRequests] = useState<Doc[] | null>(null);
  const [form, setForm] = useState({ kind: 'ERASURE', subjectName: '', details: '', letterIds: '', terms: '' });
  const [decision, setDecision] = useState({ outcome: 'REDACTED', legalBasis: '', reason: '' });
  const [error, busy, run] = useAction();
  const load = async () => setRequests(await get<Doc[]>('/api/privacy/requests'));
  useEffect(() => { void run(load); }, []);
  const outcomes: [string, string][] = [['GRANTED', w.granted], ['REJECTED', w.rejected], ['REDACTED', w.redacted]];
  return (
    <div class="card" data-testid="pdpa">
      <ErrorBanner error={error} shown={['kind', 'subjectName', 'letterIds', 'terms', 'legalBasis', 'reason']} />
      {requests === null ? <Loading /> : requests.length === 0 ? <p class="muted">{w.none}</p> : (
        <table class="register">
          <thead><tr><th>{w.kind}</th><th>{w.subjectName}</th><th>{w.answerBy}</th><th>{w.outcome}</th><th /></tr></thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id} data-request={r.id} class={r.overdue ? 'overdue' : ''}>
                <td>{e(r.kind)}</td>
                <td>{r.subjectName}<small class="muted"> {r.details ?? ''}</small></td>
                <td>{r.answerByThai}{r.overdue ? <strong class="badge danger"> {w.overdue}</strong> : null}</td>
                <td data-status={r.status}>{r.decision ? `${outcomes.find(([k]) => k === r.decision.outcome)?.[1] ?? r.decision.outcome}`
                  + `${r.decision.legalBasis ? ` · ${r.decision.legalBasis}` : ''}${r.decision.reason ? ` · ${r.decision.reason}` : ''}` : ''}</td>
                <td>{head && !r.decision ? (
                  <div class="row">
                    <select value={decision.outcome} onChange={(e) => setDecision({ ...decision, outcome: e.currentTarget.value })}>
                      {outcomes.map(([k, label]) => <option key={k} value={k}>{label}</option>)}
                    </select>
                    <input placeholder={w.legalBasis} value={decision.legalBasis} aria-invalid={!!error?.forField('legalBasis')}
                      onInput={(e) => setDecision({ ...decision, legalBasis: e.currentTarget.value })} />
                    <input placeholder={w.reason} value={decision.reason} aria-invalid={!!error?.forField('reason')}
                      onInput={(e) => setDecision({ ...decision, reason: e.currentTarget.value })} />
                    <button type="button" disabled={busy} onClick={() => void run(async () => {
                      await post(`/api/privacy/requests/${r.id}/decision`, decision);
                      await load();
                    })}>{w.decide}</button>
                  </div>
                ) : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {keeper ? (
        <form class="grid" onSubmit={(ev) => { ev.preventDefault(); void run(async () => {
          await post('/api/privacy/requests', { kind: form.kind, subjectName: form.subjectName, details: form.details,
            letterIds: ids(form.letterIds), terms: form.terms.split('\n').map((x) => x.trim()).filter(Boolean) });
          setForm({ kind: 'ERASURE', subjectName: '', details: '', letterIds: '', terms: '' });
          await load();
        }); }}>
          <label>{w.kind}<select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.currentTarget.value })}>
            {['ACCESS', 'ERASURE', 'RESTRICTION', 'OBJECTION', 'RECTIFICATION'].map((k) => <option key={k} value={k}>{e(k)}</option>)}
          </select></label>
          <label>{w.subjectName}<input value={form.subjectName} aria-invalid={!!error?.forField('subjectName')}
            onInput={(e) => setForm({ ...form, subjectName: e.currentTarget.value })} /></label>
          <label>{w.details}<input value={form.details} onInput={(e) => setForm({ ...form, details: e.currentTarget.value })} /></label>
          <label>{w.pdpaLetters}<input value={form.letterIds} onInput={(e) => setForm({ ...form, letterIds: e.currentTarget.value })} /></label>
          <label>{w.terms}<textarea value={form.terms} onInput={(e) => setForm({ ...form, terms: e.currentTarget.value })} /></label>
          <button type="submit" class="primary" disabled={busy}>{w.receive}</button>
        </form>
      ) : null}
    </div>
  );
}

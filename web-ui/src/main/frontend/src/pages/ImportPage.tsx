import { useState } from 'preact/hooks';
import { post } from '../api';
import { ErrorBanner, useAction } from '../components';
import { useI18n } from '../i18n';
import { navigate } from '../router';

// Registering a paper letter (issue 6): the clerk gives the scan and its OCR text, the server proposes the
// metadata (and says what OCR noise it mended), the clerk corrects and confirms, and the letter is received.

interface Stamp { agency: string; receiptNumber: string; dateIso: string | null; time: string | null }
interface Proposal {
  number: string | null; dateThai: string | null; dateIso: string | null; fromAgency: string | null;
  subject: string | null; salutation: string | null; to: string[]; references: string[]; enclosures: string[];
  signatoryName: string | null; signatoryPosition: string | null; ownerUnit: string | null; phone: string | null;
  email: string | null; urgency: string | null; receiptStamps: Stamp[]; corrections: string[];
}

const words = {
  th: {
    title: 'รับหนังสือกระดาษ', scan: 'ไฟล์สแกน (PDF)', ocr: 'ข้อความจากการรู้จำอักขระ (OCR)',
    propose: 'อ่านข้อมูลจากข้อความ', proposed: 'ข้อมูลที่ระบบเสนอ ตรวจและแก้ไขก่อนยืนยัน', mended: 'ระบบแก้คำที่อ่านผิด:',
    number: 'ที่', date: 'ลงวันที่ (ค.ศ. ปปปป-ดด-วว)', from: 'จาก (ส่วนราชการ)', subject: 'เรื่อง', salutation: 'คำขึ้นต้น',
    to: 'ถึง (บรรทัดละราย)', references: 'อ้างถึง (บรรทัดละรายการ)', enclosures: 'สิ่งที่ส่งมาด้วย (บรรทัดละรายการ)',
    signatoryName: 'ผู้ลงนาม', signatoryPosition: 'ตำแหน่ง', ownerUnit: 'ส่วนราชการเจ้าของเรื่อง', phone: 'โทร',
    email: 'อีเมล', urgency: 'ชั้นความเร็ว', stamps: 'ตรารับที่พบบนหนังสือ', confirm: 'ยืนยันและลงทะเบียนรับ',
  },
  en: {
    title: 'Register a paper letter', scan: 'Scan (PDF)', ocr: 'OCR text of the scan',
    propose: 'Read the metadata', proposed: 'Proposed metadata: check and correct before confirming',
    mended: 'OCR mends made:', number: 'Number', date: 'Dated (yyyy-mm-dd)', from: 'From (agency)', subject: 'Subject',
    salutation: 'Salutation', to: 'To (one per line)', references: 'References (one per line)',
    enclosures: 'Enclosures (one per line)', signatoryName: 'Signed by', signatoryPosition: 'Position',
    ownerUnit: 'Owning unit', phone: 'Phone', email: 'E-mail', urgency: 'Urgency', stamps: 'Receipt stamps found',
    confirm: 'Confirm and register as received',
  },
};

const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

export function ImportPage() {
  const { lang, e } = useI18n();
  const w = words[lang as 'th' | 'en'];
  const [scan, setScan] = useState<File | null>(null);
  const [ocr, setOcr] = useState('');
  const [p, setP] = useState<Proposal | null>(null);
  const [form, setForm] = useState<Record<string, string>>({});
  const [error, busy, run] = useAction();

  const propose = (ev: Event) => {
    ev.preventDefault();
    void run(async () => {
      const got = await post<Proposal>('/api/letters/import/proposal', { ocrText: ocr });
      setP(got);
      setForm({
        number: got.number ?? '', date: got.dateIso ?? '', fromAgency: got.fromAgency ?? '', subject: got.subject ?? '',
        salutation: got.salutation ?? 'เรียน', to: got.to.join('\n'), references: got.references.join('\n'),
        enclosures: got.enclosures.join('\n'), signatoryName: got.signatoryName ?? '',
        signatoryPosition: got.signatoryPosition ?? '', ownerUnit: got.ownerUnit ?? '', phone: got.phone ?? '',
        email: got.email ?? '', urgency: got.urgency ?? 'NORMAL',
      });
    });
  };

  const confirm = (ev: Event) => {
    ev.preventDefault();
    void run(async () => {
      const metadata = {
        kind: 'EXTERNAL', number: form.number || null, date: form.date || null, fromAgency: form.fromAgency || null,
        subject: form.subject || null, salutation: form.salutation || null, to: lines(form.to),
        references: lines(form.references), enclosures: lines(form.enclosures),
        signatoryName: form.signatoryName || null, signatoryPosition: form.signatoryPosition || null,
        ownerUnit: form.ownerUnit ? { name: form.ownerUnit, phone: form.phone || null, email: form.email || null } : null,
        urgency: form.urgency || 'NORMAL', channel: 'PAPER', bodyText: ocr || null,
      };
      const data = new FormData();
      if (scan) data.append('scan', scan);
      data.append('metadata', new Blob([JSON.stringify(metadata)], { type: 'application/json' }));
      const letter = await post<{ id: string }>('/api/letters/import', data);
      navigate(`/letters/${letter.id}`);
    });
  };

  const field = (key: string, label: string, multi = false) => (
    <label key={key} class={multi ? 'wide' : ''} data-field={key}>
      {label}
      {multi ? <textarea value={form[key] ?? ''} onInput={(ev) => setForm({ ...form, [key]: ev.currentTarget.value })} />
        : <input name={key} value={form[key] ?? ''} onInput={(ev) => setForm({ ...form, [key]: ev.currentTarget.value })}
          aria-invalid={!!error?.forField(`metadata.${key}`)} />}
      {error?.forField(`metadata.${key}`) ? <small class="field-error" role="alert">{error.forField(`metadata.${key}`)}</small> : null}
    </label>
  );

  return (
    <section class="import" aria-labelledby="import-title">
      <div class="page-head"><h1 id="import-title">{w.title}</h1></div>
      <ErrorBanner error={error} shown={['metadata']} />
      <form class="card grid" onSubmit={propose}>
        <label>{w.scan}<input type="file" accept="application/pdf" name="scan"
          onChange={(ev) => setScan(ev.currentTarget.files?.[0] ?? null)} /></label>
        <label class="wide">{w.ocr}<textarea name="ocrText" rows={10} value={ocr}
          onInput={(ev) => setOcr(ev.currentTarget.value)} /></label>
        <button type="submit" class="primary" disabled={busy || !ocr.trim()}>{w.propose}</button>
      </form>
      {p ? (
        <form class="card grid" onSubmit={confirm} data-testid="proposal">
          <h2>{w.proposed}</h2>
          {p.corrections.length ? (
            <div class="banner warn wide" role="note"><strong>{w.mended}</strong>
              <ul>{p.corrections.map((c) => <li key={c}>{c}</li>)}</ul></div>
          ) : null}
          {field('number', w.number)}
          {field('date', w.date)}
          {field('fromAgency', w.from)}
          {field('subject', w.subject)}
          {field('salutation', w.salutation)}
          {field('to', w.to, true)}
          {field('references', w.references, true)}
          {field('enclosures', w.enclosures, true)}
          {field('signatoryName', w.signatoryName)}
          {field('signatoryPosition', w.signatoryPosition)}
          {field('ownerUnit', w.ownerUnit)}
          {field('phone', w.phone)}
          {field('email', w.email)}
          <label>{w.urgency}<select value={form.urgency} onChange={(ev) => setForm({ ...form, urgency: ev.currentTarget.value })}>
            {['NORMAL', 'URGENT', 'VERY_URGENT', 'MOST_URGENT'].map((u) => <option key={u} value={u}>{e(u)}</option>)}
          </select></label>
          {p.receiptStamps.length ? (
            <div class="wide"><strong>{w.stamps}</strong>
              <ul>{p.receiptStamps.map((s, i) => <li key={i}>{s.agency} · {s.receiptNumber} · {s.dateIso ?? ''} {s.time ?? ''}</li>)}</ul>
            </div>
          ) : null}
          <button type="submit" class="primary" disabled={busy || !scan}>{w.confirm}</button>
        </form>
      ) : null}
    </section>
  );
}

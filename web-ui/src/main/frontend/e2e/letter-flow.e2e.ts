import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE, LAPTOP, launch, letterIdOf, NOW, person, seeAttribute, seeCount, seeText, seeValue, seeVisible, shot, TABLET, tinyPdf,
} from './support';

// The whole letter flow across two agencies, as the people who do it would, each in their own browser:
// compose at สพร → approve → sign → dispatch → receive at นร ๐๕ → route → complete → file → both registers.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const yearBE = Number(new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'Asia/Bangkok' }).format(NOW)) + 543;
// each run has a store of its own (BrowserFlowTest), so the subjects need no run-unique suffix
const subject = 'ขอเชิญประชุมคณะกรรมการขับเคลื่อนระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ';
let letterPdf: Buffer | null = null;

async function openFromList(page: Page, text: string) {
  await page.getByRole('link', { name: text }).click();
  await page.locator('.letter-page').waitFor();
}

describe('a letter from สพร to นร ๐๕, end to end in the browser', () => {
  it('is composed, approved, signed, dispatched, received, routed, completed, filed and registered twice', async () => {
    // นร ๐๕'s clerk has the inbox open all morning
    const socClerk = await person(browser, 'soc.clerk');
    await socClerk.page.getByRole('heading', { name: 'หนังสือรับ' }).waitFor();

    // สพร's officer composes an urgent external letter with an enclosure
    const officer = await person(browser, 'dga.officer');
    const o = officer.page;
    await o.getByRole('link', { name: 'ร่างหนังสือ' }).click();
    await o.locator('#kind').selectOption('EXTERNAL');
    await o.locator('#urgency').selectOption('URGENT');
    await o.locator('#subject').fill(subject);
    await o.locator('#salutation').fill('เรียน');
    await o.getByLabel('ส่วนราชการ 1').selectOption('นร ๐๕');
    await o.getByLabel('ตำแหน่งผู้รับ 1').fill('เลขาธิการคณะรัฐมนตรี');
    await o.getByRole('button', { name: '+ เพิ่มอ้างถึง' }).click();
    await o.getByLabel('อ้างถึง 1').fill('หนังสือสำนักเลขาธิการคณะรัฐมนตรี ที่ นร ๐๕๐๓/ว ๑๒๓ ลงวันที่ ๑ พฤศจิกายน ๒๕๖๙');
    await o.getByRole('button', { name: '+ เพิ่มสิ่งที่ส่งมาด้วย' }).click();
    await o.getByLabel('ชื่อสิ่งที่ส่งมาด้วย 1').fill('ระเบียบวาระการประชุม');
    await o.getByLabel('แฟ้ม 1').setInputFiles({ name: 'agenda.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
    await expect.poll(() => o.locator('.upload-state[data-sha256]').count()).toBe(1);
    await o.locator('#body').fill('ด้วยสำนักงานพัฒนารัฐบาลดิจิทัลกำหนดจัดการประชุมคณะกรรมการฯ ครั้งที่ ๒/๒๕๖๙ '
      + 'ในวันจันทร์ที่ ๗ ธันวาคม ๒๕๖๙ เวลา ๐๙.๓๐ น.\n\nจึงเรียนมาเพื่อโปรดพิจารณา');
    await o.locator('#closing').fill('ขอแสดงความนับถือ');
    await o.locator('#signatory').selectOption({ label: 'นายชยพล ธรรมวัฒนา — ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล' });
    await o.locator('#ownerUnit\\.phone').fill('๐ ๒๖๑๒ ๖๐๐๐');
    await shot(o, '02-compose', { fullPage: true });
    await o.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await o.locator('.letter-page[data-status="DRAFT"]').waitFor();
    const letterId = letterIdOf(o);
    await seeText(o.locator('.paper'), subject);
    await seeText(o.locator('.paper .enclosures'), 'ระเบียบวาระการประชุม');

    // ... and submits it to the director
    await o.locator('#approverId').selectOption({ label: 'นายชยพล ธรรมวัฒนา — ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล' });
    await o.getByRole('button', { name: 'เสนออนุมัติ' }).click();
    await o.locator('.letter-page[data-status="PENDING_APPROVAL"]').waitFor();

    // the director finds it among the letters awaiting approval, approves and signs by typing his name
    const director = await person(browser, 'dga.director');
    const d = director.page;
    await d.getByRole('link', { name: 'หนังสือส่ง' }).click();
    await d.getByLabel('สถานะ').selectOption('PENDING_APPROVAL');
    await openFromList(d, subject);
    await d.getByRole('button', { name: 'อนุมัติ', exact: true }).click();
    await d.locator('.letter-page[data-status="APPROVED"]').waitFor();
    await d.locator('#typedName').fill('นายชยพล ธรรมวัฒนา');
    await shot(d, '04-sign');
    await d.getByRole('button', { name: 'ลงนาม', exact: true }).click();
    await d.locator('.letter-page[data-status="SIGNED"]').waitFor();
    await seeText(d.getByTestId('signatures'), 'นายชยพล ธรรมวัฒนา');
    await seeAttribute(d.getByTestId('signatures').locator('li').first(), 'data-method', 'TYPED_NAME');

    // สพร's clerk numbers and dispatches it from the sending register
    const dgaClerk = await person(browser, 'dga.clerk');
    const c = dgaClerk.page;
    await c.goto(`${BASE}/#/letters/${letterId}`);
    await c.getByRole('button', { name: 'ออกเลขและส่งหนังสือ' }).click();
    await c.locator('.letter-page[data-status="DISPATCHED"]').waitFor();
    const number = (await c.getByTestId('number').textContent())!.trim();
    expect(number).toMatch(/^สพร [๐-๙]+\/[๐-๙]+$/);
    await seeText(c.getByTestId('notice'), number);

    // the letter appears in นร ๐๕'s open inbox without a reload
    const s = socClerk.page;
    await s.getByRole('link', { name: subject }).waitFor({ timeout: 15_000 });
    await seeVisible(s.getByTestId('arrived'));
    const row = s.locator('tr', { has: s.getByRole('link', { name: subject }) });
    await seeVisible(row.locator('[data-unread="true"]'));
    await seeText(row.locator('[data-urgency="URGENT"]'), 'ด่วน');
    await shot(s, '01-inbox');

    // ... who receives it: the receiving number and the stamp time
    await openFromList(s, subject);
    await s.getByRole('button', { name: 'ลงรับหนังสือ' }).click();
    await s.locator('.letter-page[data-status="RECEIVED"]').waitFor();
    const receivingNumber = (await s.getByTestId('receiving-number').textContent())!.trim();
    expect(receivingNumber).toMatch(/^[๐-๙]+$/);
    await seeText(s.getByTestId('receipt-stamp'), 'เวลา');
    await seeText(s.getByTestId('notice'), `เลขรับ ${receivingNumber}`);
    await seeText(s.getByTestId('notice'), 'น.');

    // ... and routes it (เกษียน) to กองนิติธรรม with a due date
    await s.locator('#toUnit').selectOption('๐๓');
    await s.locator('#instruction').fill('เสนอกองนิติธรรมพิจารณาดำเนินการ');
    await s.locator('#dueDate').fill('2026-12-15');
    await s.getByRole('button', { name: 'เกษียนหนังสือ' }).click();
    await seeCount(s.getByTestId('routes').locator('li'), 1);
    await seeText(s.getByTestId('routes'), 'เสนอกองนิติธรรมพิจารณาดำเนินการ');

    // กองนิติธรรม's officer sees it as routed to the unit, acknowledges and reports it done
    const socOfficer = await person(browser, 'soc.officer');
    const so = socOfficer.page;
    const routed = so.locator('tr', { has: so.getByRole('link', { name: subject }) });
    await seeVisible(routed.locator('[data-unacknowledged-routes="1"]'));
    await openFromList(so, subject);
    await so.getByRole('button', { name: 'รับทราบ' }).click();
    await seeCount(so.getByTestId('routes').locator('li[data-state="ACKNOWLEDGED"]'), 1);
    await so.getByLabel('ผลการดำเนินการ').fill('ตรวจสอบแล้ว เห็นควรเข้าร่วมประชุม');
    await so.getByRole('button', { name: 'รายงานผลการดำเนินการ' }).click();
    await seeCount(so.getByTestId('routes').locator('li[data-state="COMPLETED"]'), 1);

    // the clerk sees the chain of เกษียน in order, then files the letter for ten years
    await seeCount(s.getByTestId('routes').locator('li[data-state="COMPLETED"]'), 1);
    await s.locator('input#fileCode').fill('นร ๐๕.๑๒/๒๕๖๙');
    await s.locator('#retentionYears').fill('10');
    await s.getByRole('button', { name: 'เก็บหนังสือ' }).last().click();
    await s.locator('.letter-page[data-status="FILED"]').waitFor();
    await seeText(s.getByTestId('filing'), 'นร ๐๕.๑๒/๒๕๖๙');
    const history = s.getByTestId('history').locator('li');
    await seeAttribute(history.first(), 'data-type', 'LetterDelivered');
    await seeAttribute(history.last(), 'data-type', 'LetterFiled');
    await shot(s, '05-letter-filed', { fullPage: true });
    // the letter in its form, as a PDF
    const pdf = await s.request.get(`${BASE}${await s.getByTestId('letter-pdf').getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    letterPdf = await pdf.body();

    // the row is in นร ๐๕'s received register ...
    await s.goto(`${BASE}/#/registers?book=received&year=${yearBE}`);
    const received = s.locator('table.register tr', { hasText: subject });
    await seeCount(received, 1);
    await seeText(received, number);
    await seeText(received.locator('td').first(), receivingNumber);
    await shot(s, '06-register-received');
    // printed, the register is the table under its title, without the application around it
    await s.emulateMedia({ media: 'print' });
    expect(await s.locator('.topbar').isVisible()).toBe(false);
    expect(await s.getByRole('button', { name: 'พิมพ์' }).isVisible()).toBe(false);
    await seeText(s.locator('h2.print-title'), 'ทะเบียนหนังสือรับ');
    expect(await received.isVisible()).toBe(true);
    await s.emulateMedia({ media: 'screen' });
    const csv = await s.request.get(`${BASE}/api/registers/${encodeURIComponent('นร ๐๕')}/received/${yearBE}?format=csv`);
    expect(csv.ok()).toBe(true);
    expect(await csv.text()).toContain(subject);
    await seeAttribute(s.getByRole('link', { name: 'ดาวน์โหลด CSV' }), 'href', /format=csv/);

    // ... and in สพร's sent register, where the delivery is acknowledged
    await c.goto(`${BASE}/#/registers?book=sent&year=${yearBE}`);
    const sent = c.locator('table.register tr', { hasText: subject });
    await seeCount(sent, 1);
    await seeText(sent, number);
    await c.goto(`${BASE}/#/letters/${letterId}`);
    await seeText(c.locator('.deliveries li').first(), `เลขรับ ${receivingNumber}`);

    for (const p of [socClerk, officer, director, dgaClerk, socOfficer]) await p.context.close();
  });

  it('keeps every typed character when a form is refused, and shows the error beside its field', async () => {
    const officer = await person(browser, 'dga.officer');
    const o = officer.page;
    await o.getByRole('link', { name: 'ร่างหนังสือ' }).click();
    const typedSubject = 'ขอความอนุเคราะห์ข้อมูลสถิติการรับส่งหนังสือราชการ';
    const typedBody = 'ด้วยสำนักงานพัฒนารัฐบาลดิจิทัลขอความอนุเคราะห์ข้อมูลสถิติการรับส่งหนังสือ\n\nจึงเรียนมาเพื่อโปรดพิจารณา';
    await o.locator('#subject').fill(typedSubject);
    await o.getByLabel('ส่วนราชการ 1').selectOption('นร ๑๒');
    await o.locator('#body').fill(typedBody);
    // no signatory chosen: the API refuses the external letter
    await o.getByRole('button', { name: 'บันทึกร่าง' }).click();
    const error = o.locator('[data-field="signatory"] .field-error');
    await seeVisible(error);
    await seeText(error, /ต้องกรอก/);
    await seeCount(o.locator('[data-field="subject"] .field-error'), 0);
    // the clerk is taken to the field to correct
    await expect.poll(() => o.evaluate(() => document.activeElement?.id)).toBe('signatory');
    await seeVisible(o.getByRole('alert').first());
    await seeValue(o.locator('#subject'), typedSubject);
    await seeValue(o.locator('#body'), typedBody);
    await seeValue(o.getByLabel('ส่วนราชการ 1'), 'นร ๑๒');
    expect(o.url()).toContain('#/compose');
    await shot(o, '03-compose-refused', { keepScroll: true });

    // fixing the one field saves the draft with everything else as typed
    await o.locator('#signatory').selectOption({ label: 'นายชยพล ธรรมวัฒนา — ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล' });
    await o.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await o.locator('.letter-page[data-status="DRAFT"]').waitFor();
    await seeText(o.locator('.paper'), typedSubject);
    await seeCount(o.locator('.paper .body p'), 2);
    await officer.context.close();
  });

  it('returns a draft with a reason, which its author reads, corrects and submits again', async () => {
    const officer = await person(browser, 'dga.officer');
    const o = officer.page;
    await o.getByRole('link', { name: 'ร่างหนังสือ' }).click();
    await o.locator('#kind').selectOption('INTERNAL');
    await o.locator('#subject').fill('ขออนุมัติเดินทางไปราชการ');
    await o.locator('#salutation').fill('เรียน');
    await o.getByLabel('ส่วนราชการ 1').selectOption('สพร');
    await o.getByLabel('ตำแหน่งผู้รับ 1').fill('ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล');
    await o.locator('#body').fill('ด้วยฝ่ายพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐขออนุมัติเดินทางไปราชการ');
    await o.locator('#signatory').selectOption({ label: 'นายชยพล ธรรมวัฒนา — ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล' });
    await o.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await o.locator('.letter-page[data-status="DRAFT"]').waitFor();
    const id = letterIdOf(o);
    await o.locator('#approverId').selectOption({ label: 'นายชยพล ธรรมวัฒนา — ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล' });
    await o.getByRole('button', { name: 'เสนออนุมัติ' }).click();
    await o.locator('.letter-page[data-status="PENDING_APPROVAL"]').waitFor();

    const director = await person(browser, 'dga.director');
    const d = director.page;
    await d.goto(`${BASE}/#/letters/${id}`);
    await d.locator('#approval-text').fill('โปรดระบุวันเดินทางและงบประมาณ');
    await d.getByRole('button', { name: 'ส่งคืนแก้ไข' }).click();
    await d.locator('.letter-page[data-status="RETURNED"]').waitFor();

    // the author's open page follows the change by itself, and shows the reason
    await o.locator('.letter-page[data-status="RETURNED"]').waitFor({ timeout: 15_000 });
    await seeText(o.locator('.actions .banner.warn'), 'โปรดระบุวันเดินทางและงบประมาณ');
    await o.getByRole('link', { name: 'แก้ไขร่าง' }).click();
    await seeValue(o.locator('#subject'), 'ขออนุมัติเดินทางไปราชการ');
    await o.locator('#body').fill('ด้วยฝ่ายพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐขออนุมัติเดินทางไปราชการ '
      + 'ระหว่างวันที่ ๑–๓ ธันวาคม ๒๕๖๙ โดยใช้งบประมาณของฝ่าย');
    await o.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await o.waitForURL(/#\/letters\/[^/]+$/);
    await seeText(o.locator('.paper .body'), 'ระหว่างวันที่ ๑–๓ ธันวาคม ๒๕๖๙');
    await o.locator('#approverId').selectOption({ label: 'นายชยพล ธรรมวัฒนา — ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล' });
    await o.getByRole('button', { name: 'เสนออนุมัติ' }).click();
    await o.locator('.letter-page[data-status="PENDING_APPROVAL"]').waitFor();
    await officer.context.close();
    await director.context.close();
  });

  it('lets anyone verify a PDF without logging in', async () => {
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
    await context.clock.setFixedTime(NOW);
    const p = await context.newPage();
    await p.goto(`${BASE}/#/verify`);
    await p.getByRole('heading', { name: 'ตรวจสอบลายมือชื่ออิเล็กทรอนิกส์' }).waitFor();
    expect(letterPdf).not.toBeNull();
    await p.getByLabel('แฟ้ม PDF').setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: letterPdf! });
    await seeText(p.getByTestId('verdict'), 'แฟ้มนี้ไม่มีลายมือชื่ออิเล็กทรอนิกส์');
    await shot(p, '08-verify');
    await p.getByLabel('แฟ้ม PDF').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') });
    await seeText(p.getByTestId('verdict'), 'อ่านแฟ้มไม่ได้');
    await context.close();
  });

  it('finds the filed letter in the archive for a records officer, with its bundle to download', async () => {
    const records = await person(browser, 'soc.records');
    const r = records.page;
    await r.getByRole('link', { name: 'ค้นคลัง' }).click();
    await r.getByRole('heading', { name: 'ค้นหนังสือในคลัง' }).waitFor();
    // a phrase from the middle of the subject, typed without spaces, as Thai is written
    await r.locator('#archive-q').fill('ระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ');
    await r.getByRole('button', { name: 'ค้นหา', exact: true }).click();
    await seeText(r.getByTestId('archive-results'), subject);
    await seeText(r.getByTestId('archive-results'), 'ระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ');
    const download = r.waitForEvent('download');
    await r.getByTestId('archive-results').getByRole('button', { name: /ดาวน์โหลดชุดเอกสารจดหมายเหตุ/ }).first().click();
    expect((await download).suggestedFilename()).toMatch(/^saraban-bundle-.+\.zip$/);
    await shot(r, '13-archive-search');
    // dates after the letter's leave nothing; dates around it find it again
    await r.locator('input[name="from"]').fill('2100-01-01');
    // the field shows the date as the browser's locale writes it; beside it, as a Thai reader reads it
    await seeText(r.locator('.archive .dates'), '๑ มกราคม ๒๖๔๓');
    await r.getByRole('button', { name: 'ค้นหา', exact: true }).click();
    await seeText(r.getByTestId('archive-results'), 'พบ ๐ ฉบับ');
    await r.locator('input[name="from"]').fill('2000-01-01');
    await r.locator('input[name="to"]').fill('2100-12-31');
    await r.getByRole('button', { name: 'ค้นหา', exact: true }).click();
    await seeText(r.getByTestId('archive-results'), subject);
    // the filed letters only, without words: listed in those dates with its file and how long it is kept
    await r.locator('#archive-q').fill('');
    await r.locator('input[name="filed"]').check();
    await r.getByRole('button', { name: 'ค้นหา', exact: true }).click();
    await seeText(r.getByTestId('archive-results'), subject);
    await seeText(r.getByTestId('archive-results'), 'เก็บถึง พ.ศ.');
    await records.context.close();
  });

  it('switches to English, and fits a tablet', async () => {
    const clerk = await person(browser, 'soc.clerk', TABLET);
    const p = clerk.page;
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('heading', { name: 'Received letters' }).waitFor();
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(TABLET.width);
    await shot(p, '07-inbox-tablet-english');
    await p.getByRole('button', { name: 'ภาษาไทย' }).click();
    await p.getByRole('heading', { name: 'หนังสือรับ' }).waitFor();
    await p.setViewportSize(LAPTOP);
    await clerk.context.close();
  });
});

// ADR 0006: นร ๑๒ signs its external letters electronically. Approval numbers the letter, makes the PDF
// of record and adds the approver's visa; the signatory signs it with PAdES; สพร verifies it on receipt.
describe('an electronically signed letter from นร ๑๒ to สพร', () => {
  it('is visa\'d at approval, signed with PAdES after a preview, dispatched, and verified on receipt', async () => {
    const signedSubject = 'ขอความร่วมมือทดสอบการรับส่งหนังสือที่ลงลายมือชื่ออิเล็กทรอนิกส์';
    // สพร's clerk has the inbox open
    const dgaClerk = await person(browser, 'dga.clerk');
    await dgaClerk.page.getByRole('heading', { name: 'หนังสือรับ' }).waitFor();

    // นร ๑๒'s officer drafts an external letter for the director to sign and submits it to the head
    const officer = await person(browser, 'opdc.officer');
    const o = officer.page;
    await o.getByRole('link', { name: 'ร่างหนังสือ' }).click();
    await o.locator('#kind').selectOption('EXTERNAL');
    await o.locator('#subject').fill(signedSubject);
    await o.getByLabel('ส่วนราชการ 1').selectOption('สพร');
    await o.getByLabel('ตำแหน่งผู้รับ 1').fill('ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล');
    await o.locator('#body').fill('ด้วยสำนักงาน ก.พ.ร. ประสงค์จะทดสอบการรับส่งหนังสือราชการที่ลงลายมือชื่ออิเล็กทรอนิกส์ระหว่างส่วนราชการ'
      + '\n\nจึงเรียนมาเพื่อโปรดพิจารณาให้ความร่วมมือ');
    await o.locator('#signatory').selectOption({ label: 'นางนภาพร จันทร์หอม — ผู้อำนวยการกองนวัตกรรมและเทคโนโลยีเพื่อการบริหาร' });
    await o.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await o.locator('.letter-page[data-status="DRAFT"]').waitFor();
    const letterId = letterIdOf(o);
    await o.locator('#approverId').selectOption({ label: 'นายประเสริฐ ชัยมงคล — ผู้อำนวยการกลุ่มงานพัฒนาระบบ' });
    await o.getByRole('button', { name: 'เสนออนุมัติ' }).click();
    await o.locator('.letter-page[data-status="PENDING_APPROVAL"]').waitFor();

    // the head is told what approving does, approves: the letter is numbered and carries his visa
    const head = await person(browser, 'opdc.head');
    const h = head.page;
    await h.goto(`${BASE}/#/letters/${letterId}`);
    await seeText(h.getByTestId('digital-approval-hint'), 'ออกเลขที่');
    await h.getByRole('button', { name: 'อนุมัติ', exact: true }).click();
    await h.locator('.letter-page[data-status="APPROVED"]').waitFor();
    const number = (await h.getByTestId('number').textContent())!.trim();
    expect(number).toMatch(/^นร ๑๒[๐-๙.]*\/[๐-๙]+$/);
    await seeAttribute(h.getByTestId('pdf-revisions').locator('li').first(), 'data-step', 'RENDERED');
    await seeAttribute(h.getByTestId('pdf-revisions').locator('li').last(), 'data-step', 'VISA');

    // the director sees her signature as the PDF will show it, types her name and signs
    const director = await person(browser, 'opdc.director');
    const d = director.page;
    await d.goto(`${BASE}/#/letters/${letterId}`);
    await d.locator('.letter-page[data-status="APPROVED"]').waitFor();
    await seeText(d.getByTestId('signature-preview'), 'ตัวอย่างลายมือชื่อที่จะปรากฏบนหนังสือ');
    const preview = d.getByTestId('signature-preview').locator('img');
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await d.locator('#typedName').fill('นางนภาพร จันทร์หอม');
    await shot(d, '10-sign-preview');
    await d.getByRole('button', { name: 'ลงนามด้วยลายมือชื่ออิเล็กทรอนิกส์' }).click();
    await d.locator('.letter-page[data-status="SIGNED"]').waitFor();
    const signatures = d.getByTestId('signatures').locator('li');
    await seeCount(signatures.and(d.locator('[data-method="PADES"]')), 2);
    await seeText(signatures.and(d.locator('[data-role="VISA"]')), 'นายประเสริฐ ชัยมงคล');
    await seeText(signatures.and(d.locator('[data-role="SIGNATORY"]')), 'นางนภาพร จันทร์หอม');
    await seeText(d.getByTestId('signatures'), 'ลายมือชื่ออิเล็กทรอนิกส์ (PAdES)');
    await seeVisible(d.getByTestId('e-signed'));
    await seeAttribute(d.getByTestId('pdf-revisions').locator('li').last(), 'data-step', 'SIGNATURE');

    // นร ๑๒'s clerk sends it with the number it got at approval
    const opdcClerk = await person(browser, 'opdc.clerk');
    const c = opdcClerk.page;
    await c.goto(`${BASE}/#/letters/${letterId}`);
    await c.getByRole('button', { name: 'ออกเลขและส่งหนังสือ' }).click();
    await c.locator('.letter-page[data-status="DISPATCHED"]').waitFor();
    await seeText(c.getByTestId('number'), number);

    // สพร's clerk opens it from the inbox and receives it: the signed PDF is verified and stamped
    const g = dgaClerk.page;
    await g.getByRole('link', { name: signedSubject }).waitFor({ timeout: 15_000 });
    await openFromList(g, signedSubject);
    await g.getByRole('button', { name: 'ลงรับหนังสือ' }).click();
    await g.locator('.letter-page[data-status="RECEIVED"]').waitFor();
    await seeAttribute(g.getByTestId('verification'), 'data-valid', 'true');
    await seeText(g.getByTestId('verification-status'), 'ถูกต้อง');
    await seeCount(g.getByTestId('verification').locator('.checks li[data-intact="true"]'), 2);
    await seeVisible(g.getByTestId('e-signed'));
    await seeAttribute(g.getByTestId('pdf-revisions').locator('li').last(), 'data-step', 'RECEIPT_STAMP');
    await shot(g, '09-signed-letter-verified');

    // ... and checks the stamped PDF again on the spot
    await g.getByRole('button', { name: 'ตรวจสอบลายมือชื่อ' }).click();
    const report = g.getByTestId('pdf-verify-report');
    await seeAttribute(report, 'data-valid', 'true');
    await seeText(report.getByTestId('verdict'), 'ลายมือชื่ออิเล็กทรอนิกส์ทุกรายการถูกต้อง');

    for (const p of [dgaClerk, officer, head, director, opdcClerk]) await p.context.close();
  });
});

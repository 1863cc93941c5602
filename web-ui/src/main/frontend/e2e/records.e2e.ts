import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launch, letterIdOf, person, seeText, seeValue, shot, tinyPdf } from './support';

// A paper letter comes in and is registered from its OCR text; it is filed under the agency's file plan; an
// officer borrows it with the head's approval; the storage register shows it on loan.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const legacy = (name: string) =>
  readFileSync(resolve(process.cwd(), '../../../../../shared/samples/legacy', name), 'utf8');

describe('the records desk', () => {
  it('registers a paper letter from its OCR text, files it under the file plan and lends it', async () => {
    const records = await person(browser, 'dga.records');
    const r = records.page;
    await r.getByRole('link', { name: 'งานเก็บรักษา' }).click();
    await r.getByTestId('file-plan').waitFor();
    await r.locator('input[name="code"]').fill('๒.๑');
    await r.locator('input[name="title"]').fill('ความร่วมมือกับส่วนราชการ');
    await r.locator('input[name="retentionYears"]').fill('10');
    await r.getByRole('button', { name: 'บันทึกรหัสแฟ้ม' }).click();
    await seeText(r.getByTestId('file-plan').locator('tr[data-code="๒.๑"]'), '๑๐ ปี');

    const clerk = await person(browser, 'dga.clerk');
    const c = clerk.page;
    await c.getByRole('link', { name: 'รับหนังสือกระดาษ' }).click();
    await c.locator('input[name="scan"]').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
    await c.locator('textarea[name="ocrText"]').fill(legacy('legacy-01.txt'));
    await c.getByRole('button', { name: 'อ่านข้อมูลจากข้อความ' }).click();
    await seeValue(c.getByTestId('proposal').locator('input[name="number"]'), 'นร ๑๒๑๐/๓๔');
    await seeValue(c.getByTestId('proposal').locator('input[name="date"]'), '2025-02-11');
    await c.getByTestId('proposal').scrollIntoViewIfNeeded();
    await shot(c, '13-paper-letter-proposal', { keepScroll: true });
    await c.getByRole('button', { name: 'ยืนยันและลงทะเบียนรับ' }).click();
    await c.locator('.letter-page[data-status="RECEIVED"]').waitFor();
    const letter = letterIdOf(c);
    await c.locator('select#fileCode:enabled').selectOption('๒.๑');
    await c.getByRole('button', { name: 'เก็บหนังสือ' }).last().click();
    await c.locator('.letter-page[data-status="FILED"]').waitFor();
    await seeText(c.getByTestId('filing'), 'เก็บถึง พ.ศ.');
    await clerk.context.close();

    await r.getByRole('link', { name: 'การยืม' }).click();
    await r.locator('input[name="letterIds"]').fill(letter);
    await r.getByTestId('loans').locator('select').first().selectOption({ label: 'นายธนกร ศรีวิไล · นักพัฒนาระบบ · สพร' });
    await r.locator('input[name="purpose"]').fill('ใช้ประกอบการจัดทำรายงานสถิติ');
    await r.locator('input[name="dueDate"]').fill('2026-11-30');
    await r.getByRole('button', { name: 'บันทึกคำขอยืม' }).click();
    await seeText(r.getByTestId('loans').locator('td[data-status]').first(), 'รออนุมัติ');

    const director = await person(browser, 'dga.director');
    const d = director.page;
    await d.getByRole('link', { name: 'งานเก็บรักษา' }).click();
    await d.getByRole('button', { name: 'อนุมัติ', exact: true }).click();
    await seeText(d.getByTestId('loans').locator('td[data-status]').first(), 'อนุมัติแล้ว');
    await director.context.close();

    await r.reload();
    await r.getByRole('button', { name: 'ส่งมอบให้ผู้ยืม' }).click();
    await seeText(r.getByTestId('loans').locator('td[data-status]').first(), 'ยืมอยู่');
    await shot(r, '14-loan-cards');
    await r.getByRole('link', { name: 'ทะเบียนหนังสือเก็บ' }).click();
    await seeText(r.getByTestId('storage').locator(`tr[data-letter="${letter}"]`), 'ยืมโดย นายธนกร ศรีวิไล');
    await shot(r, '15-storage-register');
    await records.context.close();
  });
});

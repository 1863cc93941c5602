import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launch, person, seeCount, seeText, shot } from './support';

// The records officer checks that nobody has changed the event log behind the application's back.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the integrity of the event log', () => {
  it('is sealed and checked whole by a records officer; others only see its state', async () => {
    const records = await person(browser, 'dga.records');
    const r = records.page;
    await r.getByRole('link', { name: 'ความครบถ้วน' }).click();
    await r.getByRole('heading', { name: 'ความครบถ้วนของบันทึกเหตุการณ์' }).waitFor();
    await seeText(r.getByTestId('integrity-head'), 'ลำดับที่');
    await r.getByRole('button', { name: 'ประทับตราเดี๋ยวนี้' }).click();
    await seeText(r.getByTestId('integrity-checkpoint'), 'ตราถูกต้อง');
    await r.getByRole('button', { name: 'ตรวจสอบทั้งสาย' }).click();
    await seeText(r.getByTestId('integrity-report'), 'ครบถ้วน: ตรวจ');
    await shot(r, '12-integrity');
    await records.context.close();

    // an officer has no link to it in the menu, but may look
    const officer = await person(browser, 'dga.officer');
    const o = officer.page;
    await seeCount(o.getByRole('link', { name: 'ความครบถ้วน' }), 0);
    await o.goto(`${o.url().split('#')[0]}#/integrity`);
    await seeText(o.getByTestId('integrity-checkpoint'), 'ตราถูกต้อง');
    await seeCount(o.getByRole('button', { name: 'ตรวจสอบทั้งสาย' }), 0);
    await officer.context.close();
  });
});

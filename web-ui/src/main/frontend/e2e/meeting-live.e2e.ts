import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, NOW, person, launch, seeAttribute, seeCount, seeText, seeVisible, shot, thai } from './support';

// An electronic meeting in the browser: สำนักงาน ก.พ.ร.'s clerk sets up a committee and a meeting through the
// API; its chair and two members, each at their own browser, join after entering their password again, take
// an item, and vote. Each of them sees the quorum, the item, the speakers and the tallies change as they
// happen, without reloading: a named poll's running counts, a secret poll's number of votes only.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A call to the API from a logged-in page, with its session cookie and CSRF token, as the UI makes it. */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(async ({ method, path, body }) => {
    const token = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    const res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json', 'Content-Type': 'application/json',
        ...(token ? { 'X-XSRF-TOKEN': decodeURIComponent(token[1]) } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }, { method, path, body }) as Promise<T>;
}

interface Someone { id: string; username: string; displayName: string }
interface Item { itemId: string; title: string; number: string }

/** Marks the page so that a reload (which would clear the mark) is caught at the end. */
async function noReloads(page: Page): Promise<void> {
  await page.evaluate(() => { (window as unknown as { sameDocument: boolean }).sameDocument = true; });
}
async function neverReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
}

const committeeName = 'คณะกรรมการขับเคลื่อนการพัฒนาระบบราชการสู่ดิจิทัล';
const title = 'การประชุมคณะกรรมการขับเคลื่อนการพัฒนาระบบราชการสู่ดิจิทัล';

describe('an electronic meeting with a chair and two members, each in their own browser', () => {
  it('runs an item and two polls, every screen following the quorum and the tallies live', async () => {
    // the organising agency's clerk sets up the committee and the meeting, with its agenda
    const clerk = await person(browser, 'opdc.clerk');
    const c = clerk.page;
    const opdc = await api<Someone[]>(c, 'GET', `/api/people?agency=${encodeURIComponent('นร ๑๒')}`);
    const soc = await api<Someone[]>(c, 'GET', `/api/people?agency=${encodeURIComponent('นร ๐๕')}`);
    const who = (username: string) => [...opdc, ...soc].find((p) => p.username === username)!;
    const { committeeId } = await api<{ committeeId: string }>(c, 'POST', '/api/committees', {
      name: committeeName, appointedBy: 'คำสั่งสำนักงาน ก.พ.ร. ที่ ๑๒/๒๕๖๙', type: 'GENERAL', members: [
        { personId: who('opdc.director').id, committeePosition: 'ประธานกรรมการ', role: 'CHAIR' },
        { personId: who('opdc.head').id, committeePosition: 'กรรมการ', role: 'MEMBER' },
        { personId: who('soc.director').id, committeePosition: 'กรรมการ', role: 'MEMBER' },
        { personId: who('opdc.officer').id, committeePosition: 'กรรมการและเลขานุการ', role: 'SECRETARY' },
      ],
    });
    const startsAt = new Date(NOW.getTime() + 30 * 60_000).toISOString();
    const meeting = await api<{ id: string; number: string }>(c, 'POST', '/api/meetings', {
      committeeId, title, startsAt, endsAt: new Date(NOW.getTime() + 150 * 60_000).toISOString(),
      place: 'ห้องประชุม ๑ สำนักงาน ก.พ.ร. และผ่านสื่ออิเล็กทรอนิกส์', online: true,
      conferenceUrl: 'https://meet.opdc.go.th/digital-committee',
    });
    const add = async (section: number, itemTitle: string, description?: string) => {
      const m = await api<{ agenda: Item[] }>(c, 'POST', `/api/meetings/${meeting.id}/agenda-items`,
        { section, title: itemTitle, description, presenter: 'ฝ่ายเลขานุการ' });
      return m.agenda.find((i) => i.title === itemTitle)!;
    };
    await add(1, 'ประธานแจ้งผลการประชุมคณะรัฐมนตรีเรื่องรัฐบาลดิจิทัล');
    const plan = await add(5, 'ร่างแผนพัฒนารัฐบาลดิจิทัล พ.ศ. ๒๕๗๐–๒๕๗๒',
      'ฝ่ายเลขานุการเสนอร่างแผนเพื่อให้ที่ประชุมพิจารณาให้ความเห็นชอบ');
    const chairElection = await add(5, 'การเลือกรองประธานกรรมการ');
    expect(plan.number).toBe('๕.๑');

    // the chair and the two members open the meeting from their list of meetings
    const chair = await person(browser, 'opdc.director');
    const head = await person(browser, 'opdc.head');
    const socDirector = await person(browser, 'soc.director');
    const everyone = [chair.page, head.page, socDirector.page];
    for (const p of everyone) {
      await p.getByRole('link', { name: 'การประชุม' }).click();
      await p.locator(`tr[data-meeting-id="${meeting.id}"]`).getByRole('link', { name: title }).click();
      await p.locator(`.meeting-page[data-meeting-id="${meeting.id}"]`).waitFor();
      await noReloads(p);
    }
    const [ch, h, s] = everyone;
    await seeText(h.getByTestId('meeting-number'), meeting.number);
    expect(meeting.number).toBe(`ครั้งที่ ๑/${thai(Number(new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'Asia/Bangkok' }).format(NOW)) + 543)}`);
    const at = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Bangkok' })
      .format(new Date(startsAt)).replace(':', '.');
    await seeText(h.getByTestId('meeting-date'), `เวลา ${thai(at)} น.`);
    await seeText(h.getByTestId('agenda'), 'ระเบียบวาระที่ ๕ เรื่องเสนอเพื่อพิจารณา');

    // the chair opens the meeting: the members' screens turn into the live room
    await ch.getByRole('button', { name: 'เปิดประชุม' }).click();
    for (const p of [h, s]) await p.locator('.meeting-page[data-status="OPEN"]').waitFor();
    await seeAttribute(s.getByTestId('quorum'), 'data-met', 'false');
    await seeText(s.getByTestId('quorum'), 'มาประชุม ๐ จาก ๔ คน ต้องมีอย่างน้อย ๒ คน');

    // each joins after entering their password again; a wrong one is refused on the field
    await h.locator('#join-password').fill('wrong');
    await h.getByRole('button', { name: 'ยืนยันตัวตนและเข้าร่วมประชุม' }).click();
    await seeVisible(h.locator('[data-field="password"] .field-error'));
    for (const p of everyone) {
      await p.locator('#join-password').fill('demo');
      await p.getByRole('button', { name: 'ยืนยันตัวตนและเข้าร่วมประชุม' }).click();
      await seeVisible(p.getByTestId('in-room'));
    }
    for (const p of everyone) {
      await seeAttribute(p.getByTestId('quorum'), 'data-met', 'true');
      await seeText(p.getByTestId('quorum'), 'มาประชุม ๓ จาก ๔ คน');
      await seeAttribute(p.locator(`[data-testid="members"] li[data-person-id="${who('soc.director').id}"]`), 'data-present', 'true');
    }

    // the chair moves to item ๕.๑; everyone sees it under discussion
    await ch.locator(`[data-item-id="${plan.itemId}"]`).getByRole('button', { name: 'เริ่มพิจารณาเรื่องนี้' }).click();
    for (const p of everyone) await seeText(p.getByTestId('current-item'), plan.title);

    // นร ๐๕'s director asks to speak; the chair gives her the floor
    await s.getByRole('button', { name: 'ขอพูด' }).click();
    await seeText(ch.getByTestId('speakers').locator('.queue'), who('soc.director').displayName);
    await ch.getByRole('button', { name: 'ให้ผู้ขอพูดคนถัดไป' }).click();
    for (const p of everyone) await seeText(p.getByTestId('speaking'), `${who('soc.director').displayName} กำลังพูด`);

    // a named poll: each vote shows at once on every screen
    await ch.locator('#poll-question').fill('ที่ประชุมเห็นชอบร่างแผนพัฒนารัฐบาลดิจิทัลหรือไม่');
    await ch.getByRole('button', { name: 'เปิดการลงคะแนน' }).click();
    for (const p of everyone) await seeAttribute(p.getByTestId('open-poll'), 'data-secret', 'false');
    const count = (p: Page, option: string) => p.getByTestId('open-poll').locator(`[data-option="${option}"] .count`);
    await h.getByRole('button', { name: 'เห็นชอบ', exact: true }).click();
    for (const p of everyone) {
      await seeText(count(p, 'เห็นชอบ'), '๑');
      await seeText(p.getByTestId('open-poll').getByTestId('votes'), 'ลงคะแนนแล้ว ๑ จาก ๓ คน');
    }
    await seeVisible(h.getByTestId('voted'));
    await s.getByRole('button', { name: 'ไม่เห็นชอบ', exact: true }).click();
    await ch.getByRole('button', { name: 'เห็นชอบ', exact: true }).click();
    for (const p of everyone) {
      await seeText(count(p, 'เห็นชอบ'), '๒');
      await seeText(count(p, 'ไม่เห็นชอบ'), '๑');
      await seeText(count(p, 'งดออกเสียง'), '๐');
      await seeText(p.getByTestId('open-poll').getByTestId('votes'), 'ลงคะแนนแล้ว ๓ จาก ๓ คน');
    }
    await shot(h, '11-meeting-live', { fullPage: true });

    // the chair closes it and records the resolution on it
    await ch.getByRole('button', { name: 'ปิดการลงคะแนนและนับคะแนน' }).click();
    for (const p of everyone) await seeCount(p.getByTestId('open-poll'), 0);
    const planItem = ch.locator(`[data-item-id="${plan.itemId}"]`);
    await planItem.getByRole('button', { name: 'บันทึกมติ', exact: true }).click();
    await planItem.locator(`#resolution-${plan.itemId}-type`).selectOption('ENDORSED');
    await planItem.locator(`#resolution-${plan.itemId}-text`).fill('ให้ฝ่ายเลขานุการเสนอคณะรัฐมนตรีต่อไป');
    await planItem.getByRole('button', { name: 'บันทึกมติเรื่องนี้' }).click();
    for (const p of everyone) {
      await seeText(p.locator(`[data-item-id="${plan.itemId}"] [data-testid="resolution"]`), 'ที่ประชุมพิจารณาแล้วมีมติเห็นชอบ');
      await seeText(p.getByTestId('poll-results'), 'ที่ประชุมเห็นชอบร่างแผนพัฒนารัฐบาลดิจิทัลหรือไม่');
    }
    await seeVisible(s.getByTestId('poll-results').getByTestId('proof-link'));

    // a secret poll on the next item: only how many voted shows until the chair closes it
    await ch.locator(`[data-item-id="${chairElection.itemId}"]`).getByRole('button', { name: 'เริ่มพิจารณาเรื่องนี้' }).click();
    for (const p of everyone) await seeText(p.getByTestId('current-item'), chairElection.title);
    await ch.locator('#poll-question').fill('เลือกรองประธานกรรมการ');
    await ch.locator('#poll-options').fill('นายประเสริฐ ชัยมงคล\nนางสุนันทา รัตนโกศล');
    await ch.locator('#poll-secret').check();
    await ch.getByRole('button', { name: 'เปิดการลงคะแนน' }).click();
    for (const p of everyone) await seeAttribute(p.getByTestId('open-poll'), 'data-secret', 'true');
    await s.getByRole('button', { name: 'นายประเสริฐ ชัยมงคล' }).click();
    await h.getByRole('button', { name: 'นางสุนันทา รัตนโกศล' }).click();
    for (const p of everyone) {
      await seeText(p.getByTestId('open-poll').getByTestId('votes'), 'ลงคะแนนแล้ว ๒ จาก ๓ คน');
      await seeAttribute(p.getByTestId('open-poll').getByTestId('tally'), 'data-sealed', 'true');
      await seeText(count(p, 'นายประเสริฐ ชัยมงคล'), '—');
    }
    await ch.getByRole('button', { name: 'นายประเสริฐ ชัยมงคล' }).click();
    await seeText(ch.getByTestId('open-poll').getByTestId('votes'), 'ลงคะแนนแล้ว ๓ จาก ๓ คน');
    await ch.getByRole('button', { name: 'ปิดการลงคะแนนและนับคะแนน' }).click();
    for (const p of everyone) {
      const result = p.getByTestId('poll-results').locator('li', { hasText: 'เลือกรองประธานกรรมการ' });
      await seeText(result.locator('[data-option="นายประเสริฐ ชัยมงคล"] .count'), '๒');
      await seeText(result.locator('[data-option="นางสุนันทา รัตนโกศล"] .count'), '๑');
    }

    // nobody reloaded: every change reached the screens live
    for (const p of everyone) await neverReloaded(p);
    // and every screen took the same events, in order
    await expect.poll(async () => new Set(await Promise.all(everyone.map((p) => p.getByTestId('event-log')
      .getAttribute('data-last-seq')))).size, { timeout: 15_000 }).toBe(1);

    // the chair closes the meeting; the minutes are reached from it
    await ch.getByRole('button', { name: 'เลิกประชุม' }).click();
    for (const p of everyone) await p.locator('.meeting-page[data-status="CLOSED"]').waitFor();
    await seeVisible(s.getByTestId('minutes-link'));

    // the meeting is on its day in the calendar
    await h.goto(`${BASE}/#/meetings?view=calendar`);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date(startsAt));
    await seeVisible(h.locator(`[data-testid="calendar"] td[data-date="${day}"] a[href="#/meetings/${meeting.id}"]`));
  }, 300_000);

  it('gives the chair control of the session: suspend and resume, mute, remove; members declare interests and report problems', async () => {
    const clerk = await person(browser, 'opdc.clerk');
    const c = clerk.page;
    const opdc = await api<Someone[]>(c, 'GET', `/api/people?agency=${encodeURIComponent('นร ๑๒')}`);
    const who = (username: string) => opdc.find((p) => p.username === username)!;
    const { committeeId } = await api<{ committeeId: string }>(c, 'POST', '/api/committees', {
      name: 'คณะทำงานพัฒนาระบบประชุมอิเล็กทรอนิกส์', type: 'GENERAL', members: [
        { personId: who('opdc.director').id, committeePosition: 'ประธานคณะทำงาน', role: 'CHAIR' },
        { personId: who('opdc.head').id, committeePosition: 'คณะทำงาน', role: 'MEMBER' },
        { personId: who('opdc.officer').id, committeePosition: 'คณะทำงานและเลขานุการ', role: 'SECRETARY' },
      ],
    });
    const meeting = await api<{ id: string }>(c, 'POST', '/api/meetings', {
      committeeId, title: 'การประชุมคณะทำงานพัฒนาระบบประชุมอิเล็กทรอนิกส์', online: true,
      startsAt: new Date(NOW.getTime() + 60 * 60_000).toISOString(),
    });
    const m = await api<{ agenda: Item[] }>(c, 'POST', `/api/meetings/${meeting.id}/agenda-items`,
      { section: 5, title: 'จัดซื้อระบบบันทึกภาพและเสียงการประชุม' });
    const item = m.agenda[0];

    const chair = await person(browser, 'opdc.director');
    const member = await person(browser, 'opdc.head');
    const [ch, h] = [chair.page, member.page];
    for (const p of [ch, h]) {
      await p.goto(`${BASE}/#/meetings/${meeting.id}/live`);
      await p.getByTestId('live-room').waitFor();
      await noReloads(p);
    }
    // the chair opens the session from the room; the member sees it open
    await ch.getByRole('button', { name: 'เปิดประชุม' }).click();
    await seeAttribute(h.getByTestId('live-room'), 'data-status', 'OPEN');
    for (const p of [ch, h]) {
      await p.locator('#join-password').fill('demo');
      await p.getByRole('button', { name: 'ยืนยันตัวตนและเข้าร่วมประชุม' }).click();
      await seeVisible(p.getByTestId('in-room'));
    }
    await seeText(h.getByTestId('quorum'), 'มาประชุม ๒ จาก ๓ คน');

    // the member declares an interest in the item, and is recused from it on every screen
    await h.goto(`${BASE}/#/meetings/${meeting.id}`);
    const entry = h.locator(`[data-item-id="${item.itemId}"]`);
    await entry.getByRole('button', { name: 'แจ้งการมีส่วนได้เสีย' }).click();
    await entry.locator(`#conflict-${item.itemId}`).fill('คู่สมรสเป็นกรรมการบริษัทผู้เสนอราคา');
    await entry.getByRole('button', { name: 'แจ้งและไม่ร่วมพิจารณา' }).click();
    await seeText(entry.getByTestId('recused'), who('opdc.head').displayName);

    // the chair mutes the member, who sees it
    await ch.goto(`${BASE}/#/meetings/${meeting.id}`);
    await seeText(ch.locator(`[data-item-id="${item.itemId}"] [data-testid="recused"]`), who('opdc.head').displayName);
    const row = ch.locator(`[data-testid="members"] li[data-person-id="${who('opdc.head').id}"]`);
    await row.getByRole('button', { name: 'ปิดเสียง' }).click();
    await seeText(h.getByTestId('in-room'), 'ประธานปิดเสียงของท่าน');
    await row.getByRole('button', { name: 'เปิดเสียง' }).click();
    await seeCount(h.getByTestId('in-room').locator('.badge'), 0);

    // suspended, nobody may vote; resumed, the session goes on
    await ch.getByLabel('เหตุที่พักการประชุม').fill('ระบบเสียงขัดข้อง');
    await ch.getByRole('button', { name: 'พักการประชุม' }).click();
    await seeText(h.getByTestId('suspended'), 'ระบบเสียงขัดข้อง');
    await ch.getByRole('button', { name: 'ประชุมต่อ' }).click();
    await seeCount(h.getByTestId('suspended'), 0);

    // the member reports a problem; the chair reads it
    await h.getByText('แจ้งปัญหาการใช้งานระบบประชุม').click();
    await h.locator('#problem-text').fill('ไม่ได้ยินเสียงผู้พูดเป็นช่วง ๆ');
    await h.getByRole('button', { name: 'แจ้งปัญหา', exact: true }).click();
    await seeVisible(h.getByText('แจ้งปัญหาแล้ว'));
    await ch.getByText('แจ้งปัญหาการใช้งานระบบประชุม').click();
    await seeText(ch.locator('.problem-list'), 'ไม่ได้ยินเสียงผู้พูดเป็นช่วง ๆ');

    // the chair removes the member from the session; the quorum is lost on both screens
    await row.getByRole('button', { name: 'เชิญออก' }).click();
    await seeVisible(h.locator('#join-password'));
    for (const p of [ch, h]) await seeAttribute(p.getByTestId('quorum'), 'data-met', 'false');
    for (const p of [ch, h]) await neverReloaded(p);
  });

  it('misses nothing across a dropped connection: on reconnecting, the screen fetches the events after the last it saw', async () => {
    const clerk = await person(browser, 'opdc.clerk');
    const c = clerk.page;
    const opdc = await api<Someone[]>(c, 'GET', `/api/people?agency=${encodeURIComponent('นร ๑๒')}`);
    const who = (username: string) => opdc.find((p) => p.username === username)!;
    const { committeeId } = await api<{ committeeId: string }>(c, 'POST', '/api/committees', {
      name: 'คณะทำงานทดสอบความต่อเนื่องของการประชุม', type: 'GENERAL', members: [
        { personId: who('opdc.director').id, role: 'CHAIR' },
        { personId: who('opdc.head').id, role: 'MEMBER' },
      ],
    });
    const meeting = await api<{ id: string }>(c, 'POST', '/api/meetings', {
      committeeId, title: 'การประชุมเมื่อการเชื่อมต่อขาดหาย', online: true, startsAt: NOW.toISOString(),
    });
    const chair = await person(browser, 'opdc.director');
    const member = await person(browser, 'opdc.head');
    const h = member.page;
    // the member's WebSocket goes through a proxy the test can cut
    let cut = false;
    const open: (() => Promise<void>)[] = [];
    await h.routeWebSocket(/\/ws$/, (ws) => {
      if (cut) {
        void ws.close();
        return;
      }
      const server = ws.connectToServer();
      open.push(async () => { await ws.close(); await server.close(); });
    });
    await h.reload();
    await h.locator('.live-dot[data-live="on"]').waitFor();
    await h.goto(`${BASE}/#/meetings/${meeting.id}/live`);
    await h.locator('.meeting-page[data-status="SCHEDULED"]').waitFor();
    await noReloads(h);
    await expect.poll(async () => Number(await h.getByTestId('event-log').getAttribute('data-last-seq'))).toBeGreaterThan(0);
    const seen = Number(await h.getByTestId('event-log').getAttribute('data-last-seq'));

    cut = true;
    for (const close of open.splice(0)) await close();
    await h.locator('.live-dot[data-live="off"]').waitFor();
    // while the member is cut off, the chair opens the meeting and joins
    await api(chair.page, 'POST', `/api/meetings/${meeting.id}/open`);
    await api(chair.page, 'POST', `/api/meetings/${meeting.id}/join`, { password: 'demo' });
    await expect.poll(() => h.locator('.meeting-page').getAttribute('data-status'), { timeout: 3_000 }).toBe('SCHEDULED');

    const catchUp = h.waitForRequest((r) => r.url().includes(`/api/meetings/${meeting.id}/events?after=${seen}`));
    cut = false;
    await h.locator('.live-dot[data-live="on"]').waitFor();
    await catchUp;
    await h.locator('.meeting-page[data-status="OPEN"]').waitFor();
    await seeAttribute(h.getByTestId('quorum'), 'data-present', '1');
    const types = await h.getByTestId('event-log').locator('li').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-type')));
    expect(types).toEqual(expect.arrayContaining(['MeetingOpened', 'ParticipantIdentityVerified', 'ParticipantJoined', 'QuorumChanged']));
    await neverReloaded(h);
  });
});

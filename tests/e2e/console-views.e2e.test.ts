import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CUSTOMS_TOPIC } from '@railbill/contracts';
import { eventually, publishAll, repoRoot } from '@railbill/testkit';
import { useSystem } from '@railbill/testkit/vitest';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBankingDays } from '../../services/console/src/attention/banking-days.ts';
import { duisburgShipmentEvents, type ScriptedEvent } from '../../services/console/src/testing/shipment-events.ts';
import { uuidv7 } from '../../services/console/src/testing/uuid.ts';
import { launchChromium } from '../support.ts';

// Issue #18: the operators' console — find, see (route map), attention, pulse — in Debian's Chromium. The console
// runs as a real process; the events are published on the topics as the three services publish them.
const SHOTS = join(repoRoot, 'test-output', 'console');
const sys = useSystem(['console']);
const { parties, env } = sys;
let browser: Browser | undefined;

const shipmentA = uuidv7();
const billA = `SRM-CQ-E${shipmentA.slice(-6).toUpperCase()}`;
const waiting = uuidv7();
const billWaiting = `SRM-CQ-W${waiting.slice(-6).toUpperCase()}`;
const today = new Date().toISOString().slice(0, 10);

/** Shipment (a) with its own bill and credit numbers. */
const withNumbers = (events: ScriptedEvent[], billNumber: string, creditNumber: string): ScriptedEvent[] =>
  events.map((e) => {
    const data = e.data as Record<string, unknown>;
    if (e.type === 'waybill.issued') return { ...e, data: { ...data, billNumber } };
    if (e.type === 'waybill.submitted' || e.type.startsWith('lc.'))
      return { ...e, data: { ...data, creditNumber, ...(e.type === 'lc.issued' ? { number: creditNumber } : {}) } };
    return e;
  });

/** A second shipment: presented today, not yet decided (deadline in one banking day), its transit held at PLMAA. */
const waitingShipment = (): ScriptedEvent[] => {
  const all = withNumbers(duisburgShipmentEvents(parties, waiting), billWaiting, `E${waiting.slice(-12)}`);
  const now = new Date().toISOString();
  const upToExamined = all.slice(0, all.findIndex((e) => e.type === 'lc.examined') + 1).map((e) =>
    e.type === 'lc.presented' || e.type === 'lc.examined'
      ? {
          ...e,
          time: now,
          data: {
            ...(e.data as object),
            ...(e.type === 'lc.presented' ? { presentedAt: now, decisionDeadline: addBankingDays(today, 1) } : {}),
          },
        }
      : e,
  );
  const held: ScriptedEvent = {
    topic: CUSTOMS_TOPIC,
    type: 'customs.held',
    subject: uuidv7(),
    version: 1,
    correlationId: waiting,
    time: now,
    data: {
      waybillId: waiting,
      declarationType: 'transit',
      office: 'PLMAA',
      status: 'held',
      at: now,
      by: parties.id('customsPl'),
      reason: 'seal CQ2604070102 differs from the bill',
    },
  };
  return [...upToExamined, held];
};

beforeAll(async () => {
  await publishAll(env, [
    ...withNumbers(duisburgShipmentEvents(parties, shipmentA), billA, `E${shipmentA.slice(-12)}`),
    ...waitingShipment(),
  ]);
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

const indexed = async (id: string, events: number) =>
  eventually(
    async () => {
      const res = await fetch(`${sys.url('console')}/api/shipments/${id}/timeline`, {
        headers: { authorization: `Bearer ${parties.token('operator')}` },
      });
      const body = res.status === 200 ? ((await res.json()) as { events: unknown[] }) : { events: [] };
      return body.events.length >= events ? true : undefined;
    },
    30_000,
    `shipment ${id} in the console`,
  );

const signIn = async (): Promise<{ page: Page; urls: string[] }> => {
  if (browser === undefined) throw new Error('not started');
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(sys.url('console'));
  await page.getByLabel('Operator token').fill(parties.token('operator'));
  await page.getByTestId('token-submit').click();
  await expect.poll(() => page.getByTestId('view-find').isVisible(), { timeout: 15_000 }).toBe(true);
  return { page, urls };
};

const rowsOf = (page: Page) =>
  page.locator('[data-testid=shipment-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-waybill-id')));

describe('the operators console', () => {
  it('finds a shipment by bill number and by container number, and draws its route', async () => {
    await indexed(shipmentA, 14);
    const { page } = await signIn();

    await page.getByLabel('Bill number').fill(billA);
    await page.getByTestId('find-submit').click();
    await expect.poll(() => rowsOf(page), { timeout: 15_000 }).toEqual([shipmentA]);
    await page.screenshot({ path: join(SHOTS, 'find.png') });

    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Container').fill('rblu1000020');
    await page.keyboard.press('Enter');
    // the search is in the URL once it ran (the list before it may already show the same shipment)
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('container=rblu1000020');
    await expect.poll(() => rowsOf(page), { timeout: 15_000 }).toContain(shipmentA);
    expect(await page.getByLabel('Bill number').inputValue()).toBe('');

    await page.locator(`[data-testid=shipment-row][data-waybill-id="${shipmentA}"] a`).click();
    await expect.poll(() => page.getByTestId('route-map').isVisible(), { timeout: 15_000 }).toBe(true);
    const stations = await page
      .locator('[data-testid=map-station]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-order'), e.getAttribute('data-code')]));
    expect(stations).toEqual([
      ['1', 'CNCQI'],
      ['2', 'CNAKL'],
      ['3', 'BYBQT'],
      ['4', 'PLMAA'],
      ['5', 'DEDUI'],
    ]);
    expect(await page.getByTestId('map-position').getAttribute('data-code')).toBe('CNAKL');
    const stops = await page
      .locator('[data-testid=route-stop]')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-code')}:${e.getAttribute('data-state')}`));
    expect(stops).toEqual(['CNCQI:passed', 'CNAKL:goods here', 'BYBQT:ahead', 'PLMAA:ahead', 'DEDUI:ahead']);
    expect(await page.locator('[data-testid=map-station].gauge').count()).toBe(2);
    expect(await page.getByTestId('position').textContent()).toContain('gauge changed');
    expect(await page.getByTestId('legs').textContent()).toContain('PLMAA (Małaszewicze) ◆ gauge change');
    expect(await page.getByTestId('holders').textContent()).toContain('endorsed on payment');
    expect(await page.getByTestId('credits').textContent()).toContain('paid');
    expect(await page.getByTestId('declarations').textContent()).toContain('green');
    await page.screenshot({ path: join(SHOTS, 'shipment.png'), fullPage: true });
    await page.close();
  }, 120_000);

  it('lists a held declaration and a presentation near its deadline, linked to the shipment', async () => {
    await indexed(waiting, 13);
    // both entries are in the projection before the page asks (the panel also refreshes every 10 s)
    await eventually(
      async () => {
        const res = await fetch(`${sys.url('console')}/api/attention`, {
          headers: { authorization: `Bearer ${parties.token('operator')}` },
        });
        const body = (await res.json()) as { items: { waybillId: string | null }[] };
        return body.items.filter((i) => i.waybillId === waiting).length >= 2 ? true : undefined;
      },
      30_000,
      'the attention entries',
    );
    const { page, urls } = await signIn();
    await page.getByRole('link', { name: /Attention/ }).click();
    const kinds = () =>
      page
        .locator(`[data-testid=attention-item][data-waybill-id="${waiting}"]`)
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')).sort());
    await expect.poll(kinds, { timeout: 20_000 }).toEqual(['declaration_held', 'presentation_deadline']);
    const held = page.locator(`[data-testid=attention-item][data-kind=declaration_held][data-waybill-id="${waiting}"]`);
    expect(await held.textContent()).toContain('PLMAA');
    const due = page.locator(
      `[data-testid=attention-item][data-kind=presentation_deadline][data-waybill-id="${waiting}"]`,
    );
    expect(await due.textContent()).toContain(addBankingDays(today, 1));
    // shipment (a) is paid: nothing of it waits
    expect(await page.locator(`[data-testid=attention-item][data-waybill-id="${shipmentA}"]`).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'attention.png'), fullPage: true });

    await held.getByTestId('attention-link').click();
    await expect.poll(() => page.url()).toContain(`#/shipment/${waiting}`);
    await expect
      .poll(() => page.locator('[data-testid=declaration][data-status=held]').count(), { timeout: 15_000 })
      .toBe(1);

    // the pulse and the live stream, opened with a ticket: the token never appears in a URL
    await page.getByRole('link', { name: /Pulse/ }).click();
    await expect.poll(() => page.getByTestId('stream-state').textContent(), { timeout: 15_000 }).toBe('live');
    await expect
      .poll(() => page.locator('[data-testid=pulse-chart] rect').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(urls.some((u) => u.includes('/api/events/stream?') && u.includes('ticket='))).toBe(true);
    expect(urls.filter((u) => u.includes(parties.token('operator')))).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'pulse.png'), fullPage: true });
    await page.close();
  }, 120_000);
});

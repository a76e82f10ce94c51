import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, publishAll, repoRoot } from '@railbill/testkit';
import { useSystem } from '@railbill/testkit/vitest';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cast, castIds } from '../../scripts/demo/cast.ts';
import { playShipment } from '../../scripts/demo/play.ts';
import { duisburg } from '../../scripts/demo/shipments.ts';
import { duisburgShipmentEvents } from '../../services/console/src/testing/shipment-events.ts';
import { documentsFoldTheirEvents } from '../consistency.ts';
import { launchChromium, untracedRecords } from '../support.ts';

// Issue #7: the console as a real process next to the three services, driven in headless Chromium.
const sys = useSystem(['console', 'waybill', 'letter-of-credit', 'customs-clearance']);
const { parties, env, url } = sys;
const cast = Object.fromEntries(
  Object.keys(castIds).map((role) => [
    role,
    { id: parties.id(role as keyof Cast), token: parties.token(role as keyof Cast) },
  ]),
) as Cast;

let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const required = ['waybill.issued', 'customs.released', 'lc.presented', 'lc.paid'];

/** The event types the console's timeline of the shipment holds (API view). */
const timelineTypes = async (id: string): Promise<string[]> => {
  const res = await fetch(`${url('console')}/api/shipments/${id}/timeline`, {
    headers: { authorization: `Bearer ${parties.token('operator')}` },
  });
  if (res.status !== 200) return [];
  return ((await res.json()) as { events: { type: string }[] }).events.map((e) => e.type);
};

describe('the console', () => {
  it("shows the Duisburg shipment's timeline live in the browser", async () => {
    if (browser === undefined) throw new Error('no browser');
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(url('console'));
    await page.getByTestId('token-input').fill(parties.token('operator'));
    await page.getByTestId('token-submit').click();
    await page.getByRole('link', { name: /Pulse/ }).click();
    await expect.poll(() => page.getByTestId('stream-state').textContent(), { timeout: 15_000 }).toBe('live');

    const lines: string[] = [];
    const id = await playShipment(
      {
        urls: { waybill: url('waybill'), lc: url('letter-of-credit'), customs: url('customs-clearance') },
        cast,
        say: (l) => lines.push(l),
        waitMs: 15_000,
      },
      duisburg,
    );
    if (id === undefined) throw new Error(`the demo could not submit the bill:\n${lines.join('\n')}`);

    // where another service's API refused a step, its events are published as that service would (the console is
    // what is under test here); the demo's output says which step failed
    const have = await eventually(
      async () => {
        const types = await timelineTypes(id);
        return types.includes('waybill.milestone_recorded') ? types : undefined;
      },
      20_000,
      'the shipment in the console',
    );
    const absent = required.filter((t) => !have.includes(t));
    if (absent.length > 0) {
      console.warn(`publishing ${absent.join(', ')} directly; demo output:\n${lines.join('\n')}`);
      await publishAll(
        env,
        duisburgShipmentEvents(parties, id).filter((x) => absent.includes(x.type)),
      );
    }

    // the live stream showed the shipment's events as they were committed
    await expect
      .poll(() => page.locator(`[data-testid=event][data-correlation-id="${id}"]`).count(), { timeout: 20_000 })
      .toBeGreaterThan(5);
    await page.locator(`[data-testid=event][data-correlation-id="${id}"][data-type="waybill.issued"]`).first().click();
    await expect.poll(() => page.getByTestId('envelope').textContent()).toContain('"type": "waybill.issued"');

    await expect
      .poll(
        async () => {
          // through the list, so that the shipment view reloads each time
          await page.evaluate(
            `location.hash = '#/find'; setTimeout(() => { location.hash = '#/shipment/${id}'; }, 50);`,
          );
          await page.waitForTimeout(500);
          return page.locator('[data-testid=timeline-event][data-type="lc.paid"]').count();
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    const types = await page
      .locator('[data-testid=timeline-event]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    for (const t of required) expect(types).toContain(t);
    const details = await page
      .locator('[data-testid=timeline-event]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-detail')));
    expect(details.some((d) => d?.includes('border_crossed at CNAKL'))).toBe(true);
    expect(await page.getByTestId('route-stops').textContent()).toContain('PLMAA');
    expect(await page.getByTestId('declarations').textContent()).toContain('released');
    // the importer paid duty and VAT before release (docs/customs.md §7)
    expect(await page.getByTestId('declarations').textContent()).toContain('VAT EUR 218150.40 · paid');
    expect(await page.getByTestId('credits').textContent()).toContain('paid');

    mkdirSync(join(repoRoot, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'test-output', 'console.png'), fullPage: true });
    console.log(lines.join('\n'));
  }, 240_000);

  it('received only records that carry a valid traceparent', async () => {
    const { count, untraced } = await untracedRecords(env);
    expect(count).toBeGreaterThan(0);
    expect(untraced).toEqual([]);
  });
});

documentsFoldTheirEvents(sys);

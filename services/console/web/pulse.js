// @ts-check
import { el, svg } from './api.js';

const COLORS = { 'waybill.events.v1': '#1d4ed8', 'lc.events.v1': '#b45309', 'customs.events.v1': '#047857' };
const W = 880;
const H = 180;
const PAD = { left: 34, right: 8, top: 10, bottom: 22 };

/**
 * A stacked bar per minute and topic, with a legend and a table alternative for screen readers.
 * @param {HTMLElement} target
 * @param {{ from: string, minutes: number, topics: Record<string, number[]> }} p
 */
export const renderPulse = (target, p) => {
  const topics = Object.keys(p.topics);
  const totals = Array.from({ length: p.minutes }, (_, i) => topics.reduce((n, t) => n + (p.topics[t]?.[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const bw = (W - PAD.left - PAD.right) / p.minutes;
  const y = (/** @type {number} */ n) => H - PAD.bottom - (n / max) * (H - PAD.top - PAD.bottom);
  const start = Date.parse(p.from);
  const label = (/** @type {number} */ i) => new Date(start + i * 60_000).toISOString().slice(11, 16);
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'pulse-svg-title', class: 'pulse' },
    [
      svg('title', { id: 'pulse-svg-title' }, [
        `Events per minute, ${label(0)}–${label(p.minutes - 1)} UTC: ${topics.map((t) => `${t} ${(p.topics[t] ?? []).reduce((a, b) => a + b, 0)}`).join(', ')}`,
      ]),
      svg('line', { x1: PAD.left, y1: y(0), x2: W - PAD.right, y2: y(0), class: 'axis' }),
      svg('text', { x: PAD.left - 4, y: y(max) + 4, 'text-anchor': 'end', class: 'tick' }, [String(max)]),
      svg('text', { x: PAD.left - 4, y: y(0), 'text-anchor': 'end', class: 'tick' }, ['0']),
    ],
  );
  for (let i = 0; i < p.minutes; i++) {
    let base = 0;
    for (const t of topics) {
      const n = p.topics[t]?.[i] ?? 0;
      if (n === 0) continue;
      chart.append(
        svg(
          'rect',
          {
            x: PAD.left + i * bw + 1,
            y: y(base + n),
            width: Math.max(bw - 2, 1),
            height: y(base) - y(base + n),
            fill: COLORS[/** @type {keyof typeof COLORS} */ (t)] ?? '#555',
            'data-topic': t,
            'data-minute': label(i),
          },
          [svg('title', {}, [`${label(i)} ${t}: ${n}`])],
        ),
      );
      base += n;
    }
    if (i % 5 === 0 || i === p.minutes - 1)
      chart.append(
        svg('text', { x: PAD.left + i * bw + bw / 2, y: H - 6, 'text-anchor': 'middle', class: 'tick' }, [label(i)]),
      );
  }
  const legend = el(
    'ul',
    { class: 'legend-row' },
    topics.map((t) =>
      el('li', {}, [
        el('span', {
          class: 'swatch',
          style: `background:${COLORS[/** @type {keyof typeof COLORS} */ (t)] ?? '#555'}`,
        }),
        `${t}: ${(p.topics[t] ?? []).at(-1) ?? 0} this minute`,
      ]),
    ),
  );
  target.replaceChildren(chart, legend);
};

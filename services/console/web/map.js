// @ts-check
import { el, svg, when } from './api.js';

/**
 * @typedef {{ code: string, name?: string, role: string, gauge: boolean, leg: number, mode: string }} Stop
 * @typedef {{ code: string, name: string, lat: number, lon: number, coordinates: string, source: string }} Place
 */

/**
 * The stations of the route in order: the first leg's start, each leg's border crossings, each leg's end.
 * @param {any[]} legs
 * @returns {Stop[]}
 */
export const stopsOf = (legs) => {
  /** @type {Stop[]} */
  const stops = [];
  legs.forEach((leg, i) => {
    if (i === 0) stops.push({ code: leg.from, role: 'origin', gauge: false, leg: leg.sequence, mode: leg.mode });
    for (const b of leg.borderCrossings ?? [])
      stops.push({
        code: b.station,
        name: b.name,
        role: 'border crossing',
        gauge: b.gaugeChange,
        leg: leg.sequence,
        mode: leg.mode,
      });
    stops.push({
      code: leg.to,
      role: i === legs.length - 1 ? 'destination' : 'transshipment',
      gauge: false,
      leg: leg.sequence,
      mode: leg.mode,
    });
  });
  return stops;
};

const W = 880;
const H = 330;
const PAD = 46;

/**
 * An equirectangular projection fitted to the points (longitudes shrunk by the cosine of the middle latitude).
 * @param {{ lat: number, lon: number }[]} pts
 */
const projection = (pts) => {
  const lats = pts.map((p) => p.lat);
  const lons = pts.map((p) => p.lon);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1);
  const spanY = Math.max(maxLat - minLat, 1);
  const scale = Math.min((W - 2 * PAD) / spanX, (H - 2 * PAD) / spanY);
  const offX = (W - spanX * scale) / 2;
  const offY = (H - spanY * scale) / 2;
  return {
    /** @param {{ lat: number, lon: number }} p */
    at: (p) => ({ x: offX + (p.lon - minLon) * k * scale, y: H - offY - (p.lat - minLat) * scale }),
    bounds: { minLat, maxLat, minLon, maxLon },
  };
};

/**
 * The route as an SVG map built from the shipped UN/LOCODE coordinates, with the goods' current position, and the
 * same stations as an ordered list (what a screen reader reads).
 * @param {any} s the shipment summary
 * @param {Record<string, Place>} places
 */
export const routeMap = (s, places) => {
  const stops = stopsOf(s.legs);
  const milestones = s.legs.flatMap((/** @type {any} */ l) =>
    l.milestones.map((/** @type {any} */ m) => ({ ...m, leg: l.sequence })),
  );
  const here = s.position?.location;
  const hereIndex = stops.findIndex((st) => st.code === here);
  const reached = (/** @type {number} */ i) =>
    milestones.some((/** @type {any} */ m) => m.location === stops[i]?.code) || (hereIndex >= 0 && i <= hereIndex);

  const located = stops.map((st) => ({ st, p: places[st.code] }));
  const pts = located.flatMap(({ p }) => (p ? [p] : []));
  const heading = el('h3', { id: 'map-title' }, ['Route']);
  if (pts.length === 0)
    return el('div', { class: 'map' }, [
      heading,
      el('p', { class: 'muted' }, ['No coordinates known for this route.']),
    ]);
  const proj = projection(pts);

  const map = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    role: 'img',
    'aria-labelledby': 'map-svg-title map-svg-desc',
    'data-testid': 'route-map',
    class: 'route-map',
  });
  const order = stops.map((st) => st.code).join(' → ');
  map.append(
    svg('title', { id: 'map-svg-title' }, [`Route map: ${order}`]),
    svg('desc', { id: 'map-svg-desc' }, [
      here
        ? `The goods are at ${here}${s.position?.event ? ` (${s.position.event.replace('_', ' ')})` : ''}.`
        : 'No position yet.',
    ]),
  );

  // graticule every 10 degrees, for orientation
  const g = svg('g', { class: 'graticule', 'aria-hidden': 'true' });
  const { minLat, maxLat, minLon, maxLon } = proj.bounds;
  for (let lon = Math.ceil((minLon - 5) / 10) * 10; lon <= maxLon + 5; lon += 10) {
    const a = proj.at({ lat: minLat - 10, lon });
    const b = proj.at({ lat: maxLat + 10, lon });
    g.append(svg('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y }), svg('text', { x: a.x + 3, y: H - 4 }, [`${lon}°E`]));
  }
  for (let lat = Math.ceil((minLat - 5) / 10) * 10; lat <= maxLat + 5; lat += 10) {
    const a = proj.at({ lat, lon: minLon - 20 });
    const b = proj.at({ lat, lon: maxLon + 20 });
    g.append(svg('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y }), svg('text', { x: 4, y: a.y - 3 }, [`${lat}°N`]));
  }
  map.append(g);

  // the legs: solid for rail and road, dashed for sea; the travelled part darker
  for (let i = 1; i < located.length; i++) {
    const from = located[i - 1];
    const to = located[i];
    if (!from?.p || !to?.p) continue;
    const a = proj.at(from.p);
    const b = proj.at(to.p);
    map.append(
      svg('line', {
        x1: a.x,
        y1: a.y,
        x2: b.x,
        y2: b.y,
        class: `track ${to.st.mode}${reached(i) ? ' travelled' : ''}`,
        'aria-hidden': 'true',
      }),
    );
  }

  // stations, labels pushed apart where stations are close (Brest and Małaszewicze are 12 km apart)
  /** @type {{ x: number, y: number }[]} */
  const labels = [];
  located.forEach(({ st, p }, i) => {
    if (!p) return;
    const { x, y } = proj.at(p);
    let dy = i % 2 === 0 ? -14 : 22;
    while (labels.some((l) => Math.abs(l.x - x) < 90 && Math.abs(l.y - (y + dy)) < 15)) dy += dy < 0 ? -15 : 15;
    labels.push({ x, y: y + dy });
    const cls = `station ${st.role.replace(' ', '-')}${st.gauge ? ' gauge' : ''}${reached(i) ? ' passed' : ''}`;
    const mark = st.gauge
      ? svg('rect', { x: x - 6, y: y - 6, width: 12, height: 12, transform: `rotate(45 ${x} ${y})` })
      : svg('circle', { cx: x, cy: y, r: st.role === 'border crossing' ? 5 : 7 });
    map.append(
      svg('g', { class: cls, 'data-testid': 'map-station', 'data-code': st.code, 'data-order': String(i + 1) }, [
        mark,
        svg('text', { x, y: y + dy, 'text-anchor': 'middle' }, [`${i + 1} ${st.code}`]),
      ]),
    );
  });

  const position = here ? places[here] : undefined;
  if (here && position) {
    const { x, y } = proj.at(position);
    map.append(
      svg('g', { class: 'position', 'data-testid': 'map-position', 'data-code': here }, [
        svg('circle', { cx: x, cy: y, r: 14, class: 'halo' }),
        svg('circle', { cx: x, cy: y, r: 5, class: 'dot' }),
        svg('text', { x: x + 16, y: y + 30 }, ['goods here']),
      ]),
    );
  }

  const list = el(
    'ol',
    { class: 'stops', 'data-testid': 'route-stops', 'aria-label': 'Stations in order' },
    stops.map((st, i) => {
      const at = milestones.filter((/** @type {any} */ m) => m.location === st.code);
      const state = i === hereIndex ? 'goods here' : reached(i) ? 'passed' : 'ahead';
      const p = places[st.code];
      return el(
        'li',
        { 'data-testid': 'route-stop', 'data-code': st.code, 'data-state': state, class: state.replace(' ', '-') },
        [
          el('strong', {}, [st.code]),
          ` ${st.name ?? p?.name ?? ''} · ${st.role}${st.gauge ? ' · gauge change' : ''} · `,
          el('span', { class: 'state' }, [state]),
          at.length > 0
            ? el('span', { class: 'muted' }, [
                ` · ${at.map((/** @type {any} */ m) => `${m.event.replace('_', ' ')} ${when(m.at)}`).join(', ')}`,
              ])
            : '',
          p ? '' : el('span', { class: 'muted' }, [' · no coordinates']),
        ],
      );
    }),
  );
  const legend = el('p', { class: 'legend muted' }, [
    '● terminal · small ● border crossing · ◆ gauge change · dashed line: sea · filled: passed · ringed: where the goods are. Coordinates: UN/LOCODE (see docs/console.md).',
  ]);
  return el('div', { class: 'map', 'aria-labelledby': 'map-title' }, [heading, map, legend, list]);
};

import { readFileSync } from 'node:fs';

/** A place of the coordinates file: its UN/LOCODE entry and its position in decimal degrees. */
export type Place = Readonly<{
  code: string;
  name: string;
  function: string;
  status: string;
  coordinates: string;
  lat: number;
  lon: number;
  /** Where the coordinates come from (the file's header explains each source). */
  source: string;
}>;

const COORDINATES = /^(\d{2})(\d{2})([NS]) (\d{3})(\d{2})([EW])$/;

/** UN/LOCODE's coordinates column ("2935N 10633E": degrees and minutes) as decimal degrees; undefined if malformed. */
export const parseCoordinates = (text: string): { lat: number; lon: number } | undefined => {
  const m = COORDINATES.exec(text.trim());
  if (m === null) return undefined;
  const [, latD, latM, ns, lonD, lonM, ew] = m;
  const lat = Number(latD) + Number(latM) / 60;
  const lon = Number(lonD) + Number(lonM) / 60;
  if (Number(latM) >= 60 || Number(lonM) >= 60 || lat > 90 || lon > 180) return undefined;
  return { lat: ns === 'S' ? -lat : lat, lon: ew === 'W' ? -lon : lon };
};

/** Reads the CSV of `data/locode-coordinates.csv` (`#` lines are its header comments). */
export const parsePlaces = (csv: string): Map<string, Place> => {
  const rows = csv
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const [header, ...lines] = rows;
  if (header !== 'locode,name,function,status,date,coordinates,source') throw new Error('unexpected places header');
  const places = new Map<string, Place>();
  for (const line of lines) {
    const [code = '', name = '', fn = '', status = '', , coordinates = '', source = ''] = line.split(',');
    const at = parseCoordinates(coordinates);
    if (at === undefined) throw new Error(`bad coordinates for ${code}: ${coordinates}`);
    places.set(code, { code, name, function: fn, status, coordinates, source, ...at });
  }
  return places;
};

const file = new URL('../../data/locode-coordinates.csv', import.meta.url);
let loaded: Map<string, Place> | undefined;

/** The places the console can draw, read once from the shipped coordinates file. */
export const knownPlaces = (): Map<string, Place> => {
  loaded = loaded ?? parsePlaces(readFileSync(file, 'utf8'));
  return loaded;
};

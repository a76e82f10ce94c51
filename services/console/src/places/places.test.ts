import { knownLocodes } from '@railbill/contracts';
import { describe, expect, it } from 'vitest';
import { knownPlaces, parseCoordinates, parsePlaces } from './places.ts';

describe('UN/LOCODE coordinates', () => {
  it('reads degrees and minutes with their hemispheres', () => {
    expect(parseCoordinates('2935N 10633E')).toEqual({ lat: 29 + 35 / 60, lon: 106 + 33 / 60 });
    expect(parseCoordinates('3351S 07040W')).toEqual({ lat: -(33 + 51 / 60), lon: -(70 + 40 / 60) });
    expect(parseCoordinates('0117N 10351E')?.lat).toBeCloseTo(1.2833, 4);
  });

  it('refuses what is not the code list format', () => {
    for (const bad of ['', '29.5N 106.5E', '2975N 10633E', '2935N 1063E', '2935X 10633E', '9900N 00000E'])
      expect(parseCoordinates(bad), bad).toBeUndefined();
  });

  it('ships a position for every place the contracts know, on the right side of the globe', () => {
    const places = knownPlaces();
    for (const code of Object.keys(knownLocodes)) expect(places.has(code), code).toBe(true);
    const chongqing = places.get('CNCQI');
    const duisburg = places.get('DEDUI');
    expect(chongqing?.source).toBe('unlocode-2021');
    expect(chongqing?.lon).toBeGreaterThan(100);
    expect(duisburg?.lon).toBeLessThan(10);
    expect(duisburg?.lat).toBeGreaterThan(chongqing?.lat ?? 90);
  });

  it('rejects a file whose header or coordinates are wrong', () => {
    expect(() => parsePlaces('code,name\nCNCQI,Chongqing')).toThrow(/header/);
    expect(() =>
      parsePlaces('locode,name,function,status,date,coordinates,source\nCNCQI,Chongqing,1,AS,1601,north,x'),
    ).toThrow(/CNCQI/);
  });
});

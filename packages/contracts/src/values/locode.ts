import { z } from 'zod';

/** docs/contract.md §8 / docs/codes.md §1: 2-letter country + 3 of [A-Z2-9]. */
export const Locode = z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/, 'must be a UN/LOCODE such as CNCQI');
export type Locode = z.infer<typeof Locode>;

/** Places on railbill's routes whose codes were verified (docs/codes.md §1). */
export const knownLocodes: Readonly<Record<string, string>> = {
  CNCQI: 'Chongqing',
  CNCKG: 'Chongqing Jiangbei International Apt',
  CNCQD: 'Chongqingdong Railway Station',
  CNCHQ: 'Chongqing Pt',
  CNCDU: 'Chengdu',
  CNCTU: 'Chengdu Shuangliu Apt',
  CNCDZ: 'Chengdu Railway Station',
  CNQZH: 'Qinzhou',
  CNAKL: 'Alatawshankou',
  CNHRS: 'Horgos',
  KZHOR: 'Horgos',
  BYBQT: 'Brest',
  PLTER: 'Terespol',
  PLMAA: 'Malaszewicze',
  PLLOD: 'Lodz',
  DEDUI: 'Duisburg',
  DEHAM: 'Hamburg',
  SGSIN: 'Singapore',
};

/** docs/codes.md §1: CNCKG was Chongqing's city entry until 2014; carriers still use it. */
const aliases: Readonly<Record<string, string>> = { CNCKG: 'CNCQI' };

export const canonicalLocode = (code: string): string => aliases[code] ?? code;

/** Place comparison that honours aliases (CNCKG ≡ CNCQI). */
export const samePlace = (a: string, b: string): boolean => canonicalLocode(a) === canonicalLocode(b);

export const isKnownLocode = (code: string): boolean => code in knownLocodes;

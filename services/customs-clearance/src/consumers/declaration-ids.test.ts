import { Id } from '@railbill/contracts';
import { describe, expect, it } from 'vitest';
import { exportDeclarationId, transitDeclarationId } from './declaration-ids.ts';

const waybill = '019d2a00-1234-7abc-8def-00000000000a';

describe('derived declaration ids', () => {
  it('are UUIDv7 carrying the bill’s timestamp', () => {
    for (const id of [exportDeclarationId(waybill), transitDeclarationId(waybill, 1, 'PLMAA')]) {
      expect(Id.safeParse(id).success).toBe(true);
      expect(id.slice(0, 13)).toBe(waybill.slice(0, 13));
    }
  });

  it('are the same for the same bill, leg and station, whatever the spelling of the station', () => {
    expect(exportDeclarationId(waybill)).toBe(exportDeclarationId(waybill));
    expect(transitDeclarationId(waybill, 1, 'CNCKG')).toBe(transitDeclarationId(waybill, 1, 'CNCQI'));
  });

  it('differ between bills, declaration types, legs and stations', () => {
    const other = '019d2a00-1234-7abc-8def-00000000000b';
    const ids = [
      exportDeclarationId(waybill),
      exportDeclarationId(other),
      transitDeclarationId(waybill, 1, 'PLMAA'),
      transitDeclarationId(waybill, 2, 'PLMAA'),
      transitDeclarationId(waybill, 1, 'PLTER'),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

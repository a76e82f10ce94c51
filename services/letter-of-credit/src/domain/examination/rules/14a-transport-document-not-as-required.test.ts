import { describe, expect, it } from 'vitest';
import { inputA } from '../../testing/examination-input.ts';
import { billA } from '../../testing/shipments.ts';
import { transportDocumentNotAsRequired } from './14a-transport-document-not-as-required.ts';

describe('TRANSPORT_DOCUMENT_NOT_AS_REQUIRED', () => {
  it('complies for a bill of lading', () => expect(transportDocumentNotAsRequired.check(inputA())).toBeUndefined());
  it('fires for a straight waybill', () =>
    expect(
      transportDocumentNotAsRequired.check(inputA({ bill: { ...billA, type: 'waybill', toOrderOf: null } })),
    ).toBeDefined());
});

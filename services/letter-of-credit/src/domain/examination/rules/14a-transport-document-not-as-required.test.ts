import { describe } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { transportDocumentNotAsRequired } from './14a-transport-document-not-as-required.ts';

describe('TRANSPORT_DOCUMENT_NOT_AS_REQUIRED', () =>
  ruleCases(transportDocumentNotAsRequired, [
    ['complies for a bill of lading', inputA(), 'complies'],
    ['fires for a straight waybill', inputA(withBill({ type: 'waybill', toOrderOf: null })), 'fires'],
  ]));

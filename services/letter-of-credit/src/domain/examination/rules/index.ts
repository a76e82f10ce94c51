import type { Rule } from '../context.ts';
import { creditExpired } from './6d-credit-expired.ts';
import { billSurrendered } from './14a-bill-surrendered.ts';
import { consigneeNotAsRequired } from './14a-consignee-not-as-required.ts';
import { documentMissing } from './14a-document-missing.ts';
import { transportDocumentNotAsRequired } from './14a-transport-document-not-as-required.ts';
import { latePresentation } from './14c-late-presentation.ts';
import { invoiceDatedAfterPresentation } from './14i-invoice-dated-after-presentation.ts';
import { currencyMismatch } from './18a-currency-mismatch.ts';
import { invoiceNotByBeneficiary } from './18a-invoice-not-by-beneficiary.ts';
import { invoiceNotInNameOfApplicant } from './18a-invoice-not-in-name-of-applicant.ts';
import { amountExceedsTolerance } from './18b-amount-exceeds-tolerance.ts';
import { goodsMismatch } from './18c-goods-mismatch.ts';
import { billNotIssued } from './19a-bill-not-issued.ts';
import { billSignatureInvalid } from './19a-bill-signature-invalid.ts';
import { billVoid } from './19a-bill-void.ts';
import { carrierNotIdentified } from './19a-carrier-not-identified.ts';
import { finalDestinationMismatch } from './19a-final-destination-mismatch.ts';
import { placeOfDispatchMismatch } from './19a-place-of-dispatch-mismatch.ts';
import { transshipmentProhibited } from './19c-transshipment-prohibited.ts';
import { clausedTransportDocument } from './27-claused-transport-document.ts';
import { insuranceCoverInsufficient } from './28-insurance-cover-insufficient.ts';
import { partialShipmentProhibited } from './31-partial-shipment-prohibited.ts';
import { lateShipment } from './44c-late-shipment.ts';
import { billNotHeldByBank } from './railbill-bill-not-held-by-bank.ts';

/** Every UCP 600 check, in the order a refusal notice lists them (docs/ucp600.md). One file per rule. */
export const rules: readonly Rule[] = [
  documentMissing,
  billNotIssued,
  billVoid,
  billSurrendered,
  billNotHeldByBank,
  billSignatureInvalid,
  carrierNotIdentified,
  transportDocumentNotAsRequired,
  consigneeNotAsRequired,
  lateShipment,
  latePresentation,
  creditExpired,
  placeOfDispatchMismatch,
  finalDestinationMismatch,
  currencyMismatch,
  amountExceedsTolerance,
  partialShipmentProhibited,
  transshipmentProhibited,
  goodsMismatch,
  invoiceNotByBeneficiary,
  invoiceNotInNameOfApplicant,
  invoiceDatedAfterPresentation,
  clausedTransportDocument,
  insuranceCoverInsufficient,
];

import type { DomainError } from '@railbill/contracts';

/** The one Error that carries a domain refusal across the edge (docs/architecture.md §3 Errors); mapped in http/problems.ts. */
export class Rejected extends Error {
  readonly error: DomainError;
  constructor(error: DomainError) {
    super(error.detail);
    this.name = 'Rejected';
    this.error = error;
  }
}

export const conflict = (code: string, detail: string): Rejected => new Rejected({ kind: 'conflict', code, detail });
export const notFound = (detail = 'no such document, or not yours'): Rejected =>
  new Rejected({ kind: 'not_found', code: 'not-found', detail });

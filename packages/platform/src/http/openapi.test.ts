import { describe, expect, it } from 'vitest';
import { completeOperation, declaredTags, operationIdOf, tagOf } from './openapi.ts';

describe('operation ids derived from the method and path', () => {
  it.each([
    ['GET', '/waybills', 'listWaybills'],
    ['POST', '/waybills', 'createWaybill'],
    ['GET', '/waybills/{id}', 'getWaybill'],
    ['POST', '/waybills/{id}/issue', 'issueWaybill'],
    ['POST', '/waybills/{id}/milestones', 'createWaybillMilestone'],
    ['POST', '/waybills/{id}/amendment-requests/{n}/reject', 'rejectWaybillAmendmentRequest'],
    ['GET', '/waybills/{id}/history', 'getWaybillHistory'],
    ['POST', '/credits/{id}/presentations/{p}/pay', 'payCreditPresentation'],
    ['POST', '/credits/{id}/amendments/{n}/accept', 'acceptCreditAmendment'],
    ['GET', '/credits/{id}/mt700', 'getCreditMt700'],
    ['GET', '/.well-known/jwks.json', 'getWellKnownJwksJson'],
    ['GET', '/waybills/{id}/verify', 'verifyWaybill'],
    ['POST', '/declarations/{id}/decision', 'recordDeclarationDecision'],
    ['POST', '/declarations/{id}/payment', 'recordDeclarationPayment'],
    ['POST', '/declarations/{id}/discharge', 'dischargeDeclaration'],
    ['GET', '/api/events', 'listEvents'],
    ['GET', '/api/shipments/{correlationId}/timeline', 'getShipmentTimeline'],
  ])('%s %s → %s', (method, url, id) => {
    expect(operationIdOf(method, url)).toBe(id);
  });
});

describe('a completed operation', () => {
  it('keeps what the route declared and adds what it lacks', () => {
    const op = completeOperation(
      { summary: 'Issue the bill (carrier)', response: { 200: {} } },
      'POST',
      '/waybills/{id}/issue',
      false,
    );
    expect(op).toMatchObject({ operationId: 'issueWaybill', tags: ['waybills'] });
    expect(op.description).toContain('Issue the bill (carrier).');
    expect(Object.keys(op.response as object)).toEqual(['200', '401']);
    const own = completeOperation({ operationId: 'mine', tags: ['keys'], description: 'Own.' }, 'GET', '/x', true);
    expect(own).toMatchObject({ operationId: 'mine', tags: ['keys'], description: 'Own.' });
    expect(Object.keys(own.response as object)).toEqual(['200', '4XX']);
  });

  it('declares each tag once, with a description', () => {
    expect(tagOf('/.well-known/jwks.json')).toBe('well-known');
    expect(tagOf('/api/dead-letters')).toBe('dead-letters');
    expect(declaredTags(['waybills', 'keys', 'waybills']).map((t) => t.name)).toEqual(['keys', 'waybills']);
  });
});

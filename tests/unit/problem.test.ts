import { toAppError } from '../../src/http/problem';

describe('toAppError', () => {
  it('turns a transaction that ran out of time into 503 with Retry-After: nothing was written, retry', () => {
    const error = toAppError({ code: 'P2028', message: 'Transaction API error: expired' });
    expect(error).toMatchObject({ status: 503, slug: 'busy' });
    expect(error?.extra.headers).toEqual({ 'Retry-After': '2' });
  });

  it('keeps a 4xx that Express or Node raise, and hides its message unless marked safe', () => {
    expect(toAppError({ status: 400, message: 'Failed to decode param', expose: false })).toMatchObject({ status: 400, detail: 'The request could not be read.' });
    expect(toAppError({ status: 416, message: 'Range Not Satisfiable', expose: true })).toMatchObject({ status: 416, detail: 'Range Not Satisfiable' });
  });

  it('leaves anything else to the 500 path', () => {
    expect(toAppError(new Error('boom'))).toBeUndefined();
    expect(toAppError({ status: 500, message: 'internal' })).toBeUndefined();
  });
});

// The error body the partnership routes answer with ({statusCode, error, message, code}), and the
// refusals they share: anything a client can send that makes no sense is a 4xx that says why in
// plain words, and a partnership the reader does not belong to is a 404, as if it did not exist.
import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';
import { parsePeriodId, parseQuarterId, quarterId } from '../../schemas/periods';

export type ProblemStatus = 400 | 404 | 409 | 413 | 415 | 503;

export function problem(reply: FastifyReply, statusCode: ProblemStatus, code: string, message: string) {
  return reply.code(statusCode).send({ statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, code });
}

/**
 * For a refusal sent from inside a transaction (a check made under a lock): `return
 * refused(problem(reply, …))` sends it and tells the caller, by null, that nothing was written.
 */
export function refused(_sent: FastifyReply): null {
  return null;
}

export const PERIOD_FORMS = '2019-20Q3 (a quarter), 2019-20 (a financial year), 2019 (a calendar year) or R12-2019-20Q3 (the twelve months to a quarter)';

/** Whether text is a period id whose quarters are ids too (the indicator routes' check). */
export function isPeriodId(text: string): boolean {
  try {
    const period = parsePeriodId(text);
    return period !== null && period.quarters.every((q) => parseQuarterId(q) !== null && quarterId(parseQuarterId(q)!) === q);
  } catch {
    return false;
  }
}

export function notAPeriod(reply: FastifyReply, text: string) {
  return problem(reply, 400, 'invalid-period', `"${text}" is not a period id. Write ${PERIOD_FORMS}.`);
}

export function unknownPartnership(reply: FastifyReply, id: number) {
  return problem(reply, 404, 'unknown-partnership', `There is no partnership ${id} that you belong to. GET /api/partnerships lists yours.`);
}

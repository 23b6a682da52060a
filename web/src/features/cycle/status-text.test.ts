import { describe, expect, it } from 'vitest';
import { CYCLE_STATUSES } from '../../../../schemas/cycle-api';
import { dueDayText, STATUS_TEXT } from './status-text';

describe('status words', () => {
  it('has words for every status', () => {
    for (const s of CYCLE_STATUSES) expect(STATUS_TEXT[s].label).toMatch(/^[A-Z]/);
  });
  it('writes due days in words', () => {
    expect(dueDayText('2026-07-30')).toBe('30 July 2026');
  });
});

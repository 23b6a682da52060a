import { describe, expect, it } from 'vitest';
import { A4_PRINTABLE_WIDTH_PX } from './print';

describe('the printable width', () => {
  it('is A4 less two 15 mm margins, 180 mm, in CSS pixels at 96 per inch', () => {
    expect(A4_PRINTABLE_WIDTH_PX).toBe(680);
  });
});

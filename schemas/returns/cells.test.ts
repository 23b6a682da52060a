// The plain readers are a shortcut for the zod readers, never a second opinion: wherever a plain
// reader gives a value, the zod reader gives the same one; everything else is left to zod.
import { describe, expect, it } from 'vitest';
import { countCell, MAX_TEXT_LENGTH, plainCount, plainText, textCell } from './cells';

const COUNT_TEXTS = ['0', '7', '0012', '3267', '999999999999999', '', ' ', ' 12', '12 ', '3,267', '12.0', '-1', '+4', '<5', '*', 'n/a', '1e3', '１２', '1234567890123456'];

describe('plainCount', () => {
  it.each(COUNT_TEXTS)('agrees with countCell on %j, or leaves it to countCell', (raw) => {
    const plain = plainCount(raw);
    const zod = countCell('victims').safeParse(raw);
    if (plain !== undefined) expect(zod).toMatchObject({ success: true, data: plain });
  });

  it('reads plain digits and empty cells, and nothing else', () => {
    expect(plainCount('3267')).toBe(3267);
    expect(plainCount('')).toBeNull();
    for (const raw of [' 12', '3,267', '-1', '<5', '12.0']) expect(plainCount(raw)).toBeUndefined();
  });
});

describe('plainText', () => {
  it.each(['', '  ', 'A note', ' padded ', 'x'.repeat(MAX_TEXT_LENGTH), 'x'.repeat(MAX_TEXT_LENGTH + 1)])('agrees with textCell, or leaves it to textCell', (raw) => {
    const plain = plainText(raw);
    const zod = textCell('note').safeParse(raw);
    if (plain !== undefined) expect(zod).toMatchObject({ success: true, data: plain });
    else expect(zod.success).toBe(false);
  });
});

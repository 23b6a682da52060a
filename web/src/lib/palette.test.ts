// @vitest-environment node
// The data colours live twice, because Sass cannot read TypeScript: the charts' (palette.ts) and
// the cards' and tags' (styles/_palette.scss). A board paper must show one colour per meaning.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_COLOURS, INK, QUIET } from './palette';

const scss = readFileSync(new URL('../styles/_palette.scss', import.meta.url), 'utf8');
const scssColours = Object.fromEntries([...scss.matchAll(/^\$([\w-]+):\s*(#[0-9a-f]{6});/gim)].map((m) => [m[1], m[2].toLowerCase()]));

describe('the chart palette and the stylesheet palette', () => {
  it('give every assessment the same colour', () => {
    for (const [assessment, colour] of Object.entries(ASSESSMENT_COLOURS)) expect(scssColours[assessment], assessment).toBe(colour.toLowerCase());
  });
  it('share ink and quiet text', () => {
    expect(scssColours.ink).toBe(INK);
    expect(scssColours.quiet).toBe(QUIET);
  });
});

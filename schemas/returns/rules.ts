// The shapes of cross-field rule in DOMAIN.md section 5, written once. Each takes the columns
// in the order the domain brief writes them, so the reported column is the first one written.
// Messages name columns in words ("DVPOs granted", "12-month victims"), never by their names.
import type { RowRule } from './definition';
import { capitalise, columnWords, listInWords } from './words';

type Severity = RowRule['severity'];

const words = columnWords;

/**
 * The columns of a sum in words, with a shared opening said once: "referrals from the police,
 * IDVAs, health services … and anyone else"; "female victims and male victims".
 */
export function partsInWords(parts: readonly string[]): string {
  const phrases = parts.map(words);
  const split = phrases.map((p) => p.split(' '));
  let shared = 0;
  while (split.every((w) => w.length > shared + 1 && w[shared] === split[0][shared])) shared++;
  // Only a shared opening that ends in a preposition reads well said once ("referrals from …").
  while (shared > 0 && !/^(from|by|to|with|of|in|as)$/.test(split[0][shared - 1])) shared--;
  if (shared === 0) return listInWords(phrases);
  const opening = split[0].slice(0, shared).join(' ');
  const rest = split.map((w) => w.slice(shared).join(' '));
  // "the police" keeps its article; the rest follow the opening directly.
  return `${opening} ${listInWords(rest)}`;
}

function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/** `part > whole` is a problem: e.g. repeat_victims > victims. */
export function notMoreThan(part: string, whole: string, severity: Severity, why: string): RowRule {
  return {
    column: part,
    reads: [part, whole],
    severity,
    code: `${part}-more-than-${whole}`.replace(/_/g, '-'),
    check: (f) =>
      f[part] > f[whole]
        ? `There are more ${words(part)} (${formatCount(f[part])}) than ${words(whole)} (${formatCount(f[whole])}). ${why}`
        : null,
  };
}

/** `a + b + … > whole` is a problem: e.g. victims_female + victims_male > victims. */
export function sumNotMoreThan(parts: string[], whole: string, severity: Severity, why: string): RowRule {
  return {
    column: parts[0],
    reads: [...parts, whole],
    severity,
    code: `sum-more-than-${whole}`.replace(/_/g, '-'),
    check: (f) => {
      const total = parts.reduce((s, p) => s + f[p], 0);
      return total > f[whole]
        ? `${capitalise(partsInWords(parts))} add up to ${formatCount(total)}, which is more than the number of ${words(whole)} (${formatCount(f[whole])}). ${why}`
        : null;
    },
  };
}

/** The parts must add up to the whole exactly: e.g. the referral sources of MARAC cases. */
export function sumEquals(parts: string[], whole: string, severity: Severity, why: string): RowRule {
  return {
    column: parts[0],
    reads: [...parts, whole],
    severity,
    code: `sum-not-equal-${whole}`.replace(/_/g, '-'),
    check: (f) => {
      const total = parts.reduce((s, p) => s + f[p], 0);
      return total !== f[whole]
        ? `${capitalise(partsInWords(parts))} add up to ${formatCount(total)}, not to the number of ${words(whole)} (${formatCount(f[whole])}). ${why}`
        : null;
    },
  };
}

/** `column` must be 0 when `whole` is: e.g. days waited by people who started, when nobody started. */
export function noneWithout(column: string, whole: string, severity: Severity, why: string): RowRule {
  return {
    column,
    reads: [column, whole],
    severity,
    code: `${column}-without-${whole}`.replace(/_/g, '-'),
    check: (f) => (f[whole] === 0 && f[column] > 0 ? `There are ${formatCount(f[column])} ${words(column)} but no ${words(whole)}. ${why}` : null),
  };
}

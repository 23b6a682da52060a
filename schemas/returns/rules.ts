// The shapes of cross-field rule in DOMAIN.md section 5, written once. Each takes the columns
// in the order the domain brief writes them, so the reported column is the first one written.
import type { RowRule } from './definition';

type Severity = RowRule['severity'];

function words(column: string): string {
  return column.replace(/_/g, ' ');
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
        ? `${words(part)} (${formatCount(f[part])}) is more than ${words(whole)} (${formatCount(f[whole])}). ${why}`
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
        ? `${parts.map(words).join(' + ')} comes to ${formatCount(total)}, which is more than ${words(whole)} (${formatCount(f[whole])}). ${why}`
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
        ? `${parts.map(words).join(' + ')} comes to ${formatCount(total)}, but ${words(whole)} is ${formatCount(f[whole])}. ${why}`
        : null;
    },
  };
}

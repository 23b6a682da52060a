// Words and GOV.UK tag colours for each status of a return (DOMAIN.md 5.8), as plain data.
import type { CycleStatusName } from '../../../../schemas/cycle-api';

export const STATUS_TEXT: Record<CycleStatusName, { label: string; tag: string }> = {
  'not-due': { label: 'Not due yet', tag: 'govuk-tag--grey' },
  due: { label: 'Due', tag: 'govuk-tag--blue' },
  received: { label: 'Received', tag: 'govuk-tag--turquoise' },
  late: { label: 'Received late', tag: 'govuk-tag--yellow' },
  overdue: { label: 'Overdue', tag: 'govuk-tag--red' },
  'signed-off': { label: 'Signed off', tag: 'govuk-tag--purple' },
  approved: { label: 'Approved', tag: 'govuk-tag--green' },
};

/** "30 July 2026" from 2026-07-30. */
export function dueDayText(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

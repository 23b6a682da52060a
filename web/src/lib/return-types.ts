// The return types as the web app shows them, from the shared definitions in schemas/returns:
// title, who sends it, and its columns with their descriptions (for the upload page's guidance).
import './zod-config';
import { RETURN_DEFINITIONS } from '../../../schemas/returns';
import type { ReportingFrequency } from '../../../schemas/returns/frequency';

export interface ReturnTypeInfo {
  type: string;
  title: string;
  sentBy: string;
  /** Reference data (population, benchmarks) is loaded by analysts. */
  reference: boolean;
  columns: Array<{ name: string; description: string; role: 'key' | 'figure' | 'text'; optional: boolean }>;
  /** How often it is made: a yearly return's period is a financial year. */
  frequency: ReportingFrequency;
}

export const RETURN_TYPES: ReturnTypeInfo[] = RETURN_DEFINITIONS.map((d) => ({
  type: d.type,
  title: d.title,
  sentBy: d.sentBy,
  reference: d.reference,
  columns: d.columns.map((c) => ({ name: c.name, description: c.description, role: c.role, optional: Boolean(c.optional) })),
  frequency: d.frequency ?? 'quarterly',
}));

const byType = new Map(RETURN_TYPES.map((r) => [r.type, r]));

export function findReturnType(type: string): ReturnTypeInfo | undefined {
  return byType.get(type);
}

export function returnTitle(type: string): string {
  return byType.get(type)?.title ?? type;
}

/** Safe accommodation rows are kept per accommodation type. */
export { ACCOMMODATION_TYPES } from '../../../schemas/returns/refuge';

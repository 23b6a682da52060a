// Warnings travel with the figures (DOMAIN.md 5.7): a value built from a row that was stored with
// a warning ("charges were more than crimes") carries it wherever the value is shown: the
// overview card, the indicator page, the tables beside the charts and every download. The API
// sends each warning with where it was found; a figure for a year or a parent area is built from
// several quarters or areas, so the words say which one when it is not the figure's own.
// Board members get a sentence without figures; analysts the sender's own sentence.
import type { FigureWarningSchema } from '../../../schemas/indicator-api';
import type { z } from 'zod';
import { shortPeriodLabel } from './format';

export type FigureWarning = z.infer<typeof FigureWarningSchema>;

/** The figure a warning travels with: its area, period and (refuge indicators) accommodation type. */
export interface WarningContext {
  area?: string;
  period?: string;
  accommodationType?: string | null;
  areaName?: (code: string) => string;
}

/** One message, and the places (area, type, quarter) it was found where they are not the figure's own. */
export interface WarningLine {
  message: string;
  places: string[];
}

export const FLAGGED = 'Flagged when sent';
/** How the server words the reason a correction after approval carries (server/returns/ingest.ts). */
export const CORRECTED = 'Corrected after the quarter was approved';

const typeWords = (type: string) => type.replace(/_/g, ' ');

/** "Bedford, Q3 2019-20", "Q3 2019-20" or null when the warning is on the figure's own area and quarter. */
export function warningPlace(warning: FigureWarning, context: WarningContext = {}): string | null {
  const parts: string[] = [];
  if (context.area !== undefined && warning.area !== context.area) parts.push(context.areaName?.(warning.area) ?? warning.area);
  if (warning.accommodationType && warning.accommodationType !== (context.accommodationType ?? null)) parts.push(typeWords(warning.accommodationType));
  if (warning.quarter !== context.period) parts.push(shortPeriodLabel(warning.quarter));
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The warnings behind a figure, one line per message (in the order first found), each with its places. */
export function warningLines(warnings: readonly FigureWarning[] | undefined, context: WarningContext = {}): WarningLine[] {
  const byMessage = new Map<string, WarningLine>();
  for (const w of warnings ?? []) {
    const line = byMessage.get(w.message) ?? { message: w.message, places: [] };
    byMessage.set(w.message, line);
    const place = warningPlace(w, context);
    if (place !== null && !line.places.includes(place)) line.places.push(place);
  }
  return [...byMessage.values()];
}

/** Plain messages (a revision's), as lines without places. */
export function messageLines(messages: readonly string[] | undefined): WarningLine[] {
  return [...new Set(messages ?? [])].map((message) => ({ message, places: [] }));
}

/** "Flagged when sent (Q3 2019-20): When the police force sent these figures, …" */
export function warningSentence(line: WarningLine): string {
  const where = line.places.length > 0 ? ` (${line.places.join('; ')})` : '';
  // A correction's reason is not something found when the figures were sent.
  if (line.message.startsWith(CORRECTED)) return `${CORRECTED}${where}${line.message.slice(CORRECTED.length)}`;
  return `${FLAGGED}${where}: ${line.message}`;
}

/** Every line as one text, for a table cell or a download; empty when there are none. */
export function warningsText(lines: readonly WarningLine[]): string {
  return lines.map(warningSentence).join(' ');
}

// Which aim and measure of its strategy an action serves. An action sent through the API names
// them by id; a spreadsheet names an aim by its number or title and a measure by its indicator
// or number ("2.1": aim 2, measure 1), as plans are written. Either way an action's measure
// belongs to its aim, and each answer that is not a link is a sentence for the sender.

export interface LinkAim {
  id: number;
  /** Its position in the strategy, from 1. */
  number: number;
  title: string;
}

export interface LinkMeasure {
  id: number;
  aimId: number;
  aimNumber: number;
  /** Its position within its aim, from 1. */
  number: number;
  indicator: string;
  indicatorTitle: string;
  area: string;
}

export interface PlanLinks {
  aims: LinkAim[];
  measures: LinkMeasure[];
}

export type Linked = { ok: true; aimId: number | null; measureId: number | null } | { ok: false; message: string };

const measureName = (m: LinkMeasure) => `${m.aimNumber}.${m.number} (${m.indicator})`;

/**
 * The links an action ends up with. `sent` holds what was sent (undefined: not sent); `held`
 * what the action has now (nothing, for a new one). A measure sent alone takes the action to its
 * aim; an aim sent alone keeps a measure only if the measure is that aim's.
 */
export function resolveLinks(links: PlanLinks, sent: { aim?: number | null; measure?: number | null }, held: { aimId: number | null; measureId: number | null } = { aimId: null, measureId: null }): Linked {
  if (sent.aim != null && !links.aims.some((a) => a.id === sent.aim)) {
    return { ok: false, message: `This strategy has no aim ${sent.aim}. Its aims are ${links.aims.map((a) => `${a.id} (${a.title})`).join(', ') || 'not set yet'}.` };
  }
  const measure = sent.measure != null ? links.measures.find((m) => m.id === sent.measure) : undefined;
  if (sent.measure != null && !measure) {
    return { ok: false, message: `This strategy has no measure ${sent.measure}. Its measures are ${links.measures.map((m) => `${m.id} (${m.indicator})`).join(', ') || 'not set yet'}.` };
  }
  const measureId = sent.measure !== undefined ? sent.measure : held.measureId;
  let aimId = sent.aim !== undefined ? sent.aim : held.aimId;
  if (measureId === null) return { ok: true, aimId, measureId: null };
  const current = measure ?? links.measures.find((m) => m.id === measureId);
  if (!current) return { ok: true, aimId, measureId: null };
  if (sent.aim === undefined && sent.measure !== undefined) aimId = current.aimId;
  if (aimId !== current.aimId) {
    const aim = links.aims.find((a) => a.id === aimId);
    const measureAim = links.aims.find((a) => a.id === current.aimId)!;
    return {
      ok: false,
      message: `Measure ${measureName(current)} belongs to aim ${measureAim.number} (${measureAim.title}), not ${aim ? `aim ${aim.number} (${aim.title})` : 'no aim'}. Send a measure of that aim, or measure: null.`,
    };
  }
  return { ok: true, aimId, measureId };
}

/** Text compared the way people mean it: case, spacing, punctuation and "&"/"and" aside. */
export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export type Found<T> = { ok: true; value: T } | { ok: false; message: string };

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * An aim written in a plan: its number ("2", "Aim 2", "2."), its letter ("B", "Theme B", as
 * Bexley's plan letters its themes), its title, or the start of its title ("Prevention" for
 * "Prevention and early help") when only one aim starts so.
 */
export function findAim(aims: LinkAim[], written: string): Found<LinkAim> {
  const name = normaliseName(written);
  const listed = aims.map((a) => `${a.number} (${a.title})`).join(', ');
  const keyword = /^(?:strategic )?(?:aim|priority|theme|objective) (\d{1,2}|[a-z])\b/.exec(name);
  const alone = /^(\d{1,2}|[a-z])$/.exec(name) ?? /^(\d{1,2}) /.exec(name);
  const token = (keyword ?? alone)?.[1];
  if (token !== undefined) {
    const n = /^\d+$/.test(token) ? Number(token) : LETTERS.indexOf(token) + 1;
    const byNumber = aims.find((a) => a.number === n);
    if (byNumber) return { ok: true, value: byNumber };
    return { ok: false, message: `There is no aim ${token.toUpperCase()} in this strategy. Its aims are ${listed || 'not set yet'}.` };
  }
  const exact = aims.filter((a) => normaliseName(a.title) === name);
  if (exact.length === 1) return { ok: true, value: exact[0] };
  const starting = aims.filter((a) => normaliseName(a.title).startsWith(name) || name.startsWith(normaliseName(a.title)));
  if (starting.length === 1) return { ok: true, value: starting[0] };
  if (starting.length > 1) return { ok: false, message: `"${written}" could be more than one aim: ${starting.map((a) => `${a.number} (${a.title})`).join(', ')}. Write the aim's number.` };
  return { ok: false, message: `There is no aim "${written}" in this strategy. Write an aim's number or title: ${listed || 'the strategy has no aims yet'}.` };
}

/**
 * A measure written in a plan: its number ("2.1": aim 2, measure 1), its indicator id
 * (repeat-victim-rate) or its indicator's title, within the row's aim when the row names one.
 */
export function findMeasure(links: PlanLinks, written: string, aim: LinkAim | null): Found<LinkMeasure> {
  const pool = aim ? links.measures.filter((m) => m.aimId === aim.id) : links.measures;
  const listed = pool.map(measureName).join(', ');
  const where = aim ? `aim ${aim.number} (${aim.title})` : 'this strategy';
  const numbered = /^(\d{1,2})\s*\.\s*(\d{1,2})$/.exec(written.trim());
  if (numbered) {
    const found = links.measures.find((m) => m.aimNumber === Number(numbered[1]) && m.number === Number(numbered[2]));
    if (!found) return { ok: false, message: `There is no measure ${written.trim()} in this strategy. Its measures are ${links.measures.map(measureName).join(', ') || 'not set yet'}.` };
    return { ok: true, value: found };
  }
  const name = normaliseName(written);
  const matches = pool.filter((m) => normaliseName(m.indicator) === name || normaliseName(m.indicatorTitle) === name);
  if (matches.length === 1) return { ok: true, value: matches[0] };
  if (matches.length > 1) return { ok: false, message: `"${written}" is more than one measure of ${where}: ${matches.map(measureName).join(', ')}. Write the measure's number.` };
  return { ok: false, message: `"${written}" is not a measure of ${where}. Write a measure's number or indicator: ${listed || `${where} has no measures yet`}.` };
}

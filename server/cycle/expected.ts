// Where a return is expected (schemas/returns/definition.ts, `expected`). Most are expected
// wherever an organisation is granted them. A return expected only where a partnership has defined
// what it reports (the local-measure return) is expected for an area only where a partnership
// covering it defines a measure, and from an organisation only where a measure names it: a grant
// alone makes no deadline, status or reminder, since there is nothing to send.
import { findReturnDefinition } from '../../schemas/returns';
import { expectedOnlyWhereDefined } from '../../schemas/returns/definition';
import type { Db } from '../db/database';
import { measureSenderAreas } from '../local-measures/store';

/** Who is expected to send a where-defined return, and for which areas. */
export interface DefinedSenders {
  /** Areas with something defined to report. */
  areas: ReadonlySet<string>;
  /** `${organisation id}|${area}` for each organisation named for an area. */
  senders: ReadonlySet<string>;
}

/** What each where-defined return type reports, by type: the partnership's definitions of it. */
const DEFINITIONS_OF: Record<string, (db: Db) => Promise<Array<{ area: string; organisationId: number | null }>>> = {
  'local-measure': measureSenderAreas,
};

export function isExpectedOnlyWhereDefined(type: string): boolean {
  const definition = findReturnDefinition(type);
  return definition !== undefined && expectedOnlyWhereDefined(definition);
}

export const senderKey = (organisationId: number, area: string) => `${organisationId}|${area}`;

/** For each where-defined type among these, where it is expected and from whom. */
export async function definedSenders(db: Db, types: readonly string[]): Promise<Map<string, DefinedSenders>> {
  const found = new Map<string, DefinedSenders>();
  for (const type of new Set(types)) {
    if (!isExpectedOnlyWhereDefined(type)) continue;
    // A where-defined type with nothing to look its definitions up in is expected nowhere.
    const rows = (await DEFINITIONS_OF[type]?.(db)) ?? [];
    found.set(type, {
      areas: new Set(rows.map((r) => r.area)),
      senders: new Set(rows.filter((r) => r.organisationId !== null).map((r) => senderKey(r.organisationId!, r.area))),
    });
  }
  return found;
}

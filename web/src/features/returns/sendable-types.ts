// The return types the returns pages offer: the shared list, and the local measure return, which
// schemas/returns keeps out of that list because its measures are defined per partnership at run
// time (it has no catalogue indicators or demo file of its own) but which partners send like any other.
import { LOCAL_MEASURE_DEFINITION } from '../../../../schemas/returns';
import { RETURN_TYPES, findReturnType, type ReturnTypeInfo } from '../../lib/return-types';

export const LOCAL_MEASURE_TYPE: ReturnTypeInfo = {
  type: LOCAL_MEASURE_DEFINITION.type,
  title: LOCAL_MEASURE_DEFINITION.title,
  sentBy: LOCAL_MEASURE_DEFINITION.sentBy,
  reference: LOCAL_MEASURE_DEFINITION.reference,
  columns: LOCAL_MEASURE_DEFINITION.columns.map((c) => ({ name: c.name, description: c.description, role: c.role, optional: Boolean(c.optional) })),
  frequency: LOCAL_MEASURE_DEFINITION.frequency ?? 'quarterly',
};

/** Partners' returns, the local measure return among them, then reference data. */
export const SENDABLE_TYPES: ReturnTypeInfo[] = [...RETURN_TYPES.filter((t) => !t.reference), LOCAL_MEASURE_TYPE, ...RETURN_TYPES.filter((t) => t.reference)];

export function findSendableType(type: string): ReturnTypeInfo | undefined {
  return type === LOCAL_MEASURE_TYPE.type ? LOCAL_MEASURE_TYPE : findReturnType(type);
}

export function sendableTitle(type: string): string {
  return findSendableType(type)?.title ?? type;
}

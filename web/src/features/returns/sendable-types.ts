// The return types the returns pages offer: the shared list from the registry (schemas/returns),
// partners' returns first (the local measure return among them) and reference data after, as the
// registry orders them. A return expected only where a partnership defines a measure is listed like
// any other: a partner sees it where their organisation is granted it.
import { RETURN_TYPES, findReturnType, type ReturnTypeInfo } from '../../lib/return-types';

export const SENDABLE_TYPES: ReturnTypeInfo[] = [...RETURN_TYPES.filter((t) => !t.reference), ...RETURN_TYPES.filter((t) => t.reference)];

export function findSendableType(type: string): ReturnTypeInfo | undefined {
  return findReturnType(type);
}

export function sendableTitle(type: string): string {
  return findSendableType(type)?.title ?? type;
}

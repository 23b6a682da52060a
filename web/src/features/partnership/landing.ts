// Where a board member, analyst or administrator lands (issue 11: "a board member lands on their
// partnership, its latest complete year, without choosing anything"): the partnership last
// opened on this device if they still belong to it, else the first they belong to (the server
// lists them in name order). Administrators see every partnership but land on one only if they
// are a member of it; otherwise they get the list.
import type { Role } from '../../../../schemas/access-api';
import type { Partnership } from './api';

const STORAGE_KEY = 'dashboard.partnership';

export function rememberedPartnership(): number | null {
  try {
    const value = Number(window.localStorage.getItem(STORAGE_KEY));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

export function rememberPartnership(id: number) {
  try {
    window.localStorage.setItem(STORAGE_KEY, String(id));
  } catch {
    // Private browsing: nothing is remembered, and the first partnership is the landing.
  }
}

/** The partnerships this person belongs to: for an administrator (who sees all), those listing them as a member. */
export function membershipsOf(partnerships: readonly Partnership[], user: { id: number; role: Role }): Partnership[] {
  if (user.role !== 'admin') return [...partnerships];
  return partnerships.filter((p) => p.members?.some((m) => m.id === user.id));
}

/** The partnership to land on, or null for the list. */
export function landingPartnership(partnerships: readonly Partnership[], user: { id: number; role: Role }, remembered: number | null): number | null {
  const mine = membershipsOf(partnerships, user);
  if (mine.length === 0) return null;
  return mine.find((p) => p.id === remembered)?.id ?? mine[0].id;
}

export function partnershipPath(id: number, params: { period?: string | null } = {}): string {
  return params.period ? `/partnerships/${id}?period=${encodeURIComponent(params.period)}` : `/partnerships/${id}`;
}

// What the dashboard shows (area, period, benchmark, confidence level) lives in the address, so
// a view can be bookmarked, shared and printed as it is. The last area chosen is remembered on
// this device, so a board member returns to their own area. With no period in the address the
// server chooses the area's latest complete twelve months (GET /api/areas/:code/summary).
import { useCallback } from 'react';
import { useSearchParams } from '../app/router';

export type ConfidenceLevel = '95' | '99.8';

export interface Selection {
  area: string | null;
  /** Null: none chosen, so the area's latest complete twelve months. */
  period: string | null;
  /** Undefined: the area's default benchmark (its police force area; London for a borough). */
  benchmark: string | undefined;
  level: ConfidenceLevel;
}

const AREA_STORAGE_KEY = 'dashboard.area';

function rememberedArea(): string | null {
  try {
    return window.localStorage.getItem(AREA_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberArea(code: string) {
  try {
    window.localStorage.setItem(AREA_STORAGE_KEY, code);
  } catch {
    // Private browsing: nothing is remembered, which is fine.
  }
}

export function useSelection(): [Selection, (next: Partial<Selection>) => void] {
  const [params, setParams] = useSearchParams();
  const selection: Selection = {
    area: params.get('area') ?? rememberedArea(),
    period: params.get('period'),
    benchmark: params.get('benchmark') ?? undefined,
    level: params.get('level') === '99.8' ? '99.8' : '95',
  };
  const update = useCallback(
    (next: Partial<Selection>) => {
      if (next.area) rememberArea(next.area);
      const changes: Record<string, string | null> = {};
      if ('area' in next) changes.area = next.area ?? null;
      if ('period' in next) changes.period = next.period ?? null;
      if ('benchmark' in next) changes.benchmark = next.benchmark ?? null;
      if ('level' in next) changes.level = next.level === '99.8' ? '99.8' : null;
      setParams(changes, { replace: false });
    },
    [setParams],
  );
  return [selection, update];
}

/** The query-string form of a selection, for links between the overview and indicator pages. */
export function selectionParams(selection: Selection): Record<string, string | undefined> {
  return {
    area: selection.area ?? undefined,
    period: selection.period ?? undefined,
    benchmark: selection.benchmark,
    level: selection.level === '99.8' ? '99.8' : undefined,
  };
}

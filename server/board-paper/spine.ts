// A Fingertips-style spine for one figure: where the area's value sits against England and the
// lowest and highest of its comparator group (the benchmark's children: Thames Valley's nine
// authorities for Oxfordshire, London's boroughs for Bexley). Every value is the reader's
// published one, so a hidden figure is neither shown nor used for lowest or highest.
import type { IndicatorDefinition } from '../../schemas/indicators';
import type { EngineSession } from '../engine/engine';
import { figureText, type UnitFormat } from './words';

/** Lowest and highest mean something only among at least two areas. */
const MIN_AREAS_FOR_RANGE = 2;

export function spineOf(session: EngineSession, indicator: IndicatorDefinition, area: string, periodId: string, groupArea: string, england: string, f: UnitFormat) {
  const name = (code: string) => session.register.find(code)?.name ?? code;
  const englandValue = area === england || !session.register.find(england) ? null : session.value(indicator, england, periodId);
  const members = session.register.find(groupArea) ? session.register.childrenOf(groupArea).map((c) => c.code) : [];
  const shown = members
    .map((code) => ({ code, value: session.value(indicator, code, periodId) }))
    .filter((m) => m.value.status === 'ok' && m.value.value !== null)
    .map((m) => ({ area: m.code, areaName: name(m.code), value: m.value.value!, text: figureText({ status: 'ok', value: m.value.value }, f) }))
    .sort((a, b) => a.value - b.value);
  const enough = shown.length >= MIN_AREAS_FOR_RANGE;
  return {
    england: englandValue ? { value: englandValue.status === 'ok' ? englandValue.value : null, status: englandValue.status, text: figureText(englandValue, f) } : null,
    group: members.length > 0 ? { code: groupArea, name: name(groupArea) } : null,
    lowest: enough ? shown[0] : null,
    highest: enough ? shown[shown.length - 1] : null,
    areasCompared: shown.length,
  };
}

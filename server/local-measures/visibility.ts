// Who sees a partnership's own measures: its members (board members and analysts who belong to
// it) and administrators; a partner only the measures their organisation sends (in the
// catalogue, to know what they send). Everyone else finds nothing: a 404, as if absent.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseLocalIndicatorId } from '../../schemas/local-measures-api';
import type { IndicatorDefinition } from '../../schemas/indicators';
import { findIndicator } from '../../schemas/indicators';
import { listPartnerships } from '../strategy/store';
import { measuresSentBy } from './store';

/** The local indicators the requester may see, of every partnership they may see. */
export async function visibleLocalIndicators(app: FastifyInstance, request: FastifyRequest): Promise<IndicatorDefinition[]> {
  const catalogue = app.engine.catalogue;
  const actor = request.actor;
  if (actor.role === 'partner') {
    if (actor.organisationId === null) return [];
    const sent = await measuresSentBy(app.db, actor.organisationId);
    return sent.map(({ measure }) => catalogue.findFor(measure.partnership, measure.indicator)).filter((i): i is IndicatorDefinition => i !== undefined);
  }
  const partnerships = await listPartnerships(app.db, actor);
  return partnerships.flatMap((p) => catalogue.localOf(p.id));
}

/** A shipped indicator, or a local one the requester may see; undefined otherwise. */
export async function visibleIndicator(app: FastifyInstance, request: FastifyRequest, id: string): Promise<IndicatorDefinition | undefined> {
  const shipped = findIndicator(id);
  if (shipped) return shipped;
  const local = parseLocalIndicatorId(id);
  if (!local || !app.engine.catalogue.find(id)) return undefined;
  return (await visibleLocalIndicators(app, request)).find((i) => i.id === id);
}

/** The requester's visible local indicators grouped by the partnership covering an area, for its summary. */
export async function localGroupsFor(app: FastifyInstance, request: FastifyRequest, area: string): Promise<Array<{ partnership: number; name: string; indicators: IndicatorDefinition[] }>> {
  if (request.actor.role === 'partner') return [];
  const partnerships = (await listPartnerships(app.db, request.actor)).filter((p) => p.areas.includes(area));
  return partnerships.map((p) => ({ partnership: p.id, name: p.name, indicators: [...app.engine.catalogue.localOf(p.id)] })).filter((g) => g.indicators.length > 0);
}

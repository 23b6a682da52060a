// The application plugin for a partnership's own measures: checks a local-measure file's rows
// against the stored measures (app.returnChecks), and brings the engine's catalogue up to date
// before each API request, so that a measure defined a moment ago is served without a restart.
import fp from 'fastify-plugin';
import { lockLocalMeasures } from '../strategy/locks';
import { localMeasureProblems } from './checks';
import { LocalCatalogueSync } from './catalogue';

export const LOCAL_MEASURE_RETURN = 'local-measure';

declare module 'fastify' {
  interface FastifyInstance {
    /** Reloads the partnerships' measures into app.engine's catalogue when they changed. */
    localMeasures: LocalCatalogueSync;
  }
}

export const localMeasuresPlugin = fp(
  async (app) => {
    const sync = new LocalCatalogueSync(app.db, app.engine.catalogue);
    app.decorate('localMeasures', sync);
    // Under the measures' lock: inside the store's transaction (which this joins) the lock holds
    // until the rows are committed, so a measure's arithmetic cannot change between this check
    // and its first figures, which would leave figures sent under the old definition.
    app.returnChecks.set(LOCAL_MEASURE_RETURN, (actor, rows) =>
      app.db.transaction(async () => {
        await lockLocalMeasures(app.db);
        return localMeasureProblems(app.db, actor, rows);
      }),
    );
    app.addHook('preHandler', async (request) => {
      if (request.url.startsWith('/api/')) await sync.sync();
    });
  },
  { name: 'local-measures' },
);

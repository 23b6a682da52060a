// The application plugin for a partnership's own measures: checks a local-measure file's rows
// against the stored measures (app.returnChecks), and brings the engine's catalogue up to date
// before each API request, so that a measure defined a moment ago is served without a restart.
import fp from 'fastify-plugin';
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
    app.returnChecks.set(LOCAL_MEASURE_RETURN, (actor, rows) => localMeasureProblems(app.db, actor, rows));
    app.addHook('preHandler', async (request) => {
      if (request.url.startsWith('/api/')) await sync.sync();
    });
  },
  { name: 'local-measures' },
);

// Worker thread entry for work on a large file (see isolation.ts). A plain .mjs file so that Node
// can start it without a TypeScript loader; it loads the TypeScript worker through tsx, which the
// server already runs under.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);

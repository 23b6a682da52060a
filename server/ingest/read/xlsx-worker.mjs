// Worker thread entry for reading a large workbook (see xlsx-isolated.ts). A plain .mjs file so
// that Node can start it without a TypeScript loader; it loads the TypeScript worker through
// tsx, which the server already runs under.
import { tsImport } from 'tsx/esm/api';

await tsImport('./xlsx-worker.ts', import.meta.url);

// The shared schemas (schemas/) build zod schemas when they load. Zod would then probe whether
// it may compile validators with `new Function`, which the app's Content-Security-Policy
// (script-src 'self', no 'unsafe-eval') refuses and reports as a violation. The web app never
// needs that speed-up, so it is turned off before any schema module loads: every web module
// that imports from schemas/ imports this module first.
import { config } from 'zod';

config({ jitless: true });

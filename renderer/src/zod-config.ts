/**
 * Runs before anything else in the renderer: zod's JIT would probe `new Function`, which the
 * strict CSP (no unsafe-eval, SEC-07) reports as a violation even though zod catches it.
 */
import { z } from 'zod';

z.config({ jitless: true });

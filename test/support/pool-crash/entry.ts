/** The worker pool, as the command's bundle holds it, with workers that crash where a contract asks (crash-first.ts). */
import './crash-first.js';
export { analyseAll } from '../../../server/src/cli/pool.js';

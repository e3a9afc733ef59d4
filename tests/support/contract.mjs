// The names the browser program shares with its scripts, from src/contract.rs by way of the
// copy that tests/contract.rs keeps current: the tests and the bench look for these.
import { readFileSync } from 'node:fs';

// Every shared name, by its constant's name in src/contract.rs.
const names = JSON.parse(readFileSync(new URL('./contract.json', import.meta.url), 'utf8'));

/** The attribute on a root whose parts are all live (or failed), on a part that is live, and
 * on a page, part or element whose wasm failed (set to "failed"). */
export const { HYDRATED, LIVE, WASM_STATE } = names;

/**
 * The fast read path: how a page of rows and what hangs below it (an assessment's indicator and page of evidence)
 * are read in one statement instead of one per level, and answered without a loader's promise per field.
 *
 * 1. Look ahead: the resolver of the list reads, from the operation, which nested lists and fields are asked of
 *    every node, in which window (`nestedPageWindow`, `nestedNodeFields`, `nodeFieldsOf`).
 * 2. One statement: the service selects only the columns those fields need (`propertiesForFields`) and builds
 *    each nested page as JSON in the database, beside its parent row; rows built so are read back into entities
 *    with the types a plain row has (`hydrateJson`).
 * 3. Kept on the row: what came with a row is attached to it (`attachPrefetched`), and the nested field's
 *    resolver answers from it (`prefetched`) before it would ask a loader.
 *
 * Whatever the look-ahead cannot vouch for (aliases with other windows, fields it does not know) falls back to
 * the loaders, which give the same answer in a few more statements. Modules import this file, not the ones
 * beside it.
 */
export { nestedNodeFields, nestedPageWindow, nodeFieldsOf } from './lookahead';
export { hydrateJson, propertiesForFields } from './json-rows';
export { attachPrefetched, prefetched } from './prefetch';

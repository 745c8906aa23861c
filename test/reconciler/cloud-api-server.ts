/** Kept for the tests that import it from here: the fake Cloud API lives in `test/cloud-api/`. */
export * from '../cloud-api/index.js';

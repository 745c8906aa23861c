/** The fake IONOS Cloud API for tests; see `server.ts`. */
export { FakeCloudApi, type Fault, type FakeCloudApiOptions, type RateLimit, type RecordedCall } from './server.js';
export { Servers, type FakeNic, type FakeServer, type NicSeed } from './compute.js';
export { Lans, type FakeLan, type LanOptions } from './network.js';
export { RequestBook, type FakeRequest, type Progress, type RequestState, type RequestTiming } from './requests.js';
export { accepted, error, ok, pageOf, renderCollection, renderElement, Router, type Answer, type Call, type CollectionSource, type Element, type Page } from './http.js';

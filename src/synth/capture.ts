/**
 * The hook through which `capi-ionos synth app.ts` receives the user's app instead of letting
 * `FleetApp.synth()` write it. Apart from ../fleet/fleet-app.ts so that the CLI can set it without
 * loading what `FleetApp.synth()` needs (the renderer and the CRD validators).
 */
import type { App } from 'cdk8s';

const CAPTURE = Symbol.for('cdk8s-capi-ionos.captureApp');

/** A hook that receives apps instead of letting them write (set by `capi-ionos`). */
export type Capture = (app: App) => void;

/** The hook set by {@link captureApps}, if any. */
export function currentCapture(): Capture | undefined {
  return (globalThis as unknown as Record<symbol, Capture | undefined>)[CAPTURE];
}

/**
 * Runs `body` with every `FleetApp.synth()` call handed to `capture` instead of writing files.
 * `capi-ionos synth app.ts` loads the user's app this way, then renders and writes it itself.
 * The hook lives on `globalThis` under a registered symbol so that it works even when the app
 * resolves another copy of this package.
 */
export async function captureApps<T>(capture: Capture, body: () => Promise<T>): Promise<T> {
  const holder = globalThis as unknown as Record<symbol, Capture | undefined>;
  const previous = holder[CAPTURE];
  holder[CAPTURE] = capture;
  try {
    return await body();
  } finally {
    holder[CAPTURE] = previous;
  }
}

/**
 * The part of `@hanazuki/node-jsonnet` 2.1 this project uses. The package ships its types at
 * `types/index.d.ts` but its `exports` map hides them from `moduleResolution: NodeNext`, so they
 * are restated here (same signatures).
 */
declare module '@hanazuki/node-jsonnet' {
  /** A value Jsonnet passes to a native callback. */
  export type JsonnetPrimitiveValue = null | boolean | number | string;

  /** What the binding throws for Jsonnet errors; `message` holds Jsonnet's full error text. */
  export class JsonnetError extends Error {}

  /** A Jsonnet VM; the setters return the VM. */
  export class Jsonnet {
    public static readonly version: string;
    public constructor();
    /**
     * Sets how much the heap must grow since the last garbage collection to start the next one.
     * The package's own types call it `maxGcGrowthTrigger`; the binding defines this name.
     */
    public setGcGrowthTrigger(value: number): this;
    public extString(key: string, value: string): this;
    public extCode(key: string, value: string): this;
    public tlaString(key: string, value: string): this;
    public tlaCode(key: string, value: string): this;
    /** Adds a library search path; paths added later take precedence. */
    public addJpath(path: string): this;
    /** Registers `std.native(name)`; `fun` gets primitives and may return any JSON value. */
    public nativeCallback(name: string, fun: (...args: JsonnetPrimitiveValue[]) => unknown, ...params: string[]): this;
    public evaluateFile(filename: string): Promise<string>;
    public evaluateSnippet(snippet: string, filename?: string): Promise<string>;
  }
}

/**
 * The writing half of a synthesis: rendered charts come in one at a time (./charts.ts); their
 * objects are validated against the CRDs and their files written into a staged directory
 * (./write.ts), so that each chart can be let go at once. At the end the outcome is ranked as
 * `render()` followed by `writeDirectory()` would rank it: construct problems, then validation
 * problems, then write errors; and on any error nothing is put in place.
 */
import { ProblemError } from '../problems.js';
import type { ChartsRendered, RenderedChart } from './charts.js';
import { topKustomization } from './kustomization.js';
import { validationSession, type ValidationStats } from './validate.js';
import { StagedDirectory, type WriteOptions } from './write.js';

/** What was written into the staged directory. */
export interface WrittenDirectory {
  /** Objects (files other than kustomizations). */
  readonly objects: number;
  /** Directories holding objects (an empty chart holds only its kustomization). */
  readonly dirs: number;
  /** What the schema validation checked. */
  readonly validation: ValidationStats;
}

/** Validates and stages the charts of one output directory. */
export class DirectoryOutput {
  private readonly staged: StagedDirectory;
  private readonly validation = validationSession();
  private objects = 0;
  private dirs = 0;
  /** The first failure of the validator itself (not a finding); validation stops there. */
  private validationError: unknown;
  /** The first failure to write; nothing more is written after it. */
  private writeError: unknown;

  public constructor(dir: string, options: WriteOptions) {
    this.staged = new StagedDirectory(dir, options);
  }

  /** Validates a chart's objects and writes its files. Failures are kept for {@link finish}. */
  public chart(chart: RenderedChart): void {
    this.objects += chart.objects.length;
    if (chart.objects.length > 0) this.dirs++;
    if (this.validationError === undefined) {
      try {
        for (const o of chart.objects) this.validation.add(o.object);
      } catch (error) {
        this.validationError = error ?? new Error(String(error));
      }
    }
    this.write(() => {
      for (const o of chart.objects) this.staged.write(o.file, o.content);
      this.staged.write(`${chart.dir}/kustomization.yaml`, chart.kustomization);
    });
  }

  /**
   * Writes the top `kustomization.yaml` and reports, once every chart of `rendered` is in.
   *
   * @throws ProblemError for the construct problems of `rendered`, else for validation
   *   problems; else the first error of validating or writing (call {@link discard} then)
   */
  public finish(rendered: ChartsRendered): WrittenDirectory {
    if (rendered.problems.length > 0) throw new ProblemError('construct', rendered.problems);
    if (this.validationError !== undefined) throw this.validationError;
    const validation = this.validation.finish();
    if (validation.problems.length > 0) throw new ProblemError('validation', validation.problems);
    this.write(() => this.staged.write('kustomization.yaml', topKustomization(rendered.dirs)));
    if (this.writeError !== undefined) throw this.writeError;
    return { objects: this.objects, dirs: this.dirs, validation: validation.stats };
  }

  /** Puts the staged directory in place of the old one. */
  public commit(): void {
    this.staged.commit();
  }

  /** Removes the staged directory; the old one stays as it was. */
  public discard(): void {
    this.staged.discard();
  }

  /** Runs a write unless one has failed already. */
  private write(action: () => void): void {
    if (this.writeError !== undefined) return;
    try {
      action();
    } catch (error) {
      this.writeError = error ?? new Error(String(error));
    }
  }
}

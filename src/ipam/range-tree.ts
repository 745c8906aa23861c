/**
 * A mutable set of addresses kept as disjoint, non-adjacent inclusive bigint intervals in a
 * balanced search tree (AVL, ordered by interval start).
 *
 * `ranges.ts` offers the same sets as immutable arrays, good for building a set once; this tree
 * is for a set that changes one address at a time: `first`, `has`, `add` and `remove` each cost
 * O(log n) in the number of intervals (plus O(log n) per interval an `add` or `remove` swallows).
 */
import type { Range, RangeSet } from './ranges.js';

interface Node {
  start: bigint;
  end: bigint;
  left: Node | null;
  right: Node | null;
  height: number;
}

function heightOf(node: Node | null): number {
  return node === null ? 0 : node.height;
}

function refresh(node: Node): void {
  node.height = 1 + Math.max(heightOf(node.left), heightOf(node.right));
}

function rotateRight(top: Node): Node {
  const pivot = top.left!;
  top.left = pivot.right;
  pivot.right = top;
  refresh(top);
  refresh(pivot);
  return pivot;
}

function rotateLeft(top: Node): Node {
  const pivot = top.right!;
  top.right = pivot.left;
  pivot.left = top;
  refresh(top);
  refresh(pivot);
  return pivot;
}

/** Restores the AVL balance at `node` after one insertion or deletion below it. */
function rebalance(node: Node): Node {
  refresh(node);
  const lean = heightOf(node.left) - heightOf(node.right);
  if (lean > 1) {
    if (heightOf(node.left!.left) < heightOf(node.left!.right)) node.left = rotateLeft(node.left!);
    return rotateRight(node);
  }
  if (lean < -1) {
    if (heightOf(node.right!.right) < heightOf(node.right!.left)) node.right = rotateRight(node.right!);
    return rotateLeft(node);
  }
  return node;
}

function insertNode(root: Node | null, node: Node): Node {
  if (root === null) return node;
  if (node.start < root.start) root.left = insertNode(root.left, node);
  else root.right = insertNode(root.right, node);
  return rebalance(root);
}

function withoutMin(root: Node): Node | null {
  if (root.left === null) return root.right;
  root.left = withoutMin(root.left);
  return rebalance(root);
}

function deleteNode(root: Node | null, start: bigint): Node | null {
  if (root === null) return null;
  if (start < root.start) {
    root.left = deleteNode(root.left, start);
  } else if (start > root.start) {
    root.right = deleteNode(root.right, start);
  } else {
    if (root.left === null) return root.right;
    if (root.right === null) return root.left;
    let successor = root.right;
    while (successor.left !== null) successor = successor.left;
    successor.right = withoutMin(root.right);
    successor.left = root.left;
    return rebalance(successor);
  }
  return rebalance(root);
}

function buildBalanced(set: RangeSet, from: number, to: number): Node | null {
  if (from > to) return null;
  const mid = (from + to) >> 1;
  const range = set[mid]!;
  const node: Node = {
    start: range.start,
    end: range.end,
    left: buildBalanced(set, from, mid - 1),
    right: buildBalanced(set, mid + 1, to),
    height: 1,
  };
  refresh(node);
  return node;
}

/** A mutable, normalised set of addresses (see the module comment). */
export class RangeTree {
  /** A tree holding a normalised set (sorted, disjoint, non-adjacent), built in O(n). */
  public static fromNormalized(set: RangeSet): RangeTree {
    const tree = new RangeTree();
    tree.root = buildBalanced(set, 0, set.length - 1);
    tree.intervals = set.length;
    return tree;
  }

  private root: Node | null = null;
  private intervals = 0;

  /** Number of intervals (not addresses) in the set. */
  public get intervalCount(): number {
    return this.intervals;
  }

  /** The lowest interval, or `undefined` when the set is empty. */
  public first(): Range | undefined {
    let node = this.root;
    if (node === null) return undefined;
    while (node.left !== null) node = node.left;
    return { start: node.start, end: node.end };
  }

  /** Whether the set holds `value`. */
  public has(value: bigint): boolean {
    const node = this.floor(value);
    return node !== null && node.end >= value;
  }

  /** Adds every address of `[start, end]`, merging with what touches it. */
  public add(start: bigint, end: bigint): void {
    let high = end;
    for (;;) {
      const node = this.floor(high + 1n);
      if (node === null || node.end + 1n < start) break;
      if (node.start <= start) {
        // The leftmost interval involved absorbs the rest; those right of it are gone already.
        if (node.end < high) node.end = high;
        return;
      }
      if (node.end > high) high = node.end;
      this.delete(node.start);
    }
    this.insert(start, high);
  }

  /** Removes every address of `[start, end]`. */
  public remove(start: bigint, end: bigint): void {
    for (;;) {
      const node = this.floor(end);
      if (node === null || node.end < start) return;
      if (node.start < start) {
        if (node.end > end) this.insert(end + 1n, node.end);
        node.end = start - 1n;
        return;
      }
      // Moving a start up within its own interval keeps the tree ordered.
      if (node.end > end) node.start = end + 1n;
      else this.delete(node.start);
    }
  }

  /** The set as a normalised array, in order. */
  public toArray(): Range[] {
    const out: Range[] = [];
    const visit = (node: Node | null): void => {
      if (node === null) return;
      visit(node.left);
      out.push({ start: node.start, end: node.end });
      visit(node.right);
    };
    visit(this.root);
    return out;
  }

  /** The interval with the greatest start <= value. */
  private floor(value: bigint): Node | null {
    let node = this.root;
    let best: Node | null = null;
    while (node !== null) {
      if (node.start <= value) {
        best = node;
        node = node.right;
      } else {
        node = node.left;
      }
    }
    return best;
  }

  private insert(start: bigint, end: bigint): void {
    this.root = insertNode(this.root, { start, end, left: null, right: null, height: 1 });
    this.intervals++;
  }

  private delete(start: bigint): void {
    this.root = deleteNode(this.root, start);
    this.intervals--;
  }
}

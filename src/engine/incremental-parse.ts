/**
 * Parsing that reuses work across versions of one document: the text is cut into
 * pieces (`chunkStarts`), each piece is parsed on its own and its tree kept by
 * its text, and the document's tree is assembled from the pieces with their
 * positions moved into place. After a small edit only the piece that changed is
 * parsed again. The assembled tree equals the tree of a whole-document parse
 * (tested on generated documents and random edits).
 */
import type { Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import { reportParser } from './markdown-syntax.js';
import { chunkStarts } from './chunks.js';

/** The parser every front end uses (the same plugins as `createProcessor`). */
export const parser = reportParser().freeze();

interface Shift {
  line: number;
  offset: number;
}

function shiftPoint(point: Point, shift: Shift): Point {
  return {
    line: point.line + shift.line,
    column: point.column,
    offset: point.offset === undefined ? undefined : point.offset + shift.offset,
  } as Point;
}

/** A frozen deep copy of a node with its positions (and its children's) moved by `shift`. */
function placed<T extends { position?: Position; children?: unknown[] }>(node: T, shift: Shift): T {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    const value = (node as Record<string, unknown>)[key];
    if (key === 'children' && Array.isArray(value)) copy[key] = Object.freeze(value.map((child) => placed(child as T, shift)));
    else if (key === 'position' && value) {
      const position = value as Position;
      copy[key] = Object.freeze({
        start: Object.freeze(shiftPoint(position.start, shift)),
        end: Object.freeze(shiftPoint(position.end, shift)),
      });
    } else if (key === 'data' && value && typeof value === 'object') copy[key] = deepFreeze(structuredClone(value));
    else if (Array.isArray(value)) copy[key] = Object.freeze([...value]);
    else copy[key] = value;
  }
  return Object.freeze(copy) as T;
}

function endPoint(text: string): Point {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: text.length - lineStart + 1, offset: text.length };
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export interface IncrementalParseStats {
  pieces: number;
  parsed: number;
}

/** Freeze a value and everything in it (a node's `data`; the trees handed out share nodes between parses). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/** A piece's parse (positions relative to the piece) and its copy placed at its latest position. */
interface Piece {
  nodes: RootContent[];
  placed?: { line: number; offset: number; nodes: RootContent[] };
}

/**
 * Parses successive versions of one document, reusing the trees of unchanged pieces.
 * A piece that is also where it was (the text before it unchanged) keeps its very
 * node objects, so caches keyed by node carry over; the nodes are frozen: the
 * trees are read-only.
 */
export class IncrementalParser {
  private cache = new Map<string, Piece>();
  /** Pieces in the latest parse and how many of them were parsed afresh. */
  stats: IncrementalParseStats = { pieces: 0, parsed: 0 };
  /** The latest text and its tree. */
  private latest?: { text: string; tree: Root };

  /**
   * The tree the latest `parse` gave if it was of this text, else a new parse: for work on
   * the same version that should share the lint's caches (the report model is kept per tree,
   * with the settings of the lint that built it). `parse` itself always gives a new root, so
   * that a relint with other settings (a referenced document changed) builds a new model.
   */
  latestTree(text: string): Root {
    return this.latest?.text === text ? this.latest.tree : this.parse(text);
  }

  parse(text: string): Root {
    const starts = chunkStarts(text);
    const next = new Map<string, Piece>();
    const children: RootContent[] = [];
    let parsed = 0;
    let line = 0;
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i]!;
      const end = starts[i + 1] ?? text.length;
      const source = text.slice(start, end);
      let piece = next.get(source) ?? this.cache.get(source);
      if (!piece) {
        piece = { nodes: (parser.parse(source) as Root).children };
        parsed++;
      }
      next.set(source, piece);
      if (!piece.placed || piece.placed.line !== line || piece.placed.offset !== start) {
        const shift = { line, offset: start };
        piece.placed = { line, offset: start, nodes: piece.nodes.map((node) => placed(node, shift)) };
      }
      for (const node of piece.placed.nodes) children.push(node);
      line += countLines(text, start, end);
    }
    this.cache = next;
    this.stats = { pieces: starts.length, parsed };
    const tree: Root = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) } };
    this.latest = { text, tree };
    return tree;
  }
}

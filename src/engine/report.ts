/**
 * The report model shared by all rules: front matter, report type, profile and
 * section outline. Built once per syntax tree and cached.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { EngineSettings, Point, Profile, ReportTypeSource } from './types.js';
import { readFrontMatter, stringList, stringValue, type FrontMatter } from './front-matter.js';
import { buildOutline, type Section } from './outline.js';
import { resolveProfiles } from './profiles.js';
import { inferReportType } from './report-type.js';
import { DEFAULT_SETTINGS } from './settings.js';

export interface Report {
  text: string;
  tree: Root;
  frontMatter: FrontMatter;
  type: string;
  typeSource: ReportTypeSource;
  typeConfidence: number;
  profile: Profile;
  profiles: Profile[];
  outline: Section[];
  settings: EngineSettings;
  /** The child's pseudonyms from settings and front matter `child:`. */
  childNames: string[];
  /** Outline sections that mean a profile section (by id). */
  sectionsFor(id: string): Section[];
  /** 1-based line/column of a 0-based offset. */
  toPoint(offset: number): Point;
}

const cache = new WeakMap<Root, Report>();

export function buildReport(tree: Root, text: string, settings: EngineSettings = DEFAULT_SETTINGS): Report {
  const frontMatter = readFrontMatter(tree);
  const profiles = resolveProfiles(settings.profiles);
  const guess = inferReportType(tree, profiles, {
    forced: settings.reportType,
    frontMatterType: stringValue(frontMatter.data['report-type'])?.toLowerCase(),
    frontMatterTitle: stringValue(frontMatter.data['title']),
    defaultType: settings.defaultReportType,
  });
  const profile = profiles.find((p) => p.id === guess.type)!;
  const outline = buildOutline(tree, text, profile);
  const place = location(text);
  const childNames = [...new Set([...settings.child, ...stringList(frontMatter.data['child'])])];
  return {
    text,
    tree,
    frontMatter,
    type: guess.type,
    typeSource: guess.source,
    typeConfidence: guess.confidence,
    profile,
    profiles,
    outline,
    settings,
    childNames,
    sectionsFor: (id) => outline.filter((s) => s.matches.includes(id)),
    toPoint(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      const point = place.toPoint(clamped);
      if (point) return { line: point.line, column: point.column, offset: clamped };
      const end = place.toPoint(text.length) ?? { line: 1, column: 1 };
      return { line: end.line, column: end.column, offset: text.length };
    },
  };
}

/** The report model for a tree, built on first use with the processor's settings. */
export function getReport(tree: Root, file: VFile, settings?: EngineSettings): Report {
  return reportOfTree(tree, String(file.value ?? ''), settings);
}

/** The report model of a tree of `text`, built once per tree (the lint's, when the tree was linted). */
export function reportOfTree(tree: Root, text: string, settings?: EngineSettings): Report {
  let report = cache.get(tree);
  if (!report || report.text !== text) {
    report = buildReport(tree, text, settings ?? DEFAULT_SETTINGS);
    cache.set(tree, report);
  }
  return report;
}

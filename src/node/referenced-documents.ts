/** Reading, from disk, the documents a report points at (an executive summary's `overview:`), for the rules that compare them. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { documentReferences, unreadableReason } from '../index.js';

export interface ReferencedDocuments {
  /** Texts by the path the rules look them up by (resolved against the report's path as given). */
  documents: Record<string, string>;
  /** Why a referenced document could not be read, by the same path. */
  documentErrors: Record<string, string>;
}

/**
 * The documents `text` (the report at `filePath`, as the rules see its path) refers to. Relative
 * paths are read from `cwd`. The CLI and the remark preset both read them here, so an executive
 * summary is compared with its overview report the same way in both.
 */
export function readReferencedDocuments(text: string, filePath: string | undefined, cwd = process.cwd()): ReferencedDocuments {
  const documents: Record<string, string> = {};
  const documentErrors: Record<string, string> = {};
  for (const path of documentReferences(text, filePath)) {
    try {
      documents[path] = readFileSync(resolve(cwd, path), 'utf8');
    } catch (error) {
      // Not readable: the rule says it could not compare, with the reason.
      documentErrors[path] = unreadableReason(error);
    }
  }
  return { documents, documentErrors };
}

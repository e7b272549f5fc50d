/**
 * “Case Review: New Report…”: a wizard in the quick input, one question a step
 * with the step counter and a Back button: the report type (built-in, plus the
 * board's own from the nearest `.casereviewrc`), the child's pseudonym (never
 * left empty, never taken from elsewhere), the agency for an IMR, the period
 * under review and the report date (checked as typed, written dd/MM/yyyy, the
 * end after the start), the author's independence; then a new Markdown document
 * from the report type's prompted template.
 *
 * The command takes an optional `NewReportArgs`: every answer given there is
 * not asked for (the tests, and other extensions, run it without any prompt by
 * passing `interactive: false`; the child is then required).
 */
import * as vscode from 'vscode';
import { type Profile, renderTemplate, resolveProfiles, type TemplateAnswers } from '../index.js';
import type { LintController } from './linter.js';
import { readSettings } from './linter.js';
import { combineConfig, configFromSettings } from '../models/settings.js';
import { periodProblem, readChildAnswer, readDateAnswer, type WizardStepId, wizardSteps } from '../models/report-answers.js';
import { type AnswerCheck, BACK, inputStep, pickStep, type StepResult } from './step-input.js';

export const NEW_REPORT_COMMAND = 'caseReview.newReport';

export interface NewReportArgs {
  reportType?: string;
  /** The child's pseudonym; several separated by commas. */
  child?: string | string[];
  agency?: string;
  periodStart?: string;
  periodEnd?: string;
  reportDate?: string;
  author?: string;
  independence?: string;
  /** Write the report to this file (refused when it exists); an untitled document otherwise. */
  file?: vscode.Uri | string;
  /** The folder whose `.casereviewrc` supplies the board's report types (default: the active file's, or the first workspace folder). */
  folder?: vscode.Uri | string;
  /** false: ask nothing, leave unanswered fields (but the child) to the template's placeholders. */
  interactive?: boolean;
  /** Called as each step is shown, with its quick input (the editor tests type and go back through it). */
  onDidShowStep?: (step: ShownStep) => void;
}

const asUri = (value: vscode.Uri | string | undefined): vscode.Uri | undefined =>
  value instanceof vscode.Uri
    ? value
    : typeof value === 'string' && value
      ? /^[a-z][\w+.-]*:/i.test(value)
        ? vscode.Uri.parse(value)
        : vscode.Uri.file(value)
      : undefined;

/** The report types offered: built-in profiles as changed or added by the applicable config. */
export async function profilesFor(controller: LintController, folder: vscode.Uri | undefined): Promise<Profile[]> {
  if (!folder) return resolveProfiles();
  const probe = vscode.Uri.joinPath(folder, 'new-report.md');
  const found = await controller.lookup.forDocument(probe);
  const config = combineConfig(configFromSettings(readSettings(probe)).config, found?.parsed.config, {});
  return resolveProfiles(config.profiles ?? {});
}

function defaultFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme !== 'untitled') return vscode.Uri.joinPath(active, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** A file name in `folder` (from `stem`, made safe) that no file has yet, e.g. `imr-child-d.md`, `imr-child-d-2.md`. */
async function freeName(folder: vscode.Uri, stem: string): Promise<vscode.Uri | undefined> {
  const dashed = stem.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  let from = 0;
  let to = dashed.length;
  while (from < to && dashed[from] === '-') from++;
  while (to > from && dashed[to - 1] === '-') to--;
  const safe = dashed.slice(from, to) || 'report';
  for (let n = 1; n < 100; n++) {
    const candidate = vscode.Uri.joinPath(folder, `${safe}${n === 1 ? '' : `-${n}`}.md`);
    const open = vscode.workspace.textDocuments.some((d) => d.uri.path === candidate.path);
    if (open) continue;
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
  return undefined;
}

/** The answers the wizard collects (each step reads and writes its own). */
interface Answers {
  profile?: Profile;
  child?: string;
  agency?: string;
  periodStart?: string;
  periodEnd?: string;
  reportDate?: string;
  independence?: string;
}

type TextStepId = Exclude<WizardStepId, 'reportType'>;

/** Each typed question: its title, prompt and example, and its check as typed. */
const QUESTIONS: Record<TextStepId, { title: string; prompt: string; placeholder: string; date?: boolean }> = {
  child: {
    title: 'The child’s pseudonym',
    prompt: 'The child under review, as the report names them (for brothers and sisters, separate the names with commas)',
    placeholder: 'for example Child D',
  },
  agency: {
    title: 'The agency',
    prompt: 'The agency whose involvement this management review covers (leave empty to write it later)',
    placeholder: 'for example Northshire Children’s Social Care',
  },
  periodStart: {
    title: 'Start of the period under review',
    prompt: 'The first date the review covers, day first (leave empty to write it later)',
    placeholder: 'DD/MM/YYYY, for example 01/03/2007 or 1 March 2007',
    date: true,
  },
  periodEnd: {
    title: 'End of the period under review',
    prompt: 'The last date the review covers, day first (leave empty to write it later)',
    placeholder: 'DD/MM/YYYY, for example 31/08/2008',
    date: true,
  },
  reportDate: {
    title: 'Date of the report',
    prompt: 'The date the report is dated, day first (leave empty to write it later)',
    placeholder: 'DD/MM/YYYY, for example 15/01/2009',
    date: true,
  },
  independence: {
    title: 'The author’s independence',
    prompt: 'How the author is independent of the case and its line management (leave empty to write it later)',
    placeholder: 'for example independent reviewer, no previous involvement with the family or the agencies',
  },
};

/** A shown step, for tests and scripts that drive the real quick input. */
export interface ShownStep {
  id: WizardStepId;
  step: number;
  totalSteps: number;
  input: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>;
  /** For a box: put text in it as if typed (its check runs). */
  type?: (value: string) => void;
}

/** The check of one typed answer, with the answers before it (the period's end must come after its start). */
function checkOf(id: TextStepId, answers: Answers): AnswerCheck | undefined {
  if (id === 'child') return childCheck;
  if (!QUESTIONS[id].date) return undefined;
  return (value) => {
    const answer = readDateAnswer(value);
    if (answer.kind === 'empty') return undefined;
    if (answer.kind === 'error') return { error: answer.message };
    const problem =
      id === 'periodEnd'
        ? periodProblem(answers.periodStart, answer.date)
        : id === 'periodStart'
          ? periodProblem(answer.date, answers.periodEnd)
          : undefined;
    return problem ? { error: problem } : { note: `Will be written as ${answer.date}.` };
  };
}

/** The child's answer: an empty one is refused (the wizard never picks a pseudonym for the author). */
const childCheck: AnswerCheck = (value) => {
  const answer = readChildAnswer(value);
  return 'error' in answer ? { error: answer.error } : undefined;
};

/** Ask the questions in turn, with a way back; resolves to the answers, or undefined when the author closed the wizard. */
async function askAll(
  profiles: Profile[],
  given: Answers,
  givenSteps: ReadonlySet<WizardStepId>,
  onDidShowStep?: (step: ShownStep) => void,
): Promise<Answers | undefined> {
  const answers: Answers = { ...given };
  const builtIn = new Set(resolveProfiles().map((p) => p.id));
  const typeItems = profiles.map((p) => ({
    label: p.title,
    description: builtIn.has(p.id) ? p.id : `${p.id} · board`,
    detail: `${p.sections.length} sections`,
    profile: p,
  }));
  let index = 0;
  for (;;) {
    const steps = wizardSteps(answers.profile?.id, givenSteps);
    if (index >= steps.length) {
      // An agency typed for an IMR before going back to choose another type is not kept.
      if (!steps.includes('agency') && !givenSteps.has('agency')) answers.agency = undefined;
      return answers;
    }
    const id = steps[index]!;
    const frame = { step: index + 1, totalSteps: steps.length };
    let result: StepResult<unknown>;
    if (id === 'reportType') {
      const picked = await pickStep({
        ...frame,
        title: 'New report: the report type',
        placeholder: 'Choose the kind of report to write',
        items: typeItems,
        active: typeItems.find((item) => item.profile === answers.profile),
        onDidShow: (input) => onDidShowStep?.({ id, ...frame, input }),
      });
      if (picked && picked !== BACK) answers.profile = picked.profile;
      result = picked;
    } else {
      const question = QUESTIONS[id];
      const typed = await inputStep({
        ...frame,
        title: `New report: ${question.title.charAt(0).toLowerCase()}${question.title.slice(1)}`,
        prompt: question.prompt,
        placeholder: question.placeholder,
        value: answers[id] ?? '',
        check: checkOf(id, answers),
        onDidShow: (input, type) => onDidShowStep?.({ id, ...frame, input, type }),
      });
      if (typeof typed === 'string') {
        const value = typed.trim();
        if (question.date) {
          const answer = readDateAnswer(value);
          answers[id] = answer.kind === 'date' ? answer.date : undefined;
        } else answers[id] = value || undefined;
      }
      result = typed;
    }
    if (result === undefined) return undefined;
    index = result === BACK ? Math.max(0, index - 1) : index + 1;
  }
}

/** A date given to the command: written as the report writes dates, or null (with the problem shown) when it cannot be used. */
function givenDate(value: string | undefined, label: string): string | undefined | null {
  if (value === undefined) return undefined;
  const answer = readDateAnswer(value);
  if (answer.kind === 'error') {
    void vscode.window.showErrorMessage(`Case Review: the ${label} cannot be used. ${answer.message}`);
    return null;
  }
  return answer.kind === 'date' ? answer.date : undefined;
}

/** Run the command: resolves to the new document, or undefined when the author cancelled. */
export async function newReport(controller: LintController, args: NewReportArgs = {}): Promise<vscode.TextDocument | undefined> {
  const interactive = args.interactive !== false;
  const folder = asUri(args.folder) ?? defaultFolder();
  const profiles = await profilesFor(controller, folder);
  const givenProfile = args.reportType ? profiles.find((p) => p.id === args.reportType) : undefined;
  if (args.reportType && !givenProfile) {
    void vscode.window.showErrorMessage(
      `Case Review: there is no report type “${args.reportType}”. Choose one of: ${profiles.map((p) => p.id).join(', ')}.`,
    );
    return undefined;
  }

  // What was given beforehand is not asked; dates given are checked as if typed.
  const childGiven = Array.isArray(args.child) ? args.child.join(', ') : args.child;
  const given: Answers = {
    profile: givenProfile,
    child: childGiven?.trim() || undefined,
    agency: args.agency,
    independence: args.independence,
  };
  const periodStart = givenDate(args.periodStart, 'start of the period under review');
  const periodEnd = givenDate(args.periodEnd, 'end of the period under review');
  const reportDate = givenDate(args.reportDate, 'report date');
  if (periodStart === null || periodEnd === null || reportDate === null) return undefined;
  Object.assign(given, { periodStart, periodEnd, reportDate });
  const period = periodProblem(periodStart, periodEnd);
  if (period) {
    void vscode.window.showErrorMessage(`Case Review: ${period}`);
    return undefined;
  }
  const givenSteps = new Set<WizardStepId>();
  if (givenProfile) givenSteps.add('reportType');
  if (given.child) givenSteps.add('child');
  for (const key of ['agency', 'periodStart', 'periodEnd', 'reportDate', 'independence'] as const)
    if (args[key] !== undefined) givenSteps.add(key);

  let answers: Answers | undefined = given;
  if (interactive) answers = await askAll(profiles, given, givenSteps, args.onDidShowStep);
  else {
    answers.profile ??= profiles.find((p) => p.id === 'overview') ?? profiles[0];
    if (!answers.child) {
      void vscode.window.showErrorMessage('Case Review: a new report needs the child’s pseudonym, such as “Child D”. Give it as `child`.');
      return undefined;
    }
  }
  if (!answers?.profile || !answers.child) return undefined;
  const profile = answers.profile;
  const child = answers.child;

  const templateAnswers: TemplateAnswers = {
    child: child
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
    agency: answers.agency,
    periodStart: answers.periodStart,
    periodEnd: answers.periodEnd,
    reportDate: answers.reportDate,
    author: args.author,
    independence: answers.independence,
  };
  const content = renderTemplate(profile, templateAnswers);
  const file = asUri(args.file);
  let document: vscode.TextDocument;
  if (file) {
    try {
      await vscode.workspace.fs.stat(file);
      void vscode.window.showErrorMessage(`Case Review: ${vscode.workspace.asRelativePath(file, false)} already exists.`);
      return undefined;
    } catch {
      // does not exist: good
    }
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(content));
    document = await vscode.workspace.openTextDocument(file);
  } else {
    // Untitled, but placed in the folder it will be saved to, so that the folder's .casereviewrc applies at once.
    const place = folder && (await freeName(folder, `${profile.id}-${child.split(',')[0]!.trim()}`));
    document = place
      ? await vscode.workspace.openTextDocument(place.with({ scheme: 'untitled' }))
      : await vscode.workspace.openTextDocument({ language: 'markdown', content });
    if (place) await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  }
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  // A placed untitled document starts empty; one that takes the name of one just closed can come back with that one's backed-up text.
  if (!file && document.getText() !== content) {
    await editor.edit((b) => b.replace(new vscode.Range(0, 0, document.lineCount, 0), content));
  }
  return document;
}

export function registerNewReport(context: vscode.ExtensionContext, controller: LintController): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_REPORT_COMMAND, (args?: NewReportArgs | vscode.Uri) =>
      newReport(controller, args instanceof vscode.Uri ? { folder: args } : args && typeof args === 'object' ? args : {}),
    ),
  );
}

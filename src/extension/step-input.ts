/**
 * One step of a multi-step question in VS Code's quick input: a box to type in
 * or a list to pick from, with the step counter (“2/6”), a Back button from the
 * second step on, and a check of the answer as it is typed. Resolves to the
 * answer, to `BACK`, or to undefined when the author closed it (Escape).
 */
import * as vscode from 'vscode';

export const BACK = Symbol('back');
export type StepResult<T> = T | typeof BACK | undefined;

export interface StepFrame {
  title: string;
  step: number;
  totalSteps: number;
}

/** A check of the typed text: an error blocks the answer; a note (how the answer will be written) does not. */
export type AnswerCheck = (value: string) => { error: string } | { note: string } | undefined;

export interface InputStep extends StepFrame {
  value: string;
  prompt: string;
  placeholder?: string;
  check?: AnswerCheck;
  /**
   * Called once the box is shown, with the box and a function that puts text in it as
   * if typed (setting `value` from an extension does not fire `onDidChangeValue`).
   */
  onDidShow?: (input: vscode.InputBox, type: (value: string) => void) => void;
}

function validation(check: AnswerCheck | undefined, value: string): vscode.InputBoxValidationMessage | undefined {
  const result = check?.(value);
  if (!result) return undefined;
  return 'error' in result
    ? { message: result.error, severity: vscode.InputBoxValidationSeverity.Error }
    : { message: result.note, severity: vscode.InputBoxValidationSeverity.Info };
}

/** Ask for text. */
export function inputStep(options: InputStep): Promise<StepResult<string>> {
  const input = vscode.window.createInputBox();
  input.title = options.title;
  input.step = options.step;
  input.totalSteps = options.totalSteps;
  input.value = options.value;
  input.prompt = options.prompt;
  input.placeholder = options.placeholder;
  input.ignoreFocusOut = true;
  input.buttons = options.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  input.validationMessage = options.value ? validation(options.check, options.value) : undefined;
  return new Promise<StepResult<string>>((resolve) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (result: StepResult<string>) => {
      for (const s of subscriptions) s.dispose();
      resolve(result);
      input.dispose();
    };
    const typed = (value: string) => {
      input.validationMessage = validation(options.check, value);
    };
    subscriptions.push(
      input.onDidChangeValue(typed),
      input.onDidAccept(() => {
        const message = validation(options.check, input.value);
        input.validationMessage = message;
        if (message?.severity === vscode.InputBoxValidationSeverity.Error) return;
        finish(input.value);
      }),
      input.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) finish(BACK);
      }),
      input.onDidHide(() => finish(undefined)),
    );
    input.show();
    options.onDidShow?.(input, (value) => {
      input.value = value;
      typed(value);
    });
  });
}

export interface PickStep<T extends vscode.QuickPickItem> extends StepFrame {
  items: readonly T[];
  placeholder: string;
  /** The item to start on (the answer given before going back). */
  active?: T;
  onDidShow?: (pick: vscode.QuickPick<T>) => void;
}

/** Ask for one item of a list. */
export function pickStep<T extends vscode.QuickPickItem>(options: PickStep<T>): Promise<StepResult<T>> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = options.title;
  pick.step = options.step;
  pick.totalSteps = options.totalSteps;
  pick.placeholder = options.placeholder;
  pick.items = options.items;
  if (options.active) pick.activeItems = [options.active];
  pick.ignoreFocusOut = true;
  pick.buttons = options.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  return new Promise<StepResult<T>>((resolve) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (result: StepResult<T>) => {
      for (const s of subscriptions) s.dispose();
      resolve(result);
      pick.dispose();
    };
    subscriptions.push(
      pick.onDidAccept(() => {
        const [chosen] = pick.selectedItems.length > 0 ? pick.selectedItems : pick.activeItems;
        if (chosen) finish(chosen);
      }),
      pick.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) finish(BACK);
      }),
      pick.onDidHide(() => finish(undefined)),
    );
    pick.show();
    options.onDidShow?.(pick);
  });
}

/**
 * What `ogonek eval-report` measures: the tasks (DESIGN.md section 5), the languages, and which system
 * applies where. Kept apart from the running and the rendering so both read the same plan.
 */
import { LANGUAGES, type LanguageCode } from '../shared/types.ts';
import type { SystemName } from './systems/index.ts';
import type { EvalTask } from './tasks.ts';

/** One table of the report. */
export interface ReportTask {
  id: string;
  task: EvalTask;
  /** Typo probability (typos tasks). */
  p?: number;
  title: string;
}

/** The tables of models/EVAL.md, in order. */
export const REPORT_TASKS: readonly ReportTask[] = [
  { id: 'diacritics', task: 'diacritics', title: 'Diacritics restoration (input: gold with all diacritics stripped)' },
  { id: 'typos-0.02', task: 'typos', p: 0.02, title: 'Diacritics + typos, p = 0.02 (stripped, then keyboard typos)' },
  { id: 'typos-0.05', task: 'typos', p: 0.05, title: 'Diacritics + typos, p = 0.05' },
  { id: 'clean', task: 'clean', title: 'Clean text (gold in, gold expected: damage check)' },
  { id: 'partial', task: 'partial', title: 'Typed with some diacritics (each word of the gold stripped with probability 1/2)' },
  { id: 'typed-typos-0.02', task: 'typed-typos', p: 0.02,
    title: 'Typed with diacritics, with typos, p = 0.02 (keyboard typos on the gold, its diacritics kept)' },
];

/** The 13 languages of the ByT5 diacritics paper (lt plus Náplava et al.'s 12). */
export const PAPER_LANGUAGES: readonly LanguageCode[] = [
  'lt',
  'lv',
  'cs',
  'sk',
  'pl',
  'hr',
  'ro',
  'hu',
  'fr',
  'es',
  'ga',
  'tr',
  'vi',
];

/** Seed of the typo noise in the report (line i uses seed + i). */
export const REPORT_SEED = 1;

/**
 * Languages of a task's table: English has no diacritics, so it is only a control for typos and clean text (its
 * typed-typos input is its typos input).
 */
export function languagesFor(task: ReportTask): LanguageCode[] {
  return LANGUAGES.filter((lang) => lang !== 'en' || (task.task !== 'diacritics' && task.task !== 'partial'
    && task.task !== 'typed-typos'));
}

/**
 * Whether `system` runs on `task`. The spell checker is a typo baseline (and on clean text a damage check);
 * on stripped-only text it mostly proposes unrelated one-edit words, at minutes per language.
 */
export function systemApplies(system: SystemName, task: ReportTask): boolean {
  return system !== 'spell' || (task.task !== 'diacritics' && task.task !== 'partial');
}

/** Looks up a report task by id. */
export function reportTask(id: string): ReportTask | undefined {
  return REPORT_TASKS.find((task) => task.id === id);
}

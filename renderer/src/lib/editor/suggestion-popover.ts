/**
 * The popover of a suggestion: opens on hover, and for keyboard users whenever the cursor sits in a
 * suggestion (F8 selects the next one). Accept / Dismiss / Ignore are real buttons: Mod-. moves focus
 * into the popover, Tab walks its buttons, Escape returns to the text (a second Escape hides it).
 */
import { Facet, StateEffect, StateField, type EditorState } from '@codemirror/state';
import { EditorView, hoverTooltip, showTooltip, type Tooltip, type TooltipView } from '@codemirror/view';
import { ignoredWord } from '../../../../electron/shared/ignored-words.ts';
import { acceptSuggestion, dismiss } from './suggestion-commands.ts';
import { suggestionAt, suggestionField, suggestionsOf, type LiveSuggestion } from './suggestion-state.ts';

/** What the popover's buttons call outside the editor. */
export interface PopoverConfig {
  onIgnore(word: string): void;
  /** Shortcut hint shown under the buttons, e.g. "Alt+Enter". */
  acceptKey: string;
}

export const popoverConfig = Facet.define<PopoverConfig, PopoverConfig>({
  combine: (values) => values[0] ?? { onIgnore: () => {}, acceptKey: 'Alt+Enter' },
});

/** Hide the cursor popover of this suggestion until the cursor leaves it. */
export const hidePopover = StateEffect.define<number>();

const KIND_LABEL = { diacritics: 'Diacritics', spelling: 'Spelling' } as const;
/** Why the engine suggests it, after the kind: "Spelling · likely typo". */
const SOURCE_LABEL = { lexicon: 'dictionary spelling', typo: 'likely typo', model: 'written by the model' } as const;

function button(label: string, action: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.dataset.action = action;
  // Keep the editor's selection (and so this popover) while the mouse presses the button.
  element.addEventListener('mousedown', (event) => event.preventDefault());
  element.addEventListener('click', onClick);
  return element;
}

function popoverView(view: EditorView, item: LiveSuggestion): TooltipView {
  const config = view.state.facet(popoverConfig);
  const dom = document.createElement('div');
  dom.className = `cm-suggestion-popover cm-suggestion-popover-${item.kind}`;
  dom.setAttribute('role', 'dialog');
  dom.setAttribute('aria-label', `${KIND_LABEL[item.kind]} suggestion`);
  dom.dataset.suggestionId = String(item.id);

  const kind = document.createElement('div');
  kind.className = 'cm-suggestion-kind';
  kind.textContent = `${KIND_LABEL[item.kind]} · ${SOURCE_LABEL[item.source]}`;
  const change = document.createElement('div');
  change.className = 'cm-suggestion-change';
  const original = document.createElement('del');
  original.textContent = item.original;
  const replacement = document.createElement('ins');
  replacement.textContent = item.replacement;
  change.append(original, ' → ', replacement);

  const actions = document.createElement('div');
  actions.className = 'cm-suggestion-actions';
  const back = () => view.focus();
  actions.append(
    button('Accept', 'accept', () => {
      acceptSuggestion(view, item.id);
      back();
    }),
    button('Dismiss', 'dismiss', () => {
      dismiss(view, item.id);
      back();
    }),
    button(`Ignore “${ignoredWord(item.original)}”`, 'ignore', () => {
      config.onIgnore(ignoredWord(item.original));
      back();
    }),
  );
  const hint = document.createElement('div');
  hint.className = 'cm-suggestion-hint';
  hint.textContent = `${config.acceptKey} accepts · Esc returns`;
  dom.append(kind, change, actions, hint);
  dom.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    back();
  });
  return { dom };
}

function cursorTooltip(state: EditorState, hidden: number | null): Tooltip | null {
  const item = suggestionAt(state, state.selection.main.head);
  if (!item || item.id === hidden) return null;
  return { pos: item.from, end: item.to, above: false, create: (view) => popoverView(view, item) };
}

interface CursorPopover {
  tooltip: Tooltip | null;
  id: number | null;
  hidden: number | null;
}

/** The keyboard popover: follows the cursor; rebuilt only when the suggestion under the cursor changes. */
const cursorPopover = StateField.define<CursorPopover>({
  create: (state) => {
    const tooltip = cursorTooltip(state, null);
    return { tooltip, id: suggestionAt(state, state.selection.main.head)?.id ?? null, hidden: null };
  },
  update(value, tr) {
    let hidden = value.hidden;
    for (const effect of tr.effects) if (effect.is(hidePopover)) hidden = effect.value;
    const item = suggestionAt(tr.state, tr.state.selection.main.head);
    if (item?.id !== hidden) hidden = null;
    const id = item?.id ?? null;
    if (id === value.id && hidden === value.hidden && !tr.docChanged) return value;
    return { tooltip: cursorTooltip(tr.state, hidden), id, hidden };
  },
  provide: (field) => showTooltip.from(field, (value) => value.tooltip),
});

const hoverPopover = hoverTooltip((view, pos) => {
  const item = suggestionsOf(view.state).find((s) => s.from <= pos && pos < s.to);
  if (!item || view.state.field(cursorPopover).tooltip && view.state.field(cursorPopover).id === item.id) return null;
  return { pos: item.from, end: item.to, above: false, create: (v) => popoverView(v, item) };
}, { hideOnChange: true, hoverTime: 250 });

/** Moves keyboard focus into the open popover (Mod-.). */
export function focusPopover(view: EditorView): boolean {
  const id = view.state.field(cursorPopover).id;
  if (id === null) return false;
  const first = view.dom.querySelector<HTMLButtonElement>(`.cm-suggestion-popover[data-suggestion-id="${id}"] button`);
  first?.focus();
  return first !== null;
}

/** Hides the keyboard popover (Escape in the text). */
export function closePopover(view: EditorView): boolean {
  const { id, tooltip } = view.state.field(cursorPopover);
  if (id === null || tooltip === null) return false;
  view.dispatch({ effects: hidePopover.of(id) });
  return true;
}

/** The popover extensions; needs suggestionField. */
export function suggestionPopover(config: PopoverConfig) {
  return [popoverConfig.of(config), suggestionField, cursorPopover, hoverPopover];
}

/**
 * Per-unit results keyed by (model version, language, unit text), so that typing re-runs only the sentence
 * being edited. Least recently used entries go first.
 */
import type { Suggestion } from '../shared/types.ts';

/** Suggestions of one unit, spans relative to the unit's start. */
export type UnitSuggestions = readonly Suggestion[];

/** A bounded LRU map from (model, language, text) to a unit's suggestions. */
export class ResultCache {
  private readonly map = new Map<string, UnitSuggestions>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 20_000) {}

  private static key(model: string, language: string, text: string): string {
    return `${model}\u0000${language}\u0000${text}`;
  }

  get(model: string, language: string, text: string): UnitSuggestions | undefined {
    const key = ResultCache.key(model, language, text);
    const value = this.map.get(key);
    if (value === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.map.delete(key); // re-insert: Map order is the recency order
    this.map.set(key, value);
    return value;
  }

  set(model: string, language: string, text: string, value: UnitSuggestions): void {
    const key = ResultCache.key(model, language, text);
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}

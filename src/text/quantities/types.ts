// Quantity extraction: the public result types, Quantity and QuantityKind (re-exported by index.ts).

export type QuantityKind = 'money' | 'share' | 'percent' | 'count' | 'date' | 'quantity';

export interface Quantity {
  /** The exact substring of the input it was read from. */
  text: string;
  /** Normalised value: 5 مليار → 5000000000; ثلثي → 0.6667; 40% → 40; a date → its year. */
  value: number;
  /** ISO 4217 for money; 'ratio' for shares; 'percent'; 'year' for a bare year; 'date' for a date; '' otherwise. */
  unit: string;
  kind: QuantityKind;
  /** Bounds of a range ("hundreds of millions"); value = low. */
  low?: number;
  high?: number;
  /** 'YYYY-MM-DD' for a date with day, month and year. */
  date?: string;
}

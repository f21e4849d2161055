/**
 * How a unit reads after a number, in each language, for texts that carry the unit as a symbol (an evaluation's
 * indicator unit, a report cell). Presentation only: conversion, validation and import always take the catalogue
 * as an argument. The services register every catalogue they read (the bundled units at start, a database's own
 * units when loaded), so 亿元 reads "100 million yuan" in English wherever it is printed; a symbol never registered
 * is printed as written.
 */
import { normaliseUnitText } from './parse';
import type { Unit } from './units';

const labels = new Map<string, { zh: string; en: string }>();

/** Registers the labels of these units (the latest registration of a symbol wins: names may be improved). */
export function registerUnitLabels(units: readonly Unit[]): void {
  for (const u of units) {
    const label = { zh: u.code, en: u.enShort };
    for (const t of [u.code, ...u.aliases]) labels.set(normaliseUnitText(t), label);
  }
}

/**
 * The labels of a unit text: the registered unit's symbol and English short form, else the text as written
 * (formatting never converts, so repeating the source's own unit is faithful, whereas dropping it would hide it).
 */
export function unitLabels(text: string): { zh: string; en: string } {
  return labels.get(normaliseUnitText(text)) ?? { zh: text.trim(), en: text.trim() };
}

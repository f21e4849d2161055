/**
 * Maps a file's header row to our fields: known headers (Chinese template, English working headers) map by
 * themselves; an explicit mapping ({ "列名": "value" }) overrides. A required field with no column is an error for
 * the whole file; an unknown column is reported and ignored, never guessed.
 */
import { FIELDS, fieldForHeader, REQUIRED_FIELDS, TEMPLATE_HEADERS, type Field } from '../../domain/observation/fields';

export interface ColumnMapping {
  /** Column index (0-based) of each mapped field. */
  columns: Partial<Record<Field, number>>;
  /** Header text of each mapped field, for error messages. */
  headers: Partial<Record<Field, string>>;
  ignored: string[];
  errors: string[];
}

export function mapHeader(header: readonly string[], explicit: Readonly<Record<string, string>> = {}): ColumnMapping {
  const mapping: ColumnMapping = { columns: {}, headers: {}, ignored: [], errors: [] };
  const isField = (f: string): f is Field => (FIELDS as readonly string[]).includes(f);
  header.forEach((raw, index) => {
    const name = raw.replace(/^\uFEFF/, '').trim();
    if (name === '') return;
    // Own keys only: a column called "constructor" must not find Object.prototype.constructor.
    const wanted = Object.hasOwn(explicit, name) ? explicit[name] : undefined;
    let field: Field | null;
    if (wanted !== undefined) {
      if (!isField(wanted)) {
        mapping.errors.push(`mapping for column "${name}": unknown field "${wanted}" (fields: ${FIELDS.join(', ')})`);
        return;
      }
      field = wanted;
    } else field = fieldForHeader(name);
    if (field === null) {
      mapping.ignored.push(name);
      return;
    }
    const prior = mapping.headers[field];
    if (prior !== undefined) {
      mapping.errors.push(`columns "${prior}" and "${name}" both give ${field} (${TEMPLATE_HEADERS[field]}): keep one, or map one explicitly`);
      return;
    }
    mapping.columns[field] = index;
    mapping.headers[field] = name;
  });
  for (const f of REQUIRED_FIELDS) {
    if (mapping.columns[f] === undefined) mapping.errors.push(`no column for ${f} (${TEMPLATE_HEADERS[f]}): add one, or map a column to it`);
  }
  return mapping;
}

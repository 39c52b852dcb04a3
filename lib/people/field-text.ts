/**
 * A field value as the text a person reads: locations joined, dropdowns by their text, dates as
 * ISO dates, numbers grouped, people and organizations by name where known. Never markup.
 */
import type { Field, FieldValueType, FieldValueValue, Location, RankedDropdown } from '../affinity/types';

export interface NameLookup {
  personName(id: number): string | null;
  organizationName(id: number): string | null;
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const isLocation = (v: object): v is Location =>
  'city' in v || 'country' in v || 'state' in v || 'streetAddress' in v || 'continent' in v;
const isRankedDropdown = (v: object): v is RankedDropdown => 'text' in v;

/** "2021-10-04T08:54:24.694-04:00" -> "2021-10-04": the calendar date as written, no time-zone shift. */
export function isoDate(value: string): string {
  const written = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (written?.[1]) return written[1];
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? value.trim() : new Date(parsed).toISOString().slice(0, 10);
}

export function locationText(location: Location): string {
  const parts = [location.streetAddress, location.city, location.state, location.country];
  // The continent only helps when nothing finer is known.
  if (!location.country) parts.push(location.continent);
  return parts
    .map((p) => p?.trim())
    .filter((p): p is string => !!p)
    .filter((p, i, all) => all.indexOf(p) === i)
    .join(', ');
}

/** The text of one value, or null when there is nothing to show. */
export function fieldValueText(
  value: FieldValueValue,
  valueType: FieldValueType | null,
  names: NameLookup,
): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') {
    if (isRankedDropdown(value)) return value.text.trim() || null;
    if (isLocation(value)) return locationText(value) || null;
    return null;
  }
  if (typeof value === 'number') {
    if (valueType === 0) return names.personName(value) ?? `Person #${value}`;
    if (valueType === 1) return names.organizationName(value) ?? `Organization #${value}`;
    if (valueType === 4) return new Date(value).toISOString().slice(0, 10);
    return numberFormat.format(value);
  }
  const text = value.trim();
  if (text === '') return null;
  if (valueType === 4) return isoDate(text);
  if (valueType === 3 && text !== '' && Number.isFinite(Number(text)))
    return numberFormat.format(Number(text));
  return text;
}

export const UNNAMED_FIELD = 'Unnamed field';

export function fieldLabel(field: Field | undefined): string {
  return field?.name.trim() || UNNAMED_FIELD;
}

import type { RecordBase, RecordKind, RecordOf } from '@fazhi/domain';
import { dateTime, addDays } from './calendar.js';
import type { NanshaOrgs } from './orgs.js';
import type { Rng } from './random.js';
import type { Staff } from './staff.js';

type RequiredKey<K extends RecordKind> = Extract<K['fields'][number], { required: true }>['key'];

/** A record as generators write it: required fields must be there, optional ones may be left out. */
export type Draft<K extends RecordKind> = RecordBase & Pick<RecordOf<K>, RequiredKey<K> & keyof RecordOf<K>> & Partial<RecordOf<K>>;

export interface GenContext {
  orgs: NanshaOrgs;
  staff: Staff;
  /** The independent random stream of one area; named so areas never disturb each other. */
  rng: (label: string) => Rng;
}

/** Id, org and a live (not deleted) state. */
export function base(rng: Rng, orgId: string): RecordBase {
  return { id: rng.uuid(), orgId, deletedAt: null };
}

/** A soft-delete time a few days after `date`, during office hours. */
export function deletedAfter(rng: Rng, date: string, days = rng.int(1, 20)): string {
  return dateTime(addDays(date, days), rng.int(9 * 60, 17 * 60 + 30), rng.int(0, 59));
}

/** Two-digit and four-digit zero padding for document numbers. */
export const seq = (n: number, width = 4) => String(n).padStart(width, '0');

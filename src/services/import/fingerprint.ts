/** A figure's fingerprint: SHA-256 of what identifies it (domain/observation/key.ts); one figure, one fingerprint. */
import { hash } from 'node:crypto';
import { observationKey } from '../../domain/observation/key';
import type { ObservationDraft } from '../../domain/observation/row';

// One-shot hashing (Node ≥ 20.12) costs a third of a createHash object per row, and import hashes every row.
export const fingerprintOf = (d: ObservationDraft): string => hash('sha256', observationKey(d), 'hex');

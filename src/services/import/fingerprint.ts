/** A figure's fingerprint: SHA-256 of what identifies it (domain/observation/key.ts); one figure, one fingerprint. */
import { createHash } from 'node:crypto';
import { observationKey } from '../../domain/observation/key';
import type { ObservationDraft } from '../../domain/observation/row';

export const fingerprintOf = (d: ObservationDraft): string => createHash('sha256').update(observationKey(d)).digest('hex');

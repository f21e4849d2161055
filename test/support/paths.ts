import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const bundledPlan = path.join(root, 'plans/shenzhen-services-14th-fyp.yaml');
export const regionsDir = path.join(root, 'regions');
export const plansDir = path.join(root, 'plans');
export const fixture = (...p: string[]) => path.join(root, 'test/fixtures', ...p);

import type { Role } from '../../../shared/roles.ts';

export const ROLE_LABELS: Record<Role, string> = { analyst: 'Analyst', viewer: 'Viewer' };

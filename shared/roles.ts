/**
 * Who a signed-in person is to StatRoom. Accounts arrive in a later issue; until then a development
 * sign-in picks a name and one of these roles.
 */
export const Role = {
  analyst: 'analyst',
  viewer: 'viewer',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role) as [Role, ...Role[]];

export interface Principal {
  /** Stable id of the person (for the development sign-in: derived from the name). */
  id: string;
  name: string;
  role: Role;
}

/** What a connection may do with one document. `null` means it may not see it at all. */
export const Permission = {
  write: 'write',
  read: 'read',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

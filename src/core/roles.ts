export const ROLES = ['viewer', 'checker', 'editor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may do what (DESIGN §5). Routes name one of these sets. */
export const can = {
  read: ROLES,
  write: ['checker', 'editor', 'admin'],
  edit: ['editor', 'admin'],
  audit: ['auditor', 'admin'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** The identity behind a request: the API key and the workspace it belongs to. */
export interface Actor {
  /** null when claimtrack itself acts (first start, demo data). */
  keyId: string | null;
  name: string;
  role: Role;
  workspaceId: string;
}

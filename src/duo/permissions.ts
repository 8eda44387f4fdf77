/**
 * Which Admin API permission each endpoint needs, in the words of the Duo Admin Panel
 * (Applications → the Admin API application → Permissions). Used to tell a Duo admin
 * exactly what to grant when Duo answers 403.
 */
const PERMISSION_BY_PATH_PREFIX: Array<[string, string]> = [
  ['/admin/v1/settings', 'Grant settings'],
  ['/admin/v1/info', 'Grant read information'],
  ['/admin/v1/admins', 'Grant administrators'],
  ['/admin/v1/integrations', 'Grant applications'],
  ['/admin/v3/integrations', 'Grant applications'],
];

export const READ_RESOURCE_PERMISSION = 'Grant read resource';

export function permissionForPath(path: string): string {
  const match = PERMISSION_BY_PATH_PREFIX.find(([prefix]) =>
    path.startsWith(prefix),
  );
  return match ? match[1] : READ_RESOURCE_PERMISSION;
}

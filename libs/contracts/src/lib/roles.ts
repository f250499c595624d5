export const ROLES = ['learner', 'trainer', 'hr', 'sysadmin'] as const;
export type Role = (typeof ROLES)[number];

/** Whether a person works on digital transformation (chuyển đổi số), and how. */
export const DX_ROLES = ['full_time', 'part_time', 'none'] as const;
export type DxRole = (typeof DX_ROLES)[number];

/** The review statuses, in workflow order. Zod-free, so the renderer can import the list without the schema. */
export const STATUSES = ['new', 'in-review', 'checked', 'approved', 'flagged', 'spiked'] as const;
export type Status = (typeof STATUSES)[number];

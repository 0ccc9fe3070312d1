import type { Status } from '../../electron/core/statuses';

const LABEL: Record<Status, string> = {
  new: 'New', 'in-review': 'In review', checked: 'Checked', approved: 'Approved', flagged: 'Flagged', spiked: 'Spiked',
};

export const statusLabel = (s: Status): string => LABEL[s];

export function StatusBadge({ status }: { status: Status }) {
  return <span className={`badge status-${status}`}>{LABEL[status]}</span>;
}

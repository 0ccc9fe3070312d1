import type { DeskNotice } from '../core/store/desk-store.js';

export interface NoticeMessage {
  type: 'info' | 'warning';
  message: string;
  detail: string;
}

/**
 * What an editor must be told after opening the desk. "created" is not news (first-run seeds show it), but a
 * recovered desk means the last change may be missing, and they should know before trusting the list.
 */
export function noticeMessage(notices: readonly DeskNotice[]): NoticeMessage | null {
  const shown = notices.filter((n) => n.code !== 'created');
  if (shown.length === 0) return null;
  const recovered = shown.some((n) => n.code === 'recovered' || n.code === 'damaged');
  return {
    type: recovered ? 'warning' : 'info',
    message: recovered ? 'Copydesk repaired the desk when opening it' : 'Copydesk updated the desk to a newer format',
    detail: shown.map((n) => n.message).join('\n'),
  };
}

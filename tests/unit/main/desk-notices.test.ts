import { describe, expect, it } from 'vitest';
import { noticeMessage } from '../../../electron/main/desk-notices.js';

describe('noticeMessage', () => {
  it('stays quiet for a new desk', () => {
    expect(noticeMessage([])).toBeNull();
    expect(noticeMessage([{ code: 'created', message: 'created a new desk' }])).toBeNull();
  });

  it('warns about a recovered desk and mentions every notice', () => {
    const msg = noticeMessage([
      { code: 'migrated', message: 'migrated from v1' },
      { code: 'recovered', message: 'desk.json was damaged; opened the backup' },
    ]);
    expect(msg?.type).toBe('warning');
    expect(msg?.detail).toBe('migrated from v1\ndesk.json was damaged; opened the backup');
    expect(noticeMessage([{ code: 'migrated', message: 'migrated from v1' }])?.type).toBe('info');
  });
});

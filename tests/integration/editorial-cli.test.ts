import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../support/temp-dir.js';
import { type CliRun, runCli } from './run-cli.js';

/** Set for every run, so each revision must be signed with it (the desk has no settings file yet). */
const EDITOR = 'Vitest Editor Ø';
const ENV = { COPYDESK_EDITOR: EDITOR };
const HEADLINE_1 = 'Putin, North Korea’s Kim in phone call ahead of Alaska summit';
const NEW_HEADLINE = 'Putin and Kim speak by phone before Alaska summit';
const UNKNOWN = 'ffffffffffffffff';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ENTRY_KEYS = ['after', 'at', 'before', 'editor', 'field', 'id', 'reason'];
const SHOW_KEYS = [
  'byline', 'caption', 'correctionNotice', 'credit', 'dateline', 'datelineText', 'headline', 'highlights', 'id', 'importedAt',
  'modifiedAt', 'notes', 'original', 'paragraphs', 'source', 'status', 'tags', 'updated', 'warnings',
];

const tmp = tempDirs('copydesk-editorial-');
afterAll(tmp.cleanup);

interface Desk {
  db: string;
  /** The two seed articles' ids, in import order. */
  ids: [string, string];
  run: (...args: string[]) => Promise<CliRun>;
  json: (...args: string[]) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A new desk with the bundled seeds imported, and runners that always pass its --db and the editor. */
async function freshDesk(): Promise<Desk> {
  const db = await tmp.make();
  const run = (...args: string[]) => runCli([...args, '--db', db], ENV);
  const json = async (...args: string[]) => {
    const r = await run(...args, '--json');
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };
  expect(await json('import', 'seeds')).toMatchObject({ imported: 2, failed: 0 });
  const rows = await json('list');
  return { db, ids: [rows[0].id, rows[1].id], run, json };
}

/** Asserts a run succeeded quietly and printed exactly this one line. */
function printed(r: CliRun, line: string): void {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(`${line}\n`);
}

describe('correct, undo, redo and history', () => {
  it('corrects the headline, keeps the original, and undoes and redoes it, all in history', async () => {
    const { ids, run, json } = await freshDesk();
    const id = ids[0].slice(0, 6); // every command takes a unique prefix
    const t0 = Date.now();

    printed(await run('correct', id, '--field', 'headline', '--text', NEW_HEADLINE, '--reason', 'shorter, names both'), `headline corrected (r1) by ${EDITOR}`);
    const t1 = Date.now();
    const shown = await json('show', id);
    expect(Object.keys(shown).sort()).toEqual(SHOW_KEYS);
    expect(shown.headline).toBe(NEW_HEADLINE);
    expect(shown.original.headline).toBe(HEADLINE_1);
    expect(shown).toMatchObject({ id: ids[0], correctionNotice: null, notes: null, status: 'new', tags: [] });
    expect((await json('list'))[0].headline).toBe(NEW_HEADLINE);

    const history = await json('history', id);
    expect(history).toHaveLength(1);
    expect(Object.keys(history[0]).sort()).toEqual(ENTRY_KEYS);
    expect(history[0]).toEqual({ id: 'r1', field: 'headline', before: HEADLINE_1, after: NEW_HEADLINE, reason: 'shorter, names both', editor: EDITOR, at: expect.stringMatching(ISO) });
    const at = Date.parse(history[0].at);
    expect(at).toBeGreaterThanOrEqual(t0 - 1000);
    expect(at).toBeLessThanOrEqual(t1 + 1000);

    // The same text again is no change and no revision.
    printed(await run('correct', id, '--field', 'headline', '--text', `  ${NEW_HEADLINE} `), 'headline unchanged');

    printed(await run('undo', id), `headline correction r1 undone (r2) by ${EDITOR}`);
    expect((await json('show', id)).headline).toBe(HEADLINE_1);
    printed(await run('redo', id), `headline correction r1 redone (r3) by ${EDITOR}`);
    expect((await json('show', id)).headline).toBe(NEW_HEADLINE);

    const after = await json('history', id);
    expect(after.map((e: object) => Object.keys(e).sort())).toEqual([ENTRY_KEYS, ENTRY_KEYS, ENTRY_KEYS]);
    expect(after.slice(1)).toEqual([
      { id: 'r2', field: 'headline', before: NEW_HEADLINE, after: HEADLINE_1, reason: 'undo r1', editor: EDITOR, at: expect.stringMatching(ISO) },
      { id: 'r3', field: 'headline', before: HEADLINE_1, after: NEW_HEADLINE, reason: 'redo r1', editor: EDITOR, at: expect.stringMatching(ISO) },
    ]);
    expect(Date.parse(after[2].at)).toBeGreaterThanOrEqual(Date.parse(after[0].at));

    const table = await run('history', id);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^rev\s+at \(UTC\)\s+editor\s+field\s+change\s+reason$/);
    expect(lines[1]).toMatch(new RegExp(`^r1\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\s+${EDITOR}\\s+headline\\s+"Putin, North Korea’s Kim in pho…" → "Putin and Kim speak by phone be…"\\s+shorter, names both$`));
    expect(lines[3]).toMatch(/^r3\s.*\sheadline\s.*\sredo r1$/);
  });

  it('numbers paragraphs and highlights from 1, and puts the notice and notes in show', async () => {
    const { ids, run, json } = await freshDesk();
    const before = await json('show', ids[1]);
    printed(await run('correct', ids[1], '--field', 'paragraph:1', '--text', 'First paragraph, corrected.'), `paragraph:1 corrected (r1) by ${EDITOR}`);
    printed(await run('correct', ids[1], '--field', 'highlight:2', '--text', 'Second highlight, corrected.'), `highlight:2 corrected (r2) by ${EDITOR}`);
    printed(await run('correct', ids[1], '--field', 'correctionNotice', '--text', 'An earlier version misquoted a Taliban spokesman.'), `correctionNotice corrected (r3) by ${EDITOR}`);
    printed(await run('correct', ids[1], '--field', 'notes', '--text', 'Call the Kabul stringer.'), `notes corrected (r4) by ${EDITOR}`);

    const a = await json('show', ids[1]);
    expect(a.paragraphs).toEqual(['First paragraph, corrected.', ...before.paragraphs.slice(1)]);
    expect(a.highlights).toEqual([before.highlights[0], 'Second highlight, corrected.']);
    expect(a.original.paragraphs).toEqual(before.paragraphs);
    expect(a.correctionNotice).toBe('An earlier version misquoted a Taliban spokesman.');
    expect(a.notes).toBe('Call the Kabul stringer.');

    const human = await run('show', ids[1]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('\nKABUL: First paragraph, corrected.\n');
    expect(human.stdout).toContain('\nCorrection: An earlier version misquoted a Taliban spokesman.\n');
    expect(human.stdout).toContain('\nNote (internal): Call the Kabul stringer.\n');
    // Unset, they are not printed at all.
    expect((await run('show', ids[0])).stdout).not.toMatch(/Correction:|Note \(internal\):/);
  });

  it('signs changes with the editor from settings, which overrides COPYDESK_EDITOR', async () => {
    const { ids, run, json } = await freshDesk();
    expect(await json('settings')).toMatchObject({ editorName: EDITOR, organizationName: '' });
    printed(await run('settings', '--editor', ' Desk Chief ', '--organization', 'Example News'), 'settings saved: editor Desk Chief, organization Example News');
    expect(await json('settings')).toMatchObject({ editorName: 'Desk Chief', organizationName: 'Example News' });
    printed(await run('correct', ids[0], '--field', 'credit', '--text', 'AFP'), 'credit corrected (r1) by Desk Chief');
    expect((await json('history', ids[0]))[0]).toMatchObject({ field: 'credit', before: 'REUTERS', after: 'AFP', editor: 'Desk Chief' });

    const human = await run('settings');
    expect(human.stdout).toBe('editor:       Desk Chief\norganization: Example News\nverdicts:     unverified, true (5), mostly-true (4), misleading (2), false (1), unproven (3)\n');
    const empty = await run('settings', '--editor', '  ');
    expect(empty.code).toBe(2);
    expect(empty.stderr.split('\n')[0]).toBe('copydesk settings: --editor is empty: give the name that signs changes');
    expect((await json('settings')).editorName).toBe('Desk Chief');
  });
});

describe('status and tags', () => {
  it('show in list, show and history; tags fold case, keep the first spelling, and can be removed', async () => {
    const { ids, run, json } = await freshDesk();
    const id = ids[0].slice(0, 5);

    printed(await run('status', id, 'in-review', '--note', 'check the call date'), 'status → in-review');
    printed(await run('status', id, 'in-review'), 'status unchanged (in-review)');
    expect((await json('list')).map((r: { status: string }) => r.status)).toEqual(['in-review', 'new']);

    printed(await run('tag', id, 'russia', 'North-Korea'), 'tags: russia, North-Korea');
    printed(await run('tag', id, 'Russia', ' north-korea '), 'tags unchanged: russia, North-Korea');
    expect((await json('show', id)).tags).toEqual(['russia', 'North-Korea']);
    printed(await run('tag', id, 'NORTH-KOREA', '--remove'), 'tags: russia');
    printed(await run('tag', id, 'alaska', '--remove'), 'tags unchanged: russia');

    const rows = await json('list');
    expect(rows[0]).toMatchObject({ status: 'in-review', tags: ['russia'] });
    expect(rows[1]).toMatchObject({ status: 'new', tags: [] });
    const shown = await run('show', id);
    expect(shown.stdout).toContain(`\nid ${ids[0]} · in-review · tags: russia\n`);

    const history = await json('history', id);
    expect(history.map(({ id: r, field, before, after, reason, editor }: Record<string, unknown>) => ({ r, field, before, after, reason, editor }))).toEqual([
      { r: 'r1', field: 'status', before: 'new', after: 'in-review', reason: 'check the call date', editor: EDITOR },
      { r: 'r2', field: 'tags', before: [], after: ['russia', 'North-Korea'], reason: null, editor: EDITOR },
      { r: 'r3', field: 'tags', before: ['russia', 'North-Korea'], after: ['russia'], reason: null, editor: EDITOR },
    ]);

    // Undo walks back tag and status changes too.
    printed(await run('undo', id), `tag change r3 undone (r4) by ${EDITOR}`);
    expect((await json('show', id)).tags).toEqual(['russia', 'North-Korea']);
  });

  it('reports a change as JSON with the revision and the article', async () => {
    const { ids, json } = await freshDesk();
    const out = await json('status', ids[1], 'flagged');
    expect(Object.keys(out)).toEqual(['id', 'changed', 'revision', 'article']);
    expect(out).toMatchObject({ id: ids[1], changed: true, revision: { id: 'r1', field: 'status', before: 'new', after: 'flagged', editor: EDITOR }, article: { status: 'flagged' } });
    expect(Object.keys(out.revision).sort()).toEqual(ENTRY_KEYS);
    expect(Object.keys(out.article).sort()).toEqual(SHOW_KEYS);
    expect(await json('status', ids[1], 'flagged')).toMatchObject({ changed: false, revision: null, article: { status: 'flagged' } });
  });

  it('refuses a tag over 64 characters or empty, and adds none of the batch', async () => {
    const { ids, run, json } = await freshDesk();
    const long = await run('tag', ids[0], 'ok', 'x'.repeat(65));
    expect(long.code).toBe(2);
    expect(long.stdout).toBe('');
    expect(long.stderr.split('\n')[0]).toBe(`copydesk tag: tag "${'x'.repeat(20)}…" is longer than 64 characters`);
    for (const empty of ['', '   ']) {
      const r = await run('tag', ids[0], 'ok', empty);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe('copydesk tag: a tag cannot be empty');
    }
    expect((await json('show', ids[0])).tags).toEqual([]);
    printed(await run('tag', ids[0], 'y'.repeat(64)), `tags: ${'y'.repeat(64)}`);
  });
});

describe('re-import', () => {
  it('keeps tags, status and corrections when the seeds are imported again', async () => {
    const { ids, run, json } = await freshDesk();
    printed(await run('correct', ids[0], '--field', 'headline', '--text', NEW_HEADLINE), `headline corrected (r1) by ${EDITOR}`);
    printed(await run('status', ids[0], 'checked'), 'status → checked');
    printed(await run('tag', ids[0], 'Alaska summit'), 'tags: Alaska summit');
    printed(await run('tag', ids[1], 'border'), 'tags: border');

    expect(await json('import', 'seeds/')).toMatchObject({ imported: 0, updated: 0, unchanged: 2, failed: 0 });

    const rows = await json('list');
    expect(rows.map(({ headline, status, tags }: Record<string, unknown>) => ({ headline, status, tags }))).toEqual([
      { headline: NEW_HEADLINE, status: 'checked', tags: ['Alaska summit'] },
      { headline: 'Pakistan, Afghanistan exchange heavy fire along border, officials say', status: 'new', tags: ['border'] },
    ]);
    const a = await json('show', ids[0]);
    expect(a).toMatchObject({ headline: NEW_HEADLINE, status: 'checked', tags: ['Alaska summit'], original: { headline: HEADLINE_1 } });
    expect((await json('history', ids[0])).map((e: { field: string }) => e.field)).toEqual(['headline', 'status', 'tags']);
  });
});

describe('mistakes', () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await freshDesk();
  });

  /** `@1` stands for the first article's id, `@2` for the second's. */
  const expand = (args: string[]) => args.map((a) => (a === '@1' ? desk.ids[0] : a === '@2' ? desk.ids[1] : a));
  const FIELDS = 'headline, caption, credit, byline, dateline, updated, highlight:N, paragraph:N (N from 1), correctionNotice or notes';

  it.each([
    // Refused by the desk: exit 1.
    [['correct', '@1', '--field', 'paragraph:99', '--text', 'x'], 1, 'copydesk correct: paragraph:99 does not exist: the article has 8 paragraphs'],
    [['correct', '@2', '--field', 'highlight:3', '--text', 'x'], 1, 'copydesk correct: highlight:3 does not exist: the article has 2 highlights'],
    [['undo', '@1'], 1, 'copydesk undo: nothing to undo'],
    [['redo', '@1'], 1, 'copydesk redo: nothing to redo'],
    [['status', UNKNOWN, 'checked'], 1, `copydesk status: no article with id ${UNKNOWN}`],
    [['tag', UNKNOWN, 'x'], 1, `copydesk tag: no article with id ${UNKNOWN}`],
    [['correct', UNKNOWN, '--field', 'headline', '--text', 'x'], 1, `copydesk correct: no article with id ${UNKNOWN}`],
    [['undo', UNKNOWN], 1, `copydesk undo: no article with id ${UNKNOWN}`],
    [['redo', UNKNOWN], 1, `copydesk redo: no article with id ${UNKNOWN}`],
    [['history', UNKNOWN], 1, `copydesk history: no article with id ${UNKNOWN}`],
    // Wrong on its face: exit 2, before the desk is touched.
    [['correct', '@1', '--field', 'body', '--text', 'x'], 2, `copydesk correct: cannot correct field "body": use ${FIELDS}`],
    [['correct', '@1', '--field', 'paragraph:0', '--text', 'x'], 2, `copydesk correct: cannot correct field "paragraph:0": use ${FIELDS}`],
    [['correct', '@1', '--field', 'datelineText', '--text', 'x'], 2, `copydesk correct: cannot correct field "datelineText": use ${FIELDS}`],
    [['correct', '@1', '--field', 'headline', '--text', ''], 2, 'copydesk correct: the new text for headline is empty'],
    [['correct', '@1', '--field', 'paragraph:2', '--text', ' \t '], 2, 'copydesk correct: the new text for paragraph:2 is empty'],
    [['correct', '@1', '--text', 'x'], 2, `copydesk correct: correct needs --field: ${FIELDS}`],
    [['correct', '@1', '--field', 'headline'], 2, 'copydesk correct: correct needs --text with the corrected text'],
    [['correct', '--field', 'headline', '--text', 'x'], 2, 'copydesk correct: correct takes exactly one article id'],
    [['status', '@1', 'published'], 2, 'copydesk status: unknown status "published": use one of new, in-review, checked, approved, flagged, spiked'],
    [['status', '@1'], 2, 'copydesk status: status takes an article id and a status'],
    [['tag', '@1'], 2, 'copydesk tag: tag takes an article id and at least one tag'],
    [['undo'], 2, 'copydesk undo: undo takes exactly one article id'],
    [['history', '@1', '@2'], 2, 'copydesk history: history takes exactly one article id'],
    [['settings', 'extra'], 2, 'copydesk settings: settings takes no arguments (got "extra")'],
    [['status', '@1', 'checked', '--bogus'], 2, "copydesk status: Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--bogus\""],
  ])('%j exits %i: %s', async (args, code, line) => {
    const r = await desk.run(...expand(args));
    expect(r.stdout).toBe('');
    expect(r.code).toBe(code);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(line);
    expect(lines.slice(1)).toEqual(code === 2 ? [`Run "copydesk ${args[0]} --help" for usage.`] : []);
  });

  it('changed nothing on the desk', async () => {
    for (const id of desk.ids) expect(await desk.json('history', id)).toEqual([]);
    expect((await desk.json('list')).map((r: { status: string }) => r.status)).toEqual(['new', 'new']);
  });

  it.each([['status'], ['tag'], ['correct'], ['undo'], ['redo'], ['history'], ['settings']])('%s --help prints its usage', async (cmd) => {
    const r = await runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: copydesk ${cmd} `));
  });

  it('lists the editorial commands in the main usage', async () => {
    const r = await runCli(['--help']);
    for (const cmd of ['status', 'tag', 'correct', 'undo', 'redo', 'history', 'settings']) expect(r.stdout).toMatch(new RegExp(`^  ${cmd} `, 'm'));
  });
});

import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LaunchFileQueue, openablePathsFromArgv } from '../../../electron/main/launch-files.js';

describe('openablePathsFromArgv', () => {
  const cwd = resolve('/work/desk');

  it('takes seed files and bundle archives, resolved against the caller’s folder, once each', () => {
    const argv = ['dist/electron/main.js', '--no-sandbox', '--flag=a.txt', 'story.txt', resolve('/tmp/WIRE.TXT'), 'story.txt', 'notes.md', 'desk.cdbundle', 'b.ZIP', 'x.cdbundle.part'];
    expect(openablePathsFromArgv(argv, cwd)).toEqual([join(cwd, 'story.txt'), resolve('/tmp/WIRE.TXT'), join(cwd, 'desk.cdbundle'), join(cwd, 'b.ZIP')]);
  });

  it('finds nothing in an ordinary launch', () => {
    expect(openablePathsFromArgv(['.', '--inspect=9229', '--enable-logging'], cwd)).toEqual([]);
  });
});

describe('LaunchFileQueue', () => {
  it('holds files until the desk is ready, then passes them straight through', () => {
    const q = new LaunchFileQueue();
    q.add(['/a.txt']);
    q.add(['/a.txt', '/b.txt']);
    q.add([]);
    const sink = vi.fn();
    q.drainTo(sink);
    expect(sink.mock.calls).toEqual([[['/a.txt', '/b.txt']]]);
    q.add(['/c.txt']);
    expect(sink).toHaveBeenLastCalledWith(['/c.txt']);
  });

  it('delivers nothing when nothing arrived', () => {
    const sink = vi.fn();
    new LaunchFileQueue().drainTo(sink);
    expect(sink).not.toHaveBeenCalled();
  });
});

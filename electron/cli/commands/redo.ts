import type { Io } from '../io.js';
import { stepCommand, usageOf } from '../undo-redo.js';

export const redoUsage = usageOf('redo');

export const redoCommand = (argv: string[], io: Io): Promise<number> => stepCommand('redo', argv, io);

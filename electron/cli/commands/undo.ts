import type { Io } from '../io.js';
import { stepCommand, usageOf } from '../undo-redo.js';

export const undoUsage = usageOf('undo');

export const undoCommand = (argv: string[], io: Io): Promise<number> => stepCommand('undo', argv, io);

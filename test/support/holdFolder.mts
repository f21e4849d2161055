// Opens an embedded database folder and holds it until killed: a stand-in for a long command (an import) that a
// server starting meanwhile must not open the folder under. Usage: node --import tsx holdFolder.mts DIR
import { openDatabase } from '../../src/db/client';

const dir = process.argv[2];
if (!dir) throw new Error('usage: holdFolder.mts DIR');
await openDatabase({ driver: 'pglite', dataDir: dir }, { command: 'plan-monitor import long.csv' });
console.log('holding');
setInterval(() => {}, 60_000);

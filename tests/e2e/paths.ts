import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One folder per checkout, so runs in two worktrees on one machine do not delete each other's databases.
const checkout = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 8);
export const E2E_ROOT = join(tmpdir(), `overdue-desk-e2e-${checkout}`);
export const TEMPLATE_DIR = join(E2E_ROOT, 'template');
export const UI_DIR = join(process.cwd(), 'dist', 'renderer');

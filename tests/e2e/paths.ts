import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const E2E_ROOT = join(tmpdir(), 'overdue-desk-e2e');
export const TEMPLATE_DIR = join(E2E_ROOT, 'template');
export const UI_DIR = join(process.cwd(), 'dist', 'renderer');

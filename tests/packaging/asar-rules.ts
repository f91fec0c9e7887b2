// What app.asar must and must not hold, as a pure check over its file list (paths as @electron/asar lists them:
// "/out/main/index.js"). Shared by the real pack test and by the tests of the rules themselves.

/** Files the packaged app cannot start or show its icon without. */
export const REQUIRED_FILES = [
  '/package.json',
  '/out/main/index.js',
  '/out/preload/index.cjs',
  '/dist/renderer/index.html',
  '/assets/icon.png',
  '/assets/icon.svg',
] as const;

/** What must never be shipped: sources, tests, the server, dev tooling, source maps, dependencies. */
export const FORBIDDEN: readonly { name: string; test: (file: string) => boolean }[] = [
  { name: 'the sync server (server/)', test: (f) => f.startsWith('/server/') },
  { name: 'shared/ sources', test: (f) => f.startsWith('/shared/') },
  { name: 'electron/ sources', test: (f) => f.startsWith('/electron/') },
  { name: 'renderer/ sources', test: (f) => f.startsWith('/renderer/') },
  { name: 'tests', test: (f) => f.startsWith('/tests/') || /\.(test|spec)\.[cm]?[jt]sx?$/.test(f) },
  {
    name: 'scripts, bench, docs',
    test: (f) => /^\/(scripts|bench|docs|\.ci|\.desk|\.tmp|release)\//.test(f),
  },
  { name: 'TypeScript sources', test: (f) => /\.(ts|tsx|mts|cts)$/.test(f) },
  { name: 'source maps', test: (f) => f.endsWith('.map') },
  { name: 'node_modules (everything main needs is bundled)', test: (f) => f.startsWith('/node_modules/') },
  { name: 'node_modules/fastify', test: (f) => f.includes('/node_modules/fastify/') },
  { name: 'node_modules/@electric-sql', test: (f) => f.includes('/node_modules/@electric-sql/') },
  { name: 'node_modules/typescript', test: (f) => f.includes('/node_modules/typescript/') },
  {
    name: 'project configuration and lock files',
    test: (f) =>
      /^\/(package-lock\.json|tsconfig[^/]*\.json|vite\.config\.ts|vitest\.config\.ts|eslint\.config\.js|electron-builder\.yml|playwright\.config\.ts|\.env[^/]*)$/.test(
        f,
      ),
  },
];

/** Every problem with an archive's file list; empty when it is right. */
export function asarProblems(files: readonly string[]): string[] {
  const present = new Set(files);
  const problems = REQUIRED_FILES.filter((file) => !present.has(file)).map((file) => `missing ${file}`);
  for (const rule of FORBIDDEN) {
    const hits = files.filter((file) => rule.test(file));
    if (hits.length > 0) {
      const sample = hits.slice(0, 3).join(', ');
      problems.push(`contains ${rule.name}: ${hits.length} file(s), e.g. ${sample}`);
    }
  }
  return problems;
}

/**
 * The modules a built main-process file loads: `import … from "x"`, `import("x")` and `require("x")`. Relative
 * specifiers are the bundle's own chunks.
 */
export function importedModules(source: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\bimport\s+(?:[\w$*{}\s,]+?\s+from\s+)?["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(match[1]!);
  return [...found].sort();
}

/** Node's built-in modules (with or without `node:`), as far as a bundle of this app can ask for them. */
export function isBuiltinOrElectron(specifier: string, builtins: readonly string[]): boolean {
  if (specifier === 'electron' || specifier.startsWith('./') || specifier.startsWith('../')) return true;
  const name = specifier.replace(/^node:/, '');
  return builtins.includes(name) || builtins.includes(name.split('/')[0]!);
}

// The ranking code the naive page runs (bundled by baselines.ts as window.BenchRanking): the desk's own rankOpen
// and filterRanked, so that the baseline differs from the desk only in how it stores and re-reads the cases.
export { rankOpen } from '../renderer/data/ranking';
export { filterRanked } from '../renderer/data/worklist-filter';

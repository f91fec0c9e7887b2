import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryFileStore, createRecordingLog, FakeEmitter } from './test-fakes';
import {
  createWindowStateKeeper,
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  MIN_HEIGHT,
  MIN_WIDTH,
  parseWindowState,
  type Rectangle,
  type TrackedWindow,
} from './window-state';

const FULL_HD: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT_4K: Rectangle = { x: 1920, y: -200, width: 3840, height: 2120 };

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1500,"height":950,"maximized":true}')).toEqual({
      x: 10,
      y: 20,
      width: 1500,
      height: 950,
      maximized: true,
    });
  });

  it.each([
    ['missing file', null],
    ['empty', ''],
    ['not JSON', '{"x":1,'],
    ['wrong types', '{"x":"10","y":20,"width":1500,"height":950,"maximized":false}'],
    ['no size', '{"x":10,"y":20,"maximized":false}'],
    ['zero width', '{"width":0,"height":900,"maximized":false}'],
    ['fractional', '{"width":1440.5,"height":900,"maximized":false}'],
    ['absurd position', '{"x":1e12,"y":0,"width":1440,"height":900,"maximized":false}'],
    ['array', '[]'],
    ['null', 'null'],
  ])('%s gives the defaults', (_name, text) => {
    expect(parseWindowState(text)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('drops a position that has only one coordinate', () => {
    expect(parseWindowState('{"x":10,"width":1500,"height":950,"maximized":false}')).toEqual({
      width: 1500,
      height: 950,
      maximized: false,
    });
  });

  it('defaults to 1440x900, not maximized', () => {
    expect(DEFAULT_WINDOW_STATE).toEqual({ width: 1440, height: 900, maximized: false });
    expect([MIN_WIDTH, MIN_HEIGHT]).toEqual([1024, 680]);
  });
});

describe('fitToDisplays', () => {
  it('centres a state without position on the primary display', () => {
    expect(fitToDisplays(DEFAULT_WINDOW_STATE, [FULL_HD, RIGHT_4K])).toEqual({
      x: 240,
      y: 70,
      width: 1440,
      height: 900,
      maximized: false,
    });
  });

  it('keeps a position that is on a display', () => {
    const state = { x: 2500, y: 100, width: 1600, height: 1000, maximized: true };
    expect(fitToDisplays(state, [FULL_HD, RIGHT_4K])).toEqual(state);
  });

  it('moves a window hanging off the edge fully onto its display', () => {
    expect(fitToDisplays({ x: 1200, y: 500, width: 1440, height: 900, maximized: false }, [FULL_HD])).toEqual(
      {
        x: 480,
        y: 140,
        width: 1440,
        height: 900,
        maximized: false,
      },
    );
  });

  it('re-centres on the primary when the saved display is gone', () => {
    const onUnpluggedMonitor = { x: 3000, y: 300, width: 1440, height: 900, maximized: false };
    expect(fitToDisplays(onUnpluggedMonitor, [FULL_HD])).toEqual({ ...DEFAULT_WINDOW_STATE, x: 240, y: 70 });
  });

  it('re-centres when only a sliver would be visible', () => {
    const sliver = { x: 1900, y: 100, width: 1440, height: 900, maximized: false };
    expect(fitToDisplays(sliver, [FULL_HD])).toMatchObject({ x: 240, y: 70 });
  });

  it('enforces the minimum size and shrinks to a small display', () => {
    expect(fitToDisplays({ width: 300, height: 200, maximized: false }, [FULL_HD])).toMatchObject({
      width: MIN_WIDTH,
      height: MIN_HEIGHT,
    });
    const laptop = { x: 0, y: 25, width: 1280, height: 775 };
    expect(fitToDisplays({ x: 0, y: 0, width: 2400, height: 1400, maximized: false }, [laptop])).toEqual({
      x: 0,
      y: 25,
      width: 1280,
      height: 775,
      maximized: false,
    });
  });

  it('uses the display the window overlaps most', () => {
    const straddling = { x: 1500, y: 100, width: 1440, height: 900, maximized: false };
    // 420 px on the first display, 1020 px on the second: it goes to the second, clamped inside it.
    expect(fitToDisplays(straddling, [FULL_HD, RIGHT_4K])).toMatchObject({ x: 1920, y: 100 });
  });

  it('copes with no display information', () => {
    expect(fitToDisplays(DEFAULT_WINDOW_STATE, [])).toEqual({ ...DEFAULT_WINDOW_STATE, x: 0, y: 0 });
  });
});

class FakeWindow extends FakeEmitter implements TrackedWindow {
  bounds: Rectangle = { x: 100, y: 50, width: 1440, height: 900 };
  maximized = false;
  destroyed = false;
  getNormalBounds = () => ({ ...this.bounds });
  isMaximized = () => this.maximized;
  isDestroyed = () => this.destroyed;
}

describe('window state keeper', () => {
  const FILE = '/user-data/window-state.json';
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(initial: Record<string, string> = {}) {
    const files = createMemoryFileStore(initial);
    const keeper = createWindowStateKeeper({
      files,
      filePath: FILE,
      workAreas: () => [FULL_HD],
      log: createRecordingLog(),
      debounceMs: 500,
    });
    return { files, keeper };
  }
  const saved = (files: ReturnType<typeof createMemoryFileStore>): unknown =>
    JSON.parse(files.files.get(FILE)?.toString('utf8') ?? 'null');

  it('loads the saved state fitted to the displays, or defaults from a corrupt file', () => {
    expect(
      setup({ [FILE]: '{"x":5,"y":6,"width":1200,"height":800,"maximized":true}' }).keeper.load(),
    ).toEqual({
      x: 5,
      y: 6,
      width: 1200,
      height: 800,
      maximized: true,
    });
    expect(setup({ [FILE]: '\u0000garbage' }).keeper.load()).toEqual({
      ...DEFAULT_WINDOW_STATE,
      x: 240,
      y: 70,
    });
  });

  it('saves once after moves and resizes settle', () => {
    const { files, keeper } = setup();
    const window = new FakeWindow();
    keeper.track(window);
    window.emit('move');
    window.bounds = { x: 120, y: 60, width: 1500, height: 950 };
    window.emit('resize');
    vi.advanceTimersByTime(499);
    expect(files.writes).toBe(0);
    vi.advanceTimersByTime(1);
    expect(files.writes).toBe(1);
    expect(saved(files)).toEqual({ x: 120, y: 60, width: 1500, height: 950, maximized: false });
  });

  it('saves at once on close, with the maximized flag and the normal bounds', () => {
    const { files, keeper } = setup();
    const window = new FakeWindow();
    keeper.track(window);
    window.maximized = true;
    window.emit('maximize');
    window.emit('close');
    expect(files.writes).toBe(1);
    expect(saved(files)).toEqual({ x: 100, y: 50, width: 1440, height: 900, maximized: true });
    vi.advanceTimersByTime(1000);
    expect(files.writes).toBe(1);
  });

  it('what it saves, it loads back', () => {
    const { files, keeper } = setup();
    const window = new FakeWindow();
    window.bounds = { x: 300, y: 40, width: 1300, height: 880 };
    keeper.save(window);
    expect(
      createWindowStateKeeper({
        files,
        filePath: FILE,
        workAreas: () => [FULL_HD],
        log: createRecordingLog(),
      }).load(),
    ).toEqual({ x: 300, y: 40, width: 1300, height: 880, maximized: false });
  });

  it('does not touch a destroyed window', () => {
    const { files, keeper } = setup();
    const window = new FakeWindow();
    window.destroyed = true;
    keeper.save(window);
    expect(files.writes).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { parseSse } from './event-stream';

describe('parseSse', () => {
  it('splits complete messages, keeps the partial rest, and reads ids, events and multi-line data', () => {
    const { messages, rest } = parseSse(
      'retry: 2000\n\nid: w1=3\nevent: poke\ndata: {"a":1}\n\n: comment\nevent: heartbeat\ndata: 1\ndata: 2\n\nevent: po',
    );
    expect(messages).toEqual([
      { event: 'poke', data: '{"a":1}', id: 'w1=3' },
      { event: 'heartbeat', data: '1\n2', id: null },
    ]);
    expect(rest).toBe('event: po');
  });

  it('accepts CRLF line endings', () => {
    expect(parseSse('event: poke\r\ndata: x\r\n\r\n').messages).toEqual([
      { event: 'poke', data: 'x', id: null },
    ]);
  });
});

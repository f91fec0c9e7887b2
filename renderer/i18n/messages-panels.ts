// Strings of the panels area (see messages.ts). Keep zh-CN and English in step: a test checks the keys match.
export const panelsZh = {} satisfies Record<string, string>;

export const panelsEn: Record<keyof typeof panelsZh, string> = {};

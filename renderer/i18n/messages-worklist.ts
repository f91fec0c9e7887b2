// Strings of the worklist area (see messages.ts). Keep zh-CN and English in step: a test checks the keys match.
export const worklistZh = {} satisfies Record<string, string>;

export const worklistEn: Record<keyof typeof worklistZh, string> = {};

// Strings of the surge area that messages-review.ts does not already hold (see messages.ts). Keep zh-CN and
// English in step: `en` must have exactly the keys of `zh`.
export const surgeZh = {} as const;

export const surgeEn: Record<keyof typeof surgeZh, string> = {};

// Strings of the forecast area that messages-review.ts does not already hold (see messages.ts). Keep zh-CN and
// English in step: `en` must have exactly the keys of `zh`.
export const forecastZh = {} as const;

export const forecastEn: Record<keyof typeof forecastZh, string> = {};

// Strings of the forecast area that messages-review.ts does not already hold (see messages.ts). Keep zh-CN and
// English in step: `en` must have exactly the keys of `zh`.
export const forecastZh = {
  'forecast.zone': '拣货区',
  'forecast.listSep': '；',
  'forecast.courier': '快递',
  'forecast.region': '地区',
  'forecast.shipBy': '发货截止',
  'forecast.cutoffs': '快递揽收时间',
  'forecast.pickup': '{carrier} 下次揽收：{next}',
  'forecast.capacityHelp':
    '产能 = 在班拣货员 × 实测效率 × 时长；待拣含已逾期订单。截止时间按快递最后一班揽收倒推：备好了但赶不上揽收也算逾期。',
  'forecast.firstRows': '仅显示前 {shown} 条，共 {count} 条；可按时间窗筛选。',
  'suggest.casesCount': '打开 {count} 个案件',
  'suggest.oneAtATime': '每条建议单独计算效果，两条建议可能救回同一批订单。',
  'risk.zoneNote': '仓库当地时间（{zone}）',
  'risk.import.rejected': '被拒绝的行',
  'risk.reason.kind': '未知的类型“{value}”（可用 rain、typhoon、snow、depot_overload、traffic、other）',
  'risk.reason.scope': '范围须为 region 或 courier，实为“{value}”',
  'risk.reason.target': '未填写地区或快递',
  'risk.reason.time': 'starts_at 和 ends_at 须为“YYYY-MM-DD HH:MM”格式',
  'risk.reason.points': '加分须为 0–300 的整数',
  'risk.reason.csv': 'CSV 格式错误（{detail}）',
} as const;

export const forecastEn: Record<keyof typeof forecastZh, string> = {
  'forecast.zone': 'Zone',
  'forecast.listSep': '; ',
  'forecast.courier': 'Courier',
  'forecast.region': 'Region',
  'forecast.shipBy': 'Ship by',
  'forecast.cutoffs': 'Courier pickups',
  'forecast.pickup': '{carrier} next pickup: {next}',
  'forecast.capacityHelp':
    'Capacity = pickers on shift × measured rate × hours; "to pick" includes overdue orders. Deadlines count back from the courier’s last pickup: ready but too late for the truck is a breach too.',
  'forecast.firstRows': 'Showing the first {shown} of {count}; narrow it with the window.',
  'suggest.casesCount': 'Open the cases ({count})',
  'suggest.oneAtATime': 'Each suggestion’s effect is computed on its own: two may save the same orders.',
  'risk.zoneNote': 'Warehouse time ({zone})',
  'risk.import.rejected': 'Rejected rows',
  'risk.reason.kind': 'Unknown kind "{value}" (use rain, typhoon, snow, depot_overload, traffic or other)',
  'risk.reason.scope': 'scope must be region or courier, not "{value}"',
  'risk.reason.target': 'No region or courier given',
  'risk.reason.time': 'starts_at and ends_at must be "YYYY-MM-DD HH:MM"',
  'risk.reason.points': 'points must be a whole number from 0 to 300',
  'risk.reason.csv': 'Malformed CSV ({detail})',
};

// The built-in mapping for the Olist data set (../shared/data/olist/), in the same format as a mapping file,
// so anyone can check it against the statement:
// ship-by deadline = shipping_limit_date (none when empty: orders without items have no deadline, and no
// platform rule invents one); handed to carrier = order_delivered_carrier_date; paid = order_approved_at, else
// the purchase time; canceled/unavailable = cancelled; shipped/delivered count as handed over even without a
// handoff time; times are wall clock in America/Sao_Paulo; category from product_category_name_english.
import { parseMapping, type MappingFileInput } from './mapping';

export const OLIST_WAREHOUSE = {
  id: 'olist-br',
  name: 'Olist (Brazil)',
  timezone: 'America/Sao_Paulo',
} as const;

const OLIST_MAPPING_SOURCE = {
  description: 'Olist (Brazil) orders, one row per order',
  timezone: 'America/Sao_Paulo',
  deadlineRules: false,
  validateTimes: [
    'order_purchase_timestamp',
    'shipping_limit_date_max',
    'order_delivered_customer_date',
    'order_estimated_delivery_date',
  ],
  fields: {
    platform: { kind: 'constant', value: 'olist' },
    platformOrderId: { kind: 'text', column: 'order_id' },
    status: {
      kind: 'status',
      column: 'order_status',
      map: {
        canceled: 'cancelled',
        unavailable: 'cancelled',
        shipped: 'handed_over',
        delivered: 'handed_over',
        processing: 'picking',
        invoiced: 'paid',
        created: 'paid',
        approved: 'paid',
      },
    },
    paidAt: { kind: 'time', column: ['order_approved_at', 'order_purchase_timestamp'] },
    promisedShipBy: { kind: 'time', column: 'shipping_limit_date' },
    handedOverAt: { kind: 'time', column: 'order_delivered_carrier_date' },
    valueFen: { kind: 'money', column: 'price_total' },
    currency: { kind: 'constant', value: 'BRL' },
    category: { kind: 'text', column: 'product_category_name_english' },
    items: {
      kind: 'item',
      sku: { kind: 'constant', value: 'olist' },
      name: { kind: 'text', column: 'product_category_name_english', default: 'unknown' },
      qty: { kind: 'number', column: 'item_count' },
    },
    customerName: { kind: 'text', column: 'customer_id', slice: [0, 8], prefix: 'cliente ' },
    city: { kind: 'text', column: 'customer_city' },
    region: { kind: 'text', column: 'customer_state' },
  },
} satisfies MappingFileInput;

export const OLIST_MAPPING = parseMapping(OLIST_MAPPING_SOURCE, 'olist (built in)');

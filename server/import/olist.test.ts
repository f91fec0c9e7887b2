// The built-in Olist mapping, rule by rule, on synthetic rows with the data set's 23 columns.
import { describe, expect, it } from 'vitest';
import { OLIST_MAPPING } from './olist';
import { compileMapping, RowError } from './row-mapper';

const HEADER =
  'order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,shipping_limit_date,shipping_limit_date_max,order_delivered_carrier_date,order_delivered_customer_date,order_estimated_delivery_date,seller_id,seller_city,seller_state,n_sellers,customer_city,customer_state,customer_zip_code_prefix,product_category_name,product_category_name_english,item_count,price_total,freight_value_total,source_repo'.split(
    ',',
  );
const BASE: Record<string, string> = {
  order_id: 'aaaa0000bbbb1111cccc2222dddd3333',
  customer_id: 'c0ffee00deadbeef0000000000000000',
  order_status: 'delivered',
  order_purchase_timestamp: '2017-05-02 10:00:00',
  order_approved_at: '2017-05-02 10:20:00',
  shipping_limit_date: '2017-05-08 10:20:00',
  order_delivered_carrier_date: '2017-05-09 16:20:00',
  order_estimated_delivery_date: '2017-05-30 00:00:00',
  seller_city: 'sao paulo',
  customer_city: 'campinas',
  customer_state: 'SP',
  product_category_name_english: 'bed_bath_table|housewares',
  item_count: '3',
  price_total: '149.90',
};
const row = (over: Record<string, string> = {}) => HEADER.map((h) => over[h] ?? BASE[h] ?? '');
const map = compileMapping(OLIST_MAPPING, HEADER, 'America/Sao_Paulo');
const reason = (over: Record<string, string>) => {
  try {
    map(row(over));
    return null;
  } catch (err) {
    return err instanceof RowError ? err.message : String(err);
  }
};

describe('the Olist mapping', () => {
  it('maps a delivered order as the issue states it', () => {
    expect(map(row())).toEqual({
      platform: 'olist',
      platformOrderId: 'aaaa0000bbbb1111cccc2222dddd3333',
      status: 'handed_over',
      category: 'bed_bath_table|housewares',
      valueFen: 14990,
      currency: 'BRL',
      items: [{ sku: 'olist', name: 'bed_bath_table|housewares', qty: 3 }],
      customerName: 'cliente c0ffee00',
      customerPhone: '',
      city: 'campinas',
      region: 'SP',
      zoneId: null,
      courierId: null,
      waybill: null,
      vip: false,
      // São Paulo in May 2017: UTC-3.
      paidAt: Date.parse('2017-05-02T13:20:00Z'),
      promisedShipBy: Date.parse('2017-05-08T13:20:00Z'),
      handedOverAt: Date.parse('2017-05-09T19:20:00Z'),
      pickingStartedAt: null,
      pickedAt: null,
      packedAt: null,
      waybillAt: null,
      cancelledAt: null,
    });
  });

  it('maps every Olist status', () => {
    const status = (s: string) => map(row({ order_status: s })).status;
    expect(['canceled', 'unavailable'].map(status)).toEqual(['cancelled', 'cancelled']);
    expect(['shipped', 'delivered'].map(status)).toEqual(['handed_over', 'handed_over']);
    expect(status('processing')).toBe('picking');
    expect(['invoiced', 'created', 'approved'].map(status)).toEqual(['paid', 'paid', 'paid']);
    expect(reason({ order_status: 'lost' })).toBe('unknown status "lost"');
    expect(reason({ order_status: '' })).toBe('unknown status ""');
  });

  it('pays at the purchase time when there is no approval, in DST when Brazil had it', () => {
    const r = map(row({ order_approved_at: '', order_purchase_timestamp: '2017-01-10 12:00:00' }));
    expect(r.paidAt).toBe(Date.parse('2017-01-10T14:00:00Z'));
  });

  it('imports an order without items with no deadline, no item and a value of 0', () => {
    const r = map(
      row({
        shipping_limit_date: '',
        item_count: '0',
        price_total: '0.00',
        product_category_name_english: '',
        order_delivered_carrier_date: '',
      }),
    );
    expect(r).toMatchObject({
      promisedShipBy: null,
      items: [],
      valueFen: 0,
      category: '',
      handedOverAt: null,
    });
  });

  it('names a missing category "unknown" on the item', () => {
    expect(map(row({ product_category_name_english: '', item_count: '1' })).items).toEqual([
      { sku: 'olist', name: 'unknown', qty: 1 },
    ]);
  });

  it('rejects a missing id and an unparseable timestamp, in any timestamp column', () => {
    expect(reason({ order_id: '' })).toBe('missing order id');
    expect(reason({ shipping_limit_date: '2017-05-08' })).toBe(
      'unparseable date "2017-05-08" in shipping_limit_date',
    );
    expect(reason({ order_delivered_customer_date: '31/05/2017' })).toBe(
      'unparseable date "31/05/2017" in order_delivered_customer_date',
    );
    expect(reason({ order_approved_at: 'n/a' })).toBe('unparseable date "n/a" in order_approved_at');
  });
});

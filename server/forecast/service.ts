// The forecast of one warehouse as the API serves it: the forecast, the suggested actions with their effect,
// and the measured rates behind them (so a lead can see why a zone looks short).
import {
  forecastBreaches,
  suggestActions,
  type Forecast,
  type Suggestion,
} from '../../shared/rules/forecast';
import type { ZoneRate } from '../../shared/rules/forecast-history';
import type { Db } from '../db/open';
import { loadForecastInput } from './load';

export interface WarehouseForecast {
  warehouseId: string;
  timezone: string;
  generatedAt: number;
  forecast: Forecast;
  suggestions: Suggestion[];
  rates: ZoneRate[];
}

export async function warehouseForecast(
  db: Db,
  warehouseId: string,
  now: number,
  horizonsHours: readonly number[],
): Promise<WarehouseForecast | null> {
  const loaded = await loadForecastInput(db, warehouseId, now, horizonsHours);
  if (!loaded) return null;
  const forecast = forecastBreaches(loaded.input);
  return {
    warehouseId,
    timezone: loaded.timezone,
    generatedAt: now,
    forecast,
    suggestions: suggestActions(forecast, loaded.input),
    rates: loaded.rates,
  };
}

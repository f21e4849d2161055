/** The platform's automatic forecast: median of ETS, Theta and ARIMA (domain/forecast/auto.ts) with the WebAssembly ARIMA. */
import { defaultForecast } from '../../domain/forecast/auto';
import { arimaForecast } from './arima';

export const autoForecast = defaultForecast(arimaForecast);

/**
 * Text in the platform's two languages. Chinese is the plan's own wording; English is our translation.
 *
 * @example
 * const name: LocalizedText = { zh: '服务业增加值', en: 'Value added of the service industry' };
 */
export interface LocalizedText {
  zh: string;
  en: string;
}

export type Language = keyof LocalizedText;

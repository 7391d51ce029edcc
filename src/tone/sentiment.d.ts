/** The part of the `sentiment` package (AFINN-165 word scores) Dyad uses; the package ships no types. */
declare module 'sentiment' {
  interface SentimentResult {
    score: number;
    comparative: number;
    tokens: string[];
    words: string[];
    positive: string[];
    negative: string[];
  }
  class Sentiment {
    analyze(phrase: string, options?: { extras?: Record<string, number> }): SentimentResult;
  }
  export default Sentiment;
}

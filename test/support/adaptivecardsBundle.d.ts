/**
 * The adaptivecards package's CommonJS bundle (its `lib/` is ES modules that jest cannot load),
 * typed as the package itself.
 */
declare module 'adaptivecards/dist/adaptivecards.js' {
  export * from 'adaptivecards';
}
